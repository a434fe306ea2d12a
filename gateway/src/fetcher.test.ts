/**
 * The subgraph fetcher stops reading an answer past RESPONSE_MAX_BYTES, over real HTTP: a server
 * that would stream without end (no Content-Length) sees its connection closed, and one that
 * declares a size over the limit is not read at all. It gives up on a server that accepts and never
 * answers after its timeout, closing the connection; its failures are told apart (timeout, refused).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { fetchFailureOf } from '../../lib/http/errorMessages';
import { createSubgraphFetcher, SubgraphResponseTooLargeError } from './fetcher';

const CHUNK = Buffer.alloc(16 * 1024, 'x');

async function serve(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

test('an endless answer is abandoned just past the limit: the fetch fails with the size read, the server sees the connection closed', async () => {
  let sent = 0;
  let closed!: () => void;
  const connectionClosed = new Promise<void>((r) => (closed = r));
  const server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.on('close', closed);
    const more = () => {
      while (!res.destroyed && res.write(CHUNK)) sent += CHUNK.length;
      if (!res.destroyed) res.once('drain', more);
    };
    more();
  });
  const client = createSubgraphFetcher({ timeoutMs: 10_000, responseMaxBytes: 100_000 });
  try {
    const error = await client.fetcher(server.url, { method: 'POST', body: '{}' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubgraphResponseTooLargeError);
    const e = error as SubgraphResponseTooLargeError;
    expect(e.declared).toBe(false);
    expect(e.maxBytes).toBe(100_000);
    expect(e.bytes).toBeGreaterThan(100_000);
    // Stopped within one network read of the limit, not after the whole (endless) answer.
    expect(e.bytes).toBeLessThan(100_000 + 128 * 1024);
    await connectionClosed;
  } finally {
    await client.close();
    await server.close();
  }
});

test('a declared Content-Length over the limit fails at once; an answer within it is read whole', async () => {
  const big = Buffer.alloc(200_000, 'y');
  const server = await serve((req, res) => {
    const body = req.url === '/graphql?small' ? Buffer.from('{"data":{"ok":true}}') : big;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  const client = createSubgraphFetcher({ timeoutMs: 10_000, responseMaxBytes: 100_000 });
  try {
    const error = await client.fetcher(server.url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ declared: true, bytes: 200_000, maxBytes: 100_000 });
    const ok = await client.fetcher(`${server.url}?small`, { method: 'POST', body: '{}' });
    expect(await ok.json()).toEqual({ data: { ok: true } });
  } finally {
    await client.close();
    await server.close();
  }
});

test('a server that accepts and never answers: the fetch fails as a timeout after timeoutMs, and the connection is closed', async () => {
  let closed!: () => void;
  const connectionClosed = new Promise<void>((r) => (closed = r));
  const silent = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.on('close', closed);
    socket.resume(); // reads (and drops) the request, so that the client's close is seen
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const client = createSubgraphFetcher({ timeoutMs: 300 });
  try {
    const started = performance.now();
    const error = await client.fetcher(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    const ms = performance.now() - started;
    expect(fetchFailureOf(error)).toBe('timeout');
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(2000);
    await connectionClosed;
  } finally {
    await client.close();
    await new Promise<void>((r) => silent.close(() => r()));
  }
});

test('a port nobody listens on: the fetch fails as connection_refused', async () => {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const client = createSubgraphFetcher({ timeoutMs: 5000 });
  try {
    const error = await client.fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(fetchFailureOf(error)).toBe('connection_refused');
  } finally {
    await client.close();
  }
});
