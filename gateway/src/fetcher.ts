/**
 * The gateway's HTTP client to subgraphs: undici `request()` over a keep-alive pool, with a
 * per-request timeout. The default client (make-fetch-happen) was measured as the gateway's main
 * cost (STACK-NOTES: ×1.5–2.2 req/s with this one); it also has no timeout.
 *
 * A subgraph's answer is read only up to `responseMaxBytes` (RESPONSE_MAX_BYTES): past it the body
 * is abandoned (the connection is closed) and the fetch fails with SubgraphResponseTooLargeError, so
 * the gateway never holds more than the limit for one fetch, whatever a subgraph sends.
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, Headers, request } from 'undici';
import { DEFAULT_RESPONSE_MAX_BYTES } from '../../lib/http/responseLimit';
import { metrics } from '../../lib/metrics';

/** A subgraph's answer was larger than the limit; `bytes` is its declared size or what was read before stopping. */
export class SubgraphResponseTooLargeError extends Error {
  constructor(readonly url: string, readonly bytes: number, readonly maxBytes: number, readonly declared: boolean) {
    super(`the answer of ${url} is ${declared ? '' : 'more than '}${bytes} bytes, over the limit of ${maxBytes}`);
  }
}

/** Stops reading: undici closes the connection and reports the abort as an 'error' nobody needs. */
function abandon(body: { on(event: 'error', listener: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => undefined);
  body.destroy();
}

export function createSubgraphFetcher(options: { timeoutMs: number; connections?: number; responseMaxBytes?: number }): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: 30_000, pipelining: 1 });
  const maxBytes = options.responseMaxBytes ?? DEFAULT_RESPONSE_MAX_BYTES;
  const tooLarge = (url: string, bytes: number, declared: boolean) => {
    metrics().responsesTooLarge.inc({ service: 'gateway' });
    return new SubgraphResponseTooLargeError(url, bytes, maxBytes, declared);
  };
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
    const declared = Number(res.headers['content-length']);
    if (declared > maxBytes) {
      abandon(res.body);
      throw tooLarge(url, declared, true);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        abandon(res.body);
        throw tooLarge(url, size, false);
      }
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks, size).toString('utf8');
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
