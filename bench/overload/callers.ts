/**
 * Many callers at once against a gateway, each with its own token, each sending its next request as
 * soon as the last one is answered, for a fixed time; plus a probe sending a cheap `{ __typename }`
 * from its own token every 250 ms. Counts what was served, shed (503/429 with Retry-After) and failed,
 * by error code; latency percentiles of the served requests and of the probe. Shared by bench/overload
 * and the overload test.
 */
import { Agent, request } from 'undici';

export interface CallerLoad {
  url: string;
  /** One token per caller. */
  tokens: string[];
  probeToken: string;
  /** Operations sent in turn by each caller. */
  operations: { query: string; variables?: Record<string, unknown> }[];
  seconds: number;
  /** Give up on one request after this long (default 30 s): counted as a timeout. */
  requestTimeoutMs?: number;
}

export interface LoadResult {
  requests: number;
  /** 200 with data and no error. */
  served: number;
  /** 503 or 429 answers, and how many of them carried Retry-After. */
  shed: number;
  shedWithRetryAfter: number;
  /** Answers with errors, by extensions.code (several per answer possible), and by HTTP status. */
  errorCodes: Record<string, number>;
  statuses: Record<string, number>;
  timeouts: number;
  servedMs: { p50: number; p99: number; max: number };
  shedMs: { p50: number; max: number };
  /** Latency of every answer, whatever it was. */
  allMaxMs: number;
  probe: { sent: number; ok: number; p50: number; max: number };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function runCallers(load: CallerLoad): Promise<LoadResult> {
  const agent = new Agent({ connections: load.tokens.length + 4, keepAliveTimeout: 30_000 });
  const deadline = Date.now() + load.seconds * 1000;
  const servedMs: number[] = [];
  const shedMs: number[] = [];
  const probeMs: number[] = [];
  const result: LoadResult = {
    requests: 0,
    served: 0,
    shed: 0,
    shedWithRetryAfter: 0,
    errorCodes: {},
    statuses: {},
    timeouts: 0,
    servedMs: { p50: 0, p99: 0, max: 0 },
    shedMs: { p50: 0, max: 0 },
    allMaxMs: 0,
    probe: { sent: 0, ok: 0, p50: 0, max: 0 },
  };

  const send = async (token: string, body: string) => {
    const t0 = performance.now();
    const res = await request(load.url, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(load.requestTimeoutMs ?? 30_000),
    });
    const text = await res.body.text();
    return { ms: performance.now() - t0, status: res.statusCode, retryAfter: res.headers['retry-after'] !== undefined, text };
  };

  const caller = async (token: string, offset: number) => {
    for (let i = offset; Date.now() < deadline; i++) {
      const op = load.operations[i % load.operations.length];
      result.requests++;
      try {
        const r = await send(token, JSON.stringify(op));
        result.allMaxMs = Math.max(result.allMaxMs, r.ms);
        result.statuses[r.status] = (result.statuses[r.status] ?? 0) + 1;
        let errors: { extensions?: { code?: string } }[] = [];
        try {
          errors = (JSON.parse(r.text) as { errors?: typeof errors }).errors ?? [];
        } catch {
          errors = [{ extensions: { code: 'NOT_JSON' } }];
        }
        for (const e of errors) {
          const code = e.extensions?.code ?? 'NO_CODE';
          result.errorCodes[code] = (result.errorCodes[code] ?? 0) + 1;
        }
        if (r.status === 503 || r.status === 429) {
          result.shed++;
          if (r.retryAfter) result.shedWithRetryAfter++;
          shedMs.push(r.ms);
        } else if (r.status === 200 && !errors.length) {
          result.served++;
          servedMs.push(r.ms);
        }
      } catch (e) {
        if ((e as Error).name === 'TimeoutError') result.timeouts++;
        else result.errorCodes[`CLIENT_${(e as { code?: string }).code ?? (e as Error).name}`] = (result.errorCodes[`CLIENT_${(e as { code?: string }).code ?? (e as Error).name}`] ?? 0) + 1;
      }
    }
  };

  const probe = async () => {
    while (Date.now() < deadline) {
      const next = Date.now() + 250;
      result.probe.sent++;
      try {
        const r = await send(load.probeToken, JSON.stringify({ query: '{ __typename }' }));
        probeMs.push(r.ms);
        if (r.status === 200 && r.text.includes('"__typename":"Query"')) result.probe.ok++;
      } catch {
        probeMs.push(load.requestTimeoutMs ?? 30_000);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
    }
  };

  await Promise.all([...load.tokens.map((t, i) => caller(t, i)), probe()]);
  await agent.close();

  const byValue = (a: number, b: number) => a - b;
  servedMs.sort(byValue);
  shedMs.sort(byValue);
  probeMs.sort(byValue);
  result.servedMs = { p50: round(percentile(servedMs, 50)), p99: round(percentile(servedMs, 99)), max: round(servedMs.at(-1) ?? 0) };
  result.shedMs = { p50: round(percentile(shedMs, 50)), max: round(shedMs.at(-1) ?? 0) };
  result.allMaxMs = round(result.allMaxMs);
  result.probe.p50 = round(percentile(probeMs, 50));
  result.probe.max = round(probeMs.at(-1) ?? 0);
  return result;
}
