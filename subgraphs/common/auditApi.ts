/**
 * The audit trail in the graph: each subgraph serves `<name>AuditTrail(filter, first)` and
 * `verify<Name>AuditTrail` (the chain, and the heads other departments witnessed: auditAnchor.ts) to its
 * own department's admins (role `admin` or `auditor`). The fields are
 * declared in each schema/<name>.graphql with the shared types AuditRecord, AuditRead,
 * AuditVerification and the input AuditFilter; their catalogue entries (OWNER_ONLY) are added here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError, Kind, parse } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import { ROOT_DIR, type SubgraphName } from '../../lib/config';
import type { AuditTrail } from './audit';
import { anchorFor } from './auditAnchor';
import { readTypeFilter } from './auditStorage';
import type { CatalogEntry } from './catalog';
import type { SubgraphContext } from './context';

const ADMIN_ROLES = ['admin', 'auditor'];

function capitalized(name: string): string {
  return name[0].toUpperCase() + name.slice(1);
}

export function auditFieldNames(name: SubgraphName) {
  return { trail: `${name}AuditTrail`, verify: `verify${capitalized(name)}AuditTrail` };
}

export interface AuditFilterInput {
  dept?: string | null;
  sub?: string | null;
  requestId?: string | null;
  type?: string | null;
  from?: string | null;
  to?: string | null;
  caseId?: string | null;
}

function requireAuditor(name: SubgraphName, ctx: SubgraphContext<unknown>): void {
  if (ctx.caller.dept !== name || !ctx.caller.roles.some((r) => ADMIN_ROLES.includes(r))) {
    throw new GraphQLError(`The ${name} audit trail is only for ${name}'s admins (role admin or auditor)`, {
      extensions: { code: ErrorCode.FORBIDDEN, field: `Query.${auditFieldNames(name).trail}` },
    });
  }
}

function parseDate(value: string | null | undefined, argument: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new GraphQLError(`Invalid argument "filter.${argument}": not an ISO date-time`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument: `filter.${argument}` } });
  }
  return d;
}

export function auditResolvers(name: SubgraphName, audit: AuditTrail) {
  const names = auditFieldNames(name);
  return {
    [names.trail]: async (_: unknown, args: { filter?: AuditFilterInput | null; first?: number | null }, ctx: SubgraphContext<unknown>) => {
      requireAuditor(name, ctx);
      const first = args.first ?? 50;
      if (first < 1 || first > 500) {
        throw new GraphQLError('Invalid argument "first": must be between 1 and 500', { extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'first' } });
      }
      const f = args.filter ?? {};
      const query: Record<string, unknown> = {};
      if (f.dept) query.dept = f.dept;
      if (f.sub) query.sub = f.sub;
      if (f.requestId) query.requestId = f.requestId;
      if (f.caseId) query.caseId = f.caseId;
      if (f.type) Object.assign(query, readTypeFilter(f.type));
      const from = parseDate(f.from, 'from');
      const to = parseDate(f.to, 'to');
      if (from || to) query.at = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
      const records = await audit.records(query, first);
      return records.map((r) => ({ ...r, caseId: r.caseId ?? null, at: r.at.toISOString() }));
    },
    [names.verify]: async (_: unknown, _args: unknown, ctx: SubgraphContext<unknown>) => {
      requireAuditor(name, ctx);
      // The chain, and the heads the other departments witnessed for it (read through the gateway).
      return anchorFor(name, audit).verify();
    },
  };
}

/**
 * Catalogue entries for the audit fields: the root fields are never shared (the trail is the owner's
 * record); the record types are reachable only through them, so their own fields need no second gate.
 */
export function auditCatalogEntries(name: SubgraphName): Record<string, CatalogEntry> {
  const names = auditFieldNames(name);
  const owner: CatalogEntry = { level: 'OWNER_ONLY', basis: "数据使用留痕: the owner department's own record of reads" };
  const behindGate: CatalogEntry = { level: 'OPEN', basis: `reachable only through Query.${names.trail} / Query.${names.verify} (OWNER_ONLY)` };
  const fields: Record<string, CatalogEntry> = { [`Query.${names.trail}`]: owner, [`Query.${names.verify}`]: owner };
  for (const [type, typeFields] of Object.entries(auditTypeFields(name))) for (const f of typeFields) fields[`${type}.${f}`] = behindGate;
  return fields;
}

/** The shared audit types, declared alike in every subgraph's SDL (fields are only ever added). */
const AUDIT_TYPES = ['AuditRecord', 'AuditRead', 'AuditVerification', 'AuditWitnessReport'];
const typeFieldsBySubgraph = new Map<SubgraphName, Record<string, string[]>>();

/**
 * The fields of the shared audit types as this subgraph's SDL declares them: a field added to them
 * (issue 22: the witnesses of a verification, the count and hash of a bounded read) gets its entry
 * with the SDL edit, in the subgraphs that have it, and never a stale one.
 */
function auditTypeFields(name: SubgraphName): Record<string, string[]> {
  let found = typeFieldsBySubgraph.get(name);
  if (!found) {
    found = {};
    const doc = parse(fs.readFileSync(path.join(ROOT_DIR, 'schema', `${name}.graphql`), 'utf8'));
    for (const def of doc.definitions) {
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION && AUDIT_TYPES.includes(def.name.value)) found[def.name.value] = (def.fields ?? []).map((f) => f.name.value);
    }
    typeFieldsBySubgraph.set(name, found);
  }
  return found;
}
