/**
 * A small Node HTTP front for Apollo Server, shared by the gateway and every subgraph:
 * `/graphql` (authenticated: 401 before any execution when the token is bad), `/health` (liveness),
 * `/ready` (dependencies reachable). No framework: Apollo Server 5's documented integration API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { AuthenticationError } from '../auth/tokens';
import { ErrorCode } from '../errors';

export interface HttpServiceOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /** Builds the per-request context; throw AuthenticationError to answer 401. */
  context(req: http.IncomingMessage, requestId: string): Promise<Ctx>;
  /** Extra readiness check for /ready; resolve to a list of problems (empty = ready). */
  readiness?: () => Promise<string[]>;
  /** Optional handler for other paths; return true when it answered. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> | boolean;
  maxBodyBytes?: number;
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function graphQLErrorBody(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      // Answer at once, and drain the rest so the client can read the answer (no reset).
      req.removeAllListeners('data');
      req.resume();
      reject(new BodyTooLargeError(`request body over ${limit} bytes`));
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) return tooLarge();
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

export function createHttpHandler<Ctx extends BaseContext>(options: HttpServiceOptions<Ctx>) {
  const limit = options.maxBodyBytes ?? 1_000_000;
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const problems = options.readiness ? await options.readiness() : [];
        return sendJson(res, problems.length ? 503 : 200, { status: problems.length ? 'not ready' : 'ready', problems });
      }
      if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}` });

      let context: Ctx;
      try {
        context = await options.context(req, requestId);
      } catch (e) {
        if (e instanceof AuthenticationError) {
          res.setHeader('www-authenticate', 'Bearer');
          return sendJson(res, 401, graphQLErrorBody(e.message, ErrorCode.UNAUTHENTICATED));
        }
        throw e;
      }
      const body = req.method === 'POST' ? await readBody(req, limit) : '';
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
      let parsed: unknown = undefined;
      if (body) {
        try {
          parsed = JSON.parse(body);
        } catch {
          return sendJson(res, 400, graphQLErrorBody('request body is not valid JSON', ErrorCode.BAD_USER_INPUT));
        }
      }
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
        context: async () => context,
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        if (!res.headersSent) sendJson(res, 413, graphQLErrorBody(e.message, ErrorCode.BAD_USER_INPUT));
        return;
      }
      if (!res.headersSent) sendJson(res, 500, graphQLErrorBody('internal error', ErrorCode.INTERNAL_SERVER_ERROR, { requestId }));
      else res.end();
      process.stderr.write(JSON.stringify({ level: 'error', requestId, msg: (e as Error).stack }) + '\n');
    }
  };
}

/** Listens on port (0 = a free one); stop() closes idle keep-alive sockets too. */
export function listen(handler: http.RequestListener, port: number, host = '127.0.0.1'): Promise<RunningService> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
      resolve({
        url: `http://${shownHost}:${addr.port}/graphql`,
        port: addr.port,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 2_000).unref();
          }),
      });
    });
  });
}

export interface ServiceFront {
  listen(port: number, host?: string): Promise<RunningService>;
  /** Closes every listener, then runs `cleanup` (stop Apollo, close clients). */
  stop(): Promise<void>;
}

/** listen()/stop() around one handler, for the gateway and every subgraph. */
export function serviceFront(handler: http.RequestListener, cleanup: () => Promise<void>): ServiceFront {
  const running: RunningService[] = [];
  return {
    async listen(port, host) {
      const r = await listen(handler, port, host);
      running.push(r);
      return r;
    },
    async stop() {
      await Promise.all(running.splice(0).map((r) => r.stop()));
      await cleanup();
    },
  };
}
