/**
 * The gateway's HTTP client to subgraphs: undici `request()` over a keep-alive pool, with a
 * per-request timeout. The default client (make-fetch-happen) was measured as the gateway's main
 * cost (STACK-NOTES: ×1.5–2.2 req/s with this one); it also has no timeout.
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, Headers, request } from 'undici';

export function createSubgraphFetcher(options: { timeoutMs: number; connections?: number }): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: 30_000, pipelining: 1 });
  const fetcher: Fetcher = async (url, init) => {
    const res = await request(url, {
      method: (init?.method ?? 'GET') as 'POST',
      headers: init?.headers,
      body: init?.body,
      dispatcher: agent,
      signal: init?.signal ?? AbortSignal.timeout(options.timeoutMs),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const text = await res.body.text();
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    const response: FetcherResponse = {
      bodyUsed: true,
      url,
      redirected: false,
      status: res.statusCode,
      ok: res.statusCode >= 200 && res.statusCode < 300,
      statusText: String(res.statusCode),
      headers: headers as unknown as FetcherResponse['headers'],
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
      text: async () => text,
      json: async () => JSON.parse(text),
      clone: () => response,
    };
    return response;
  };
  return { fetcher, close: () => agent.close() };
}
