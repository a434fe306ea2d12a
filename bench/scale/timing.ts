/**
 * One timed GraphQL request through the gateway, and the figures bench/scale prints from many: what
 * a caller waited (client side, ms) and, for a failed answer, the stable error codes it carried.
 */
import { round1 } from '../common/round';

export interface Timed {
  ms: number;
  status: number;
  /** extensions.code of every error (or `HTTP <status>` / `NETWORK` when the body was no GraphQL answer). */
  errors: string[];
  data: unknown;
}

/** Far above SUBGRAPH_TIMEOUT_MS (10 s): the gateway must answer first, even if with an error. */
const CLIENT_TIMEOUT_MS = 60_000;

export async function timedQuery(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Timed> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const errors = body ? (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE') : [`HTTP ${res.status}`];
    return { ms, status: res.status, errors, data: body?.data };
  } catch (e) {
    return { ms: performance.now() - t0, status: 0, errors: [`NETWORK ${(e as Error).name}`], data: undefined };
  }
}

/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Error codes over the samples, counted: `{}` when every answer was clean. */
export function errorCounts(samples: Timed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) for (const code of new Set(s.errors)) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** p50/p99 (ms, 0.1) of `samples` sequential requests, with any error codes. */
export async function latency(samples: number, ask: (i: number) => Promise<Timed>) {
  const all: Timed[] = [];
  for (let i = 0; i < samples; i++) all.push(await ask(i));
  const ms = all.map((t) => t.ms);
  return { samples, p50: round1(percentile(ms, 50)), p99: round1(percentile(ms, 99)), max: round1(Math.max(...ms)), errors: errorCounts(all) };
}

/**
 * A finder asked `warm + 1` times in a row: the first answer is the cold one (nothing asked it since
 * the services started), the median of the others is warm. `answers`: entries in the first clean answer.
 */
export async function coldAndWarm(warm: number, ask: () => Promise<Timed>, count: (data: unknown) => number | undefined) {
  const cold = await ask();
  const rest: Timed[] = [];
  for (let i = 0; i < warm; i++) rest.push(await ask());
  const clean = [cold, ...rest].find((t) => !t.errors.length);
  return {
    coldMs: round1(cold.ms),
    coldErrors: cold.errors,
    warmP50: round1(percentile(rest.map((t) => t.ms), 50)),
    warmSamples: warm,
    warmErrors: errorCounts(rest),
    answers: clean ? count(clean.data) ?? null : null,
  };
}
