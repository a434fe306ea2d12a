/**
 * Before measuring: every variant must answer both queries with data and without errors (we fail
 * loudly otherwise), ours and Hive must return the same data, and the busiest subgraph of each query
 * is found by timing each subgraph's own part of it, sent to it directly.
 */
import { performance } from 'node:perf_hooks';
import type { TokenPool } from './tokens';

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };
}

export async function postGraphQL(url: string, body: GraphQLBody, authorization: string): Promise<GraphQLAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: GraphQLAnswer['body'];
  try {
    parsed = JSON.parse(text) as GraphQLAnswer['body'];
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 300)}` }] };
  }
  return { status: res.status, body: parsed };
}

/** Throws, saying what went wrong, unless the answer is a 200 with data and no error. */
export function assertClean(what: string, a: GraphQLAnswer, rootField: string): Record<string, unknown> {
  const errors = a.body.errors ?? [];
  if (a.status !== 200 || errors.length || !a.body.data || a.body.data[rootField] == null) {
    const shown = errors.slice(0, 8).map((e) => `  - ${e.extensions?.code ?? ''} ${e.message}${e.path ? ` at ${JSON.stringify(e.path)}` : ''}`);
    throw new Error(
      `${what}: HTTP ${a.status}, ${errors.length} error(s), ${a.body.data?.[rootField] == null ? 'no data' : 'data'}\n${shown.join('\n')}\n` +
        'Nothing is measured on a query that fails. If a field is broken in its subgraph, report it to its owner; ' +
        'meanwhile --exclude Type.field (or subgraph:Type.field) leaves it out, and the report lists it.',
    );
  }
  return a.body.data;
}

/** How much a value holds: non-null leaves and list items. */
function weight(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (Array.isArray(v)) return v.reduce((a: number, x) => a + 1 + weight(x), 0);
  if (typeof v === 'object') return Object.values(v as object).reduce((a: number, x) => a + weight(x), 0);
  return 1;
}

/** The code of the project with the most data in a `projects` answer, and every code listed. */
export function projectsOf(data: Record<string, unknown>): { best: string; codes: string[] } {
  const edges = (data.projects as { edges: { node: { code: string } }[] }).edges;
  if (!edges.length) throw new Error('the list query returned no project: is the city seeded?');
  const sorted = [...edges].sort((a, b) => weight(b.node) - weight(a.node));
  return { best: sorted[0].node.code, codes: edges.map((e) => e.node.code) };
}

/**
 * Median latency (ms) of sequential requests (up to `n`, at least 3, for about `budgetMs`), after
 * checking that the first answer is clean.
 */
export async function probeLatency(url: string, body: GraphQLBody, rootField: string, tokens: TokenPool, n = 40, budgetMs = 3_000): Promise<number> {
  assertClean(`direct ${url}`, await postGraphQL(url, body, tokens.next()), rootField);
  const times: number[] = [];
  const start = performance.now();
  while (times.length < n && (times.length < 3 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await postGraphQL(url, body, tokens.next());
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 100) / 100;
}

/** Stable JSON (sorted keys) to compare answers of two gateways. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
