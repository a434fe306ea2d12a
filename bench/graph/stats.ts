/** Medians over rounds and the ratios the benchmark reports. */
import type { Measurement } from './load';
import { round2, round3 } from '../common/round';

// hiveRust: Hive Gateway with Hive Router's Rust query planner (serveHive.ts, rustPlanner).
export const VARIANTS = ['ours', 'hive', 'hiveRust', 'direct', 'oursUnsecured'] as const;
export type Variant = (typeof VARIANTS)[number];
export const QUERIES = ['project', 'list'] as const;
export type QueryName = (typeof QUERIES)[number];

export interface Summary {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Totals over every measured round (should all be 0). */
  errors: number;
  non2xx: number;
  graphqlErrors: number;
  /** Requests answered in all rounds. */
  requests: number;
  /** req/s of each round, in order. */
  rounds: number[];
  /** Cores used by each process during the load (median over rounds). */
  cpu: Record<string, number>;
  /**
   * CPU milliseconds each process spent per answered request (median over rounds): what a request
   * costs, less sensitive than req/s to what else the machine did meanwhile.
   */
  cpuMsPerRequest: Record<string, number>;
  /** CPU ms per request of all our processes together (store, subgraphs, gateway; not the runner). */
  servingCpuMsPerRequest: number;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarize(ms: Measurement[]): Summary {
  const sum = (k: 'errors' | 'non2xx' | 'graphqlErrors' | 'requests') => ms.reduce((a, m) => a + m[k], 0);
  return {
    reqPerSec: Math.round(median(ms.map((m) => m.reqPerSec)) * 10) / 10,
    p50: median(ms.map((m) => m.p50)),
    p99: median(ms.map((m) => m.p99)),
    errors: sum('errors'),
    non2xx: sum('non2xx'),
    graphqlErrors: sum('graphqlErrors'),
    requests: sum('requests'),
    rounds: ms.map((m) => m.reqPerSec),
    cpu: perProcess(ms, (cores) => cores, round3),
    cpuMsPerRequest: perProcess(ms, (cores, m) => (m.reqPerSec ? (cores * 1000) / m.reqPerSec : undefined), round2),
    servingCpuMsPerRequest: round2(median(ms.flatMap((m) => servingCpuMs(m) ?? []))),
  };
}

/** For each process measured in any round: the median over rounds of f(its cores, the measurement), rounded. */
function perProcess(
  ms: Measurement[],
  f: (cores: number, m: Measurement) => number | undefined,
  round: (x: number) => number,
): Record<string, number> {
  const names = [...new Set(ms.flatMap((m) => Object.keys(m.cpu ?? {})))];
  return Object.fromEntries(
    names.map((p) => [p, round(median(ms.flatMap((m) => (m.cpu?.[p] === undefined ? [] : f(m.cpu[p], m) ?? []))))]),
  );
}

/** CPU ms our processes spent per answered request in one measurement. */
function servingCpuMs(m: Measurement): number | undefined {
  const cores = servingCores(m);
  return cores === undefined || !m.reqPerSec ? undefined : (cores * 1000) / m.reqPerSec;
}

export interface Ratio {
  /** Ratio of the median req/s. */
  value: number;
  /** The same ratio within each round (both variants measured minutes apart at most). */
  perRound: number[];
}

/** Fewer answered requests than this in one round make its req/s too coarse to compare. */
export const MIN_REQUESTS_PER_ROUND = 50;

/** Cores our processes (all but the runner) used during a measurement; undefined when unknown. */
function servingCores(m: Measurement): number | undefined {
  if (!m.cpu) return undefined;
  return Object.entries(m.cpu).reduce((a, [p, c]) => (p === 'runner' || p.endsWith('/main') ? a : a + c), 0);
}

/**
 * What makes the figures weak: errors; too few requests answered in a round; a measurement during
 * which our processes got much less CPU than in the other measurements of the same query (another
 * load on the machine competed).
 */
export function warnings(raw: Record<string, Record<string, Measurement[]>>): string[] {
  const out: string[] = [];
  for (const [q, byVariant] of Object.entries(raw)) {
    const all = Object.values(byVariant).flat().map(servingCores).filter((c): c is number => c !== undefined);
    const typical = median(all);
    for (const [v, ms] of Object.entries(byVariant)) {
      ms.forEach((m, r) => {
        const c = servingCores(m);
        if (c !== undefined && c < 0.75 * typical) {
          out.push(`${q}/${v} round ${r + 1}: our processes used ${round3(c)} cores (typical ${round3(typical)}): another load competed for the CPU, this figure is low`);
        }
      });
    }
    for (const [v, ms] of Object.entries(byVariant)) {
      const fewest = Math.min(...ms.map((m) => m.requests));
      if (fewest < MIN_REQUESTS_PER_ROUND) out.push(`${q}/${v}: only ${fewest} requests answered in a round (raise --seconds)`);
      const bad = ms.reduce((a, m) => a + m.errors + m.non2xx + m.graphqlErrors, 0);
      if (bad) out.push(`${q}/${v}: ${bad} failed requests (errors, non-2xx or GraphQL errors)`);
    }
  }
  return out;
}

/**
 * b's CPU per request over a's (a costs more CPU when below 1), median over rounds and per round.
 * When the machine's cores are the bound, throughput follows it; it varies less than req/s does.
 */
export function cpuRatio(a: Measurement[], b: Measurement[]): Ratio {
  const pairs = a.map((m, i) => [servingCpuMs(m), b[i] && servingCpuMs(b[i])]).filter((p): p is [number, number] => p[0] !== undefined && p[1] !== undefined);
  if (!pairs.length) return { value: NaN, perRound: [] };
  return {
    value: round3(median(pairs.map((p) => p[1])) / median(pairs.map((p) => p[0]))),
    perRound: pairs.map(([x, y]) => round3(y / x)),
  };
}

export function ratio(a: Measurement[], b: Measurement[]): Ratio {
  // A variant left out with --variants: no ratio (NaN, null in the JSON).
  if (!a.length || !b.length) return { value: NaN, perRound: [] };
  const perRound = a.map((m, i) => round3(m.reqPerSec / b[i].reqPerSec));
  return { value: round3(median(a.map((m) => m.reqPerSec)) / median(b.map((m) => m.reqPerSec))), perRound };
}
