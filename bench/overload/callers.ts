/**
 * Many callers at once against a gateway, each with its own token, each sending its next request as
 * soon as the last one is answered, for a fixed time; plus a probe sending a cheap `{ __typename }`
 * from its own token every 250 ms. Counts what was served, shed (503/429 with Retry-After) and failed,
 * by error code; latency percentiles of the served requests and of the probe. Shared by bench/overload
 * and the overload test.
 *
 * The callers run in a child process (callersChild.ts) and the probe here: a flood answered with quick
 * 503s keeps the callers' event loop busy, and a probe on that same loop would measure the load
 * generator's own delay instead of the gateway's.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
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

type Send = (token: string, body: string) => Promise<{ ms: number; status: number; retryAfter: boolean; text: string }>;

function sender(agent: Agent, url: string, timeoutMs: number): Send {
  return async (token, body) => {
    const t0 = performance.now();
    const res = await request(url, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.body.text();
    return { ms: performance.now() - t0, status: res.statusCode, retryAfter: res.headers['retry-after'] !== undefined, text };
  };
}

/** The callers alone, in this process (callersChild.ts runs this); the probe fields stay empty. */
export async function runCallersHere(load: CallerLoad): Promise<LoadResult> {
  const agent = new Agent({ connections: load.tokens.length + 4, keepAliveTimeout: 30_000 });
  const deadline = Date.now() + load.seconds * 1000;
  const servedMs: number[] = [];
  const shedMs: number[] = [];
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

  const send = sender(agent, load.url, load.requestTimeoutMs ?? 30_000);

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

  await Promise.all(load.tokens.map((t, i) => caller(t, i)));
  await agent.close();

  const byValue = (a: number, b: number) => a - b;
  servedMs.sort(byValue);
  shedMs.sort(byValue);
  result.servedMs = { p50: round(percentile(servedMs, 50)), p99: round(percentile(servedMs, 99)), max: round(servedMs.at(-1) ?? 0) };
  result.shedMs = { p50: round(percentile(shedMs, 50)), max: round(shedMs.at(-1) ?? 0) };
  result.allMaxMs = round(result.allMaxMs);
  return result;
}

/** `{ __typename }` every 250 ms until `seconds` have passed. */
async function runProbe(load: CallerLoad): Promise<LoadResult['probe']> {
  const agent = new Agent({ connections: 1 });
  const send = sender(agent, load.url, load.requestTimeoutMs ?? 30_000);
  const deadline = Date.now() + load.seconds * 1000;
  const probe = { sent: 0, ok: 0, p50: 0, max: 0 };
  const ms: number[] = [];
  while (Date.now() < deadline) {
    const next = Date.now() + 250;
    probe.sent++;
    try {
      const r = await send(load.probeToken, JSON.stringify({ query: '{ __typename }' }));
      ms.push(r.ms);
      if (r.status === 200 && r.text.includes('"__typename":"Query"')) probe.ok++;
    } catch {
      ms.push(load.requestTimeoutMs ?? 30_000);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  await agent.close();
  ms.sort((a, b) => a - b);
  return { ...probe, p50: round(percentile(ms, 50)), max: round(ms.at(-1) ?? 0) };
}

/** The callers in a child process, the probe here, at the same time. */
export async function runCallers(load: CallerLoad): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'callersChild.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const done = new Promise<LoadResult>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`callers child exited with ${code}`)))),
  );
  child.stdin.end(JSON.stringify(load));
  // The child starts its clock when it has read the load; a few ms apart from ours.
  const [callers, probe] = await Promise.all([done, runProbe(load)]);
  return { ...callers, probe };
}
