/**
 * The calls an audit anchor makes to the other departments' witness fields, through the gateway
 * (zero trust: each department verifies the service token itself): record a head, read the heads.
 * One operation per call, one alias per department; each department's answer or error is reported.
 */
import type { Department } from '../../lib/config';
import { witnessFieldNames } from './witness/names';
import type { WitnessedAuditHead } from './auditAnchorCheck';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export interface GatewayTarget {
  url: string;
  /** Authorization header value: the anchor's own service token. */
  authorization: string;
  timeoutMs: number;
}

async function post(target: GatewayTarget, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: target.authorization },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(target.timeoutMs),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as Answer;
  } catch {
    throw new Error(`the gateway answered ${res.status} without GraphQL: ${text.slice(0, 200)}`);
  }
}

function errorFor(answer: Answer, alias: string): string {
  const e = answer.errors?.find((x) => x.path?.[0] === alias) ?? answer.errors?.find((x) => !x.path?.length);
  return e ? `${e.extensions?.code ?? 'ERROR'}: ${e.message.slice(0, 300)}` : 'no answer';
}

const reason = (e: unknown) => `gateway: ${(e as Error).message.slice(0, 300)}`;

export interface RecordOutcome {
  dept: Department;
  ok: boolean;
  /** The department already holds another hash for this seq. */
  conflict: boolean;
  error?: string;
}

export async function recordHead(target: GatewayTarget, subject: string, head: { seq: number; hash: string }, depts: readonly Department[]): Promise<RecordOutcome[]> {
  const fields = depts.map((d) => `${d}: ${witnessFieldNames(d).record}(subject: $subject, seq: $seq, hash: $hash) { seq hash conflict }`);
  const query = `mutation AnchorAuditHead($subject: String!, $seq: Int!, $hash: String!) { ${fields.join(' ')} }`;
  let answer: Answer;
  try {
    answer = await post(target, query, { subject, seq: head.seq, hash: head.hash });
  } catch (e) {
    return depts.map((dept) => ({ dept, ok: false, conflict: false, error: reason(e) }));
  }
  return depts.map((dept) => {
    const got = answer.data?.[dept] as { conflict: boolean } | null | undefined;
    if (!got) return { dept, ok: false, conflict: false, error: errorFor(answer, dept) };
    return got.conflict ? { dept, ok: false, conflict: true, error: `${dept} holds another hash for record ${head.seq}` } : { dept, ok: true, conflict: false };
  });
}

export interface WitnessRead {
  witnessed: WitnessedAuditHead[];
  /** Departments that could not be read, and why. */
  unavailable: { dept: Department; error: string }[];
}

export async function readHeads(target: GatewayTarget, subject: string, depts: readonly Department[]): Promise<WitnessRead> {
  const fields = depts.map((d) => `${d}: ${witnessFieldNames(d).list}(subject: $subject) { seq hash at }`);
  const query = `query AuditWitnesses($subject: String!) { ${fields.join(' ')} }`;
  let answer: Answer;
  try {
    answer = await post(target, query, { subject });
  } catch (e) {
    return { witnessed: [], unavailable: depts.map((dept) => ({ dept, error: reason(e) })) };
  }
  const witnessed: WitnessedAuditHead[] = [];
  const unavailable: WitnessRead['unavailable'] = [];
  for (const dept of depts) {
    const got = answer.data?.[dept] as { seq: number; hash: string; at: string }[] | null | undefined;
    if (!Array.isArray(got)) unavailable.push({ dept, error: errorFor(answer, dept) });
    else for (const w of got) witnessed.push({ dept, seq: w.seq, hash: w.hash, at: w.at });
  }
  return { witnessed, unavailable };
}
