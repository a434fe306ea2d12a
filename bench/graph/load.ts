/**
 * autocannon, in this (the runner's) process: POSTs one GraphQL operation for `seconds` over
 * `connections` keep-alive connections; every request gets the next token of the pool as its
 * Authorization header (setupRequest runs per request), so no two requests in flight are identical.
 * A 200 answer whose body carries `"errors"` is counted as a GraphQL error.
 */
import type { TokenPool } from './tokens';

export interface Measurement {
  reqPerSec: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  graphqlErrors: number;
  requests: number;
  /** Cores used by each process while the load ran (cpu.ts). */
  cpu?: Record<string, number>;
}

export interface LoadSpec {
  url: string;
  body: string;
  tokens: TokenPool;
  connections: number;
  seconds: number;
}

interface AutocannonRequest {
  headers?: Record<string, string>;
  [k: string]: unknown;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  duration: number;
}

type Autocannon = (
  opts: {
    url: string;
    method: 'POST';
    connections: number;
    duration: number;
    timeout: number;
    headers: Record<string, string>;
    body: string;
    requests: { setupRequest(req: AutocannonRequest): AutocannonRequest }[];
    verifyBody(body: string): boolean;
  },
  cb: (err: Error | null, result: AutocannonResult) => void,
) => { stop(): void };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

let current: { stop(): void } | undefined;

/** Stops a load in progress (Ctrl-C). */
export function stopLoad(): void {
  current?.stop();
}

export function runLoad(spec: LoadSpec): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        url: spec.url,
        method: 'POST',
        connections: spec.connections,
        duration: spec.seconds,
        timeout: 30,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: spec.body,
        requests: [
          {
            setupRequest(req) {
              req.headers = { ...req.headers, authorization: spec.tokens.next() };
              return req;
            },
          },
        ],
        verifyBody: (body) => !body.includes('"errors"'),
      },
      (err, r) => {
        current = undefined;
        if (err) return reject(err);
        resolve({
          reqPerSec: Math.round((r.requests.total / r.duration) * 10) / 10,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors, // includes timeouts
          non2xx: r.non2xx,
          graphqlErrors: r.mismatches,
          requests: r.requests.total,
        });
      },
    );
  });
}
