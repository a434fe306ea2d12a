/**
 * The gateway's readiness: every subgraph it routes to is ready itself — its `/ready`, not its
 * `/health`: a subgraph whose store is down is alive but cannot answer, and the gateway must not say
 * ready then. All subgraphs are asked at once, each bounded by `timeoutMs`; the problems name each
 * subgraph that is not ready and why (its own problems, or why it could not be asked). No address
 * appears in them: /ready is unauthenticated.
 */

/** How long one subgraph's /ready may take before it counts as not ready. */
export const SUBGRAPH_READY_TIMEOUT_MS = 2_000;

export async function subgraphsNotReady(urls: Record<string, string>, timeoutMs = SUBGRAPH_READY_TIMEOUT_MS): Promise<string[]> {
  const problems = await Promise.all(Object.entries(urls).map(([name, url]) => subgraphProblem(name, url, timeoutMs)));
  return problems.filter((p): p is string => p !== null);
}

async function subgraphProblem(name: string, url: string, timeoutMs: number): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    return `subgraph ${name} unreachable: ${reason(e, timeoutMs)}`;
  }
  if (res.ok) {
    await res.body?.cancel();
    return null;
  }
  const body = (await res.json().catch(() => undefined)) as { problems?: unknown } | undefined;
  const own = Array.isArray(body?.problems) ? body.problems.filter((p): p is string => typeof p === 'string').slice(0, 5) : [];
  return `subgraph ${name} not ready (${res.status})${own.length ? ': ' + own.join('; ').slice(0, 500) : ''}`;
}

/** Why a subgraph could not be asked, in words without its address. */
function reason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return code ?? 'request failed';
}
