/**
 * The witness fields every department subgraph serves: `record<Dept>Witness(subject, seq, hash)` and
 * `<dept>Witnesses(subject)`, over the department's own WitnessStore. They carry hashes only, no
 * personal data. Who may call, by subject:
 * - `case:<id>`: any department's enforcement team — a verified token of a department (not `public`)
 *   with a team role (TEAM_ROLES). Joint calls them with its caller's own token, so the department's
 *   audit trail shows who witnessed which case.
 * - `audit:<subgraph>`: that subgraph's own service token only (role audit-anchor, `dept` = the
 *   subgraph; auditAnchor.ts), so nobody else can plant a head that would make a trail look rewritten.
 */
import { GraphQLError } from 'graphql';
import { AUDIT_ANCHOR_ROLE, ENFORCEMENT_TEAM_ROLES } from '../../../lib/auth/roles';
import { badInput, ErrorCode } from '../../../lib/errors';
import type { Department } from '../../../lib/config';
import type { CatalogEntry } from '../catalog';
import type { SubgraphContext } from '../context';
import { auditSubject, WITNESS_NAMESPACES, witnessFieldNames } from './names';
import type { WitnessStore } from './store';

/** The roles of a department's joint enforcement team: the same that write joint's case files. */
export const TEAM_ROLES = ENFORCEMENT_TEAM_ROLES;

const SUBJECT = new RegExp(`^(${WITNESS_NAMESPACES.join('|')}):[\\w.:/-]{1,100}$`);
const HASH = /^[0-9a-f]{64}$/;

const isTeamMember = (roles: readonly string[]) => roles.some((r) => (TEAM_ROLES as readonly string[]).includes(r));

/** The caller may use the witness fields at all: a department's team member or a subgraph's anchor service. */
function requireWitnessCaller(coordinate: string, ctx: SubgraphContext<unknown>): void {
  const { caller } = ctx;
  if (caller.dept === 'public' || !(isTeamMember(caller.roles) || caller.roles.includes(AUDIT_ANCHOR_ROLE))) {
    throw new GraphQLError(`${coordinate} is for a department's enforcement team: a department token (not public) with one of the roles ${TEAM_ROLES.join(', ')}`, {
      extensions: { code: ErrorCode.FORBIDDEN, field: coordinate, requiredRoles: [...TEAM_ROLES] },
    });
  }
}

/** The subject is well formed, and one this caller may record or read (see the file comment). */
function checkSubject(coordinate: string, subject: string, ctx: SubgraphContext<unknown>): void {
  if (!SUBJECT.test(subject)) {
    throw badInput('subject', `"${subject.slice(0, 120)}" is not <namespace>:<id> with a namespace of ${WITNESS_NAMESPACES.join(', ')} and an id of 1 to 100 of A-Z a-z 0-9 _ . : / -`);
  }
  const { caller } = ctx;
  if (subject.startsWith('case:')) {
    if (isTeamMember(caller.roles)) return;
    throw new GraphQLError(`${coordinate}: case chains are witnessed by a department's enforcement team (roles ${TEAM_ROLES.join(', ')})`, {
      extensions: { code: ErrorCode.FORBIDDEN, field: coordinate, requiredRoles: [...TEAM_ROLES] },
    });
  }
  const own = auditSubject(caller.dept);
  if (caller.roles.includes(AUDIT_ANCHOR_ROLE)) {
    if (subject === own) return;
    throw new GraphQLError(`${coordinate}: an audit anchor token of ${caller.dept} may only use the subject "${own}"`, {
      extensions: { code: ErrorCode.FORBIDDEN, field: coordinate, requiredRoles: [AUDIT_ANCHOR_ROLE] },
    });
  }
  // A team member naming an audit subject: not a subject of theirs.
  throw badInput('subject', `"${subject.slice(0, 120)}": audit trail heads are recorded and read only by the trail's own subgraph (role ${AUDIT_ANCHOR_ROLE}); an enforcement team witnesses case:<id> subjects`);
}

export function witnessResolvers(dept: Department, store: WitnessStore) {
  const names = witnessFieldNames(dept);
  return {
    Query: {
      [names.list]: async (_: unknown, args: { subject: string }, ctx: SubgraphContext<unknown>) => {
        requireWitnessCaller(`Query.${names.list}`, ctx);
        checkSubject(`Query.${names.list}`, args.subject, ctx);
        return store.list(args.subject);
      },
    },
    Mutation: {
      [names.record]: async (_: unknown, args: { subject: string; seq: number; hash: string }, ctx: SubgraphContext<unknown>) => {
        requireWitnessCaller(`Mutation.${names.record}`, ctx);
        checkSubject(`Mutation.${names.record}`, args.subject, ctx);
        if (!Number.isInteger(args.seq) || args.seq < 1) throw badInput('seq', `must be a link number from 1, got ${args.seq}`);
        if (!HASH.test(args.hash)) throw badInput('hash', 'must be a SHA-256 in 64 lower-case hex characters');
        return store.record({ subject: args.subject, seq: args.seq, hash: args.hash }, { sub: ctx.caller.sub, dept: ctx.caller.dept });
      },
    },
  };
}

/**
 * Catalogue entries: OPEN (hashes of another service's records, no personal data); who may call is
 * decided in the resolvers (team roles), not by the sharing level.
 */
export function witnessCatalogEntries(dept: Department): Record<string, CatalogEntry> {
  const names = witnessFieldNames(dept);
  const open: CatalogEntry = { level: 'OPEN', basis: 'hash-chain heads witnessed for another service (no personal data); callers: enforcement team roles' };
  const fields: Record<string, CatalogEntry> = { [`Query.${names.list}`]: open, [`Mutation.${names.record}`]: open };
  for (const f of ['subject', 'seq', 'hash', 'at', 'recorderDept', 'conflict']) fields[`WitnessRecord.${f}`] = open;
  return fields;
}
