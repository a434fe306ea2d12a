/** The gateway's readiness: every subgraph it routes to answers its health check. */

export async function subgraphsNotReady(urls: Record<string, string>): Promise<string[]> {
  const problems = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2_000) });
        return res.ok ? null : `subgraph ${name} answered ${res.status}`;
      } catch (e) {
        return `subgraph ${name} unreachable at ${url}: ${(e as Error).message}`;
      }
    }),
  );
  return problems.filter((p): p is string => p !== null);
}

