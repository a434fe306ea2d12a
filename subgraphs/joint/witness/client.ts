/**
 * Witnesses of a case's hash chain, outside joint's silo. A plain hash chain kept in joint's own
 * database does not survive joint's database administrator: the newest links can be deleted, or the
 * whole case rewritten with every hash recomputed, and the chain still verifies. So after every append
 * joint asks each participating department to record the new head (seq, hash) in the department's OWN
 * store (`record<Dept>Witness`, subgraphs/common/witness); verifyCase reads those records back
 * (`<dept>Witnesses`) and checks the chain against them (checkAgainstWitnesses).
 *
 * Both calls go through the gateway with the caller's own token (zero trust: the department verifies
 * it, and its catalogue and audit trail apply), the caller's request id and the case id header, so the
 * department's audit record names the case. Joint itself is not a witness.
 */
import { envInt, type Department } from '../../../lib/config';
import { askGatewayAsCaller, type CallerAuth, type GatewayAnswer } from '../gatewayCall';
import { caseSubject, witnessFieldNames } from '../../common/witness/names';

export interface CaseHead {
  caseId: string;
  seq: number;
  hash: string;
}

export interface WitnessedHead {
  dept: string;
  seq: number;
  hash: string;
  /** When the department first recorded it (ISO 8601). */
  at: string;
  /**
   * Department of the caller who had it recorded. A head nobody in the case's departments asked for
   * (any enforcement team may record one) is still a contradiction, but this says where to look.
   */
  recorderDept?: string;
}

export type { CallerAuth };

/** A chain link as far as witnesses are concerned (a ChainLink of cases/chain.ts has both). */
export interface WitnessableLink {
  seq: number;
  hash: string;
}

export interface WitnessCheck {
  ok: boolean;
  brokenAt?: number;
  reason?: string;
  /** Highest seq some department witnessed with the chain's own hash (0: none). */
  witnessedUpTo: number;
}

/** Default bound of one call to the gateway (WITNESS_TIMEOUT_MS). */
export const DEFAULT_WITNESS_TIMEOUT_MS = 10_000;

/** Some departments could not be read: verification against witnesses would be incomplete. */
export class WitnessesUnavailableError extends Error {
  constructor(
    readonly witnessed: WitnessedHead[],
    readonly unavailable: { dept: string; error: string }[],
  ) {
    super(`witnesses unavailable: ${unavailable.map((u) => `${u.dept} (${u.error})`).join('; ')}`);
    this.name = 'WitnessesUnavailableError';
  }
}

function departmentsOf(depts: string[]): Department[] {
  const unique = [...new Set(depts)];
  for (const d of unique) {
    if (!/^[a-z]+$/.test(d) || d === 'joint' || d === 'public') throw new Error(`"${d}" cannot witness a case (only the five departments do)`);
  }
  return unique as Department[];
}

function askGateway(gatewayUrl: string, query: string, variables: Record<string, unknown>, caseId: string, auth: CallerAuth): Promise<GatewayAnswer> {
  return askGatewayAsCaller(gatewayUrl, { query, variables }, caseId, auth, envInt('WITNESS_TIMEOUT_MS', DEFAULT_WITNESS_TIMEOUT_MS));
}

/** The error of one alias (department), or of the whole request when none names a path. */
function errorFor(answer: GatewayAnswer, alias: string): string | undefined {
  const own = answer.errors?.find((e) => e.path?.[0] === alias);
  const general = answer.errors?.find((e) => !e.path?.length);
  const e = own ?? general;
  return e ? `${e.extensions?.code ?? 'ERROR'}: ${e.message}` : undefined;
}

/**
 * Asks each department to record the case's head. Never throws: each department's outcome is
 * returned (a failure is for the caller to record; the append itself is already stored). A department
 * that already holds another hash for this seq answers `conflict` — the chain was rewritten — and that
 * is reported as a failure here too.
 */
export async function witnessHead(gatewayUrl: string, head: CaseHead, depts: string[], auth: CallerAuth): Promise<{ dept: string; ok: boolean; error?: string }[]> {
  let targets: Department[];
  try {
    targets = departmentsOf(depts);
  } catch (e) {
    return depts.map((dept) => ({ dept, ok: false, error: (e as Error).message }));
  }
  if (!targets.length) return [];
  const fields = targets.map((d) => `${d}: ${witnessFieldNames(d).record}(subject: $subject, seq: $seq, hash: $hash) { seq hash conflict }`);
  const query = `mutation WitnessCaseHead($subject: String!, $seq: Int!, $hash: String!) { ${fields.join(' ')} }`;
  let answer: GatewayAnswer;
  try {
    answer = await askGateway(gatewayUrl, query, { subject: caseSubject(head.caseId), seq: head.seq, hash: head.hash }, head.caseId, auth);
  } catch (e) {
    return targets.map((dept) => ({ dept, ok: false, error: `gateway: ${(e as Error).message}` }));
  }
  return targets.map((dept) => {
    const got = answer.data?.[dept] as { seq: number; hash: string; conflict: boolean } | null | undefined;
    if (!got) return { dept, ok: false, error: errorFor(answer, dept) ?? 'no answer' };
    if (got.conflict) return { dept, ok: false, error: `CONFLICT: ${dept} already witnessed another hash for link ${head.seq} of case ${head.caseId}` };
    return { dept, ok: true };
  });
}

/** Every head each department witnessed for the case, and the departments that could not be read. */
export async function readWitnessReport(gatewayUrl: string, caseId: string, depts: string[], auth: CallerAuth): Promise<{ witnessed: WitnessedHead[]; unavailable: { dept: string; error: string }[] }> {
  const targets = departmentsOf(depts);
  if (!targets.length) return { witnessed: [], unavailable: [] };
  const fields = targets.map((d) => `${d}: ${witnessFieldNames(d).list}(subject: $subject) { seq hash at recorderDept }`);
  const query = `query CaseWitnesses($subject: String!) { ${fields.join(' ')} }`;
  let answer: GatewayAnswer;
  try {
    answer = await askGateway(gatewayUrl, query, { subject: caseSubject(caseId) }, caseId, auth);
  } catch (e) {
    return { witnessed: [], unavailable: targets.map((dept) => ({ dept, error: `gateway: ${(e as Error).message}` })) };
  }
  const witnessed: WitnessedHead[] = [];
  const unavailable: { dept: string; error: string }[] = [];
  for (const dept of targets) {
    const got = answer.data?.[dept] as { seq: number; hash: string; at: string; recorderDept: string }[] | null | undefined;
    if (!Array.isArray(got)) {
      unavailable.push({ dept, error: errorFor(answer, dept) ?? 'no answer' });
      continue;
    }
    for (const w of got) witnessed.push({ dept, seq: w.seq, hash: w.hash, at: w.at, recorderDept: w.recorderDept });
  }
  return { witnessed, unavailable };
}

/**
 * Every head each department witnessed for the case. Throws WitnessesUnavailableError (which carries
 * what could be read) when a department did not answer: a check against fewer witnesses than the case
 * has is the caller's decision, not a silent default.
 */
export async function readWitnesses(gatewayUrl: string, caseId: string, depts: string[], auth: CallerAuth): Promise<WitnessedHead[]> {
  const report = await readWitnessReport(gatewayUrl, caseId, depts, auth);
  if (report.unavailable.length) throw new WitnessesUnavailableError(report.witnessed, report.unavailable);
  return report.witnessed;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Checks a chain (already checked on its own by verifyLinks) against the heads the departments
 * witnessed. Names the first break:
 * - a witnessed seq beyond the chain's end: the newest links were deleted (truncated tail);
 * - a witnessed seq whose hash differs from the chain's link at that seq: the chain was rewritten
 *   (consistently, since verifyLinks passed) somewhere after the last head that still matches;
 * - a witnessed seq missing inside the chain (a gap verifyLinks also reports).
 * Links after the newest witnessed head are not covered (a witness failed, or the append is new): that
 * is `witnessedUpTo`, not a break.
 */
export function checkAgainstWitnesses(links: readonly WitnessableLink[], witnessed: readonly WitnessedHead[]): WitnessCheck {
  const hashAt = new Map(links.map((l) => [l.seq, l.hash]));
  const end = links.reduce((max, l) => Math.max(max, l.seq), 0);
  const heads = [...witnessed].sort((a, b) => a.seq - b.seq || a.dept.localeCompare(b.dept));
  let lastMatching = 0;
  for (const w of heads) {
    const own = hashAt.get(w.seq);
    if (w.seq > end) {
      const beyond = heads.filter((h) => h.seq > end);
      const newest = beyond[beyond.length - 1];
      const who = [...new Set(beyond.map((h) => h.dept))].join(', ');
      return {
        ok: false,
        brokenAt: end + 1,
        reason: `links ${end + 1}–${newest.seq} are missing (deleted at the tail): ${who} witnessed link ${newest.seq} (hash ${short(newest.hash)}, at ${newest.at}) but the chain ends at link ${end}`,
        witnessedUpTo: lastMatching,
      };
    }
    if (own === undefined) {
      return { ok: false, brokenAt: w.seq, reason: `link ${w.seq}, witnessed by ${w.dept} at ${w.at}, is missing from the chain (deleted)`, witnessedUpTo: lastMatching };
    }
    if (own !== w.hash) {
      const asked = w.recorderDept ? ` (asked by ${w.recorderDept})` : '';
      const before = heads.reduce((max, h) => (h.seq < w.seq && hashAt.get(h.seq) === h.hash ? Math.max(max, h.seq) : max), 0);
      const agreeing = [...new Set(heads.filter((h) => h.seq === w.seq && h.hash === own).map((h) => h.dept))];
      return {
        ok: false,
        brokenAt: w.seq,
        reason: agreeing.length
          ? `link ${w.seq}: ${w.dept} witnessed ${short(w.hash)} for it at ${w.at}${asked}, but ${agreeing.join(', ')} witnessed the chain's own hash ${short(own)}: ` +
            `the witnesses disagree (the case rewritten after one of them recorded, or a head recorded outside the case's procedure)`
          : `link ${w.seq} has hash ${short(own)} but ${w.dept} witnessed ${short(w.hash)} for it at ${w.at}${asked}: ` +
            `the case was rewritten in joint's database (hashes recomputed) after link ${before}`,
        witnessedUpTo: before,
      };
    }
    lastMatching = w.seq;
  }
  return { ok: true, witnessedUpTo: lastMatching };
}
