/**
 * A small Node HTTP front for Apollo Server, shared by the gateway and every subgraph:
 * `/graphql` (authenticated: 401 before any execution when the token is bad), `/health` (liveness),
 * `/ready` (dependencies reachable), `/metrics` (Prometheus text, lib/metrics.ts). No framework:
 * Apollo Server 5's documented integration API.
 *
 * `/graphql` goes through admission control (lib/http/admission.ts): a per-caller share when the
 * service has one (the gateway), then the service's slots and short queue; past them the answer is
 * immediate, with Retry-After and the code OVERLOADED. `/health`, `/ready`, `/metrics` and the
 * `{ __typename }` probe are never shed.
 *
 * Every `/graphql` request is counted (lib/http/requestMetrics.ts: requests, latency, error codes,
 * operation names on the allow-list) and written as one access-log line (lib/http/accessLog.ts) once
 * its answer is sent. Its id is this service's own (lib/http/requestId.ts): `x-request-id` on the
 * answer; a client's own id is only echoed as `x-client-request-id`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { AuthenticationError } from '../auth/tokens';
import { ErrorCode } from '../errors';
import { metrics, sendMetrics } from '../metrics';
import { log } from '../log';
import { CLIENT_REQUEST_ID_HEADER, requestIdsOf } from './requestId';
import { accessLog } from './accessLog';
import { codeLabel, errorCodesOf, observe, operationAllowList, operationLabel, outcomeOf, requestMetrics, type Observation, type Outcome } from './requestMetrics';
import { Abandoned, Admission, admissionLimitsFromEnv, CallerLimit, retryAfterSeconds, Shed, type AdmissionLimits } from './admission';

export interface HttpServiceOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /** The service's name: the `service` label of its metrics (never a value from a request). */
  service: string;
  /** Builds the per-request context; throw AuthenticationError to answer 401. */
  context(req: http.IncomingMessage, requestId: string): Promise<Ctx>;
  /** Extra readiness check for /ready; resolve to a list of problems (empty = ready). */
  readiness?: () => Promise<string[]>;
  /** Optional handler for other paths; return true when it answered. Not admission-controlled. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> | boolean;
  maxBodyBytes?: number;
  /** Requests in flight and queued (default: MAX_IN_FLIGHT, MAX_QUEUED, MAX_QUEUE_WAIT_MS). */
  admission?: AdmissionLimits;
  /**
   * A per-caller share of the service: at most `limit` requests at once per `key(context)` (run after
   * the token is verified; undefined = not counted). Past it: 429 with Retry-After, code OVERLOADED.
   */
  perCaller?: { limit: number; key(context: Ctx): string | undefined };
  /**
   * Looks at (and may rewrite) a request once its token is verified and its body parsed, before it
   * takes a slot: e.g. the gateway's trusted documents fill in a `documentId`'s text, or refuse a
   * document. Throw RequestRefused to answer at once with its status and code.
   */
  prepareRequest?(request: { method: string; body: unknown; search: URLSearchParams }, context: Ctx): { body: unknown; search: URLSearchParams };
  /** Where the access-log lines go (default: the process's logger, lib/log.ts). */
  logger?: Logger;
}

/** Thrown by prepareRequest: answered with this HTTP status and a GraphQL error carrying `code`. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
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

/**
 * `{ __typename }` (optionally `query Name { __typename }`): the GraphQL health probe Apollo documents,
 * answered by the service itself without touching a resolver or a subgraph. Like /health it takes no
 * slot, so that monitoring still sees the service answer while a flood fills every slot (it still
 * needs a valid token, and counts in the caller's share).
 */
const TYPENAME_PROBE = /^\s*(?:query(?:\s+\w+)?\s*)?\{\s*__typename\s*\}\s*$/;

function isTypenameProbe(body: unknown, search: URLSearchParams): boolean {
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : search.get('query');
  return typeof query === 'string' && query.length <= 100 && TYPENAME_PROBE.test(query);
}

/** Waits for a slot; rejects with Abandoned when the client goes away meanwhile. */
async function admitted(admission: Admission, res: http.ServerResponse): Promise<() => void> {
  if (admission.inFlight < admission.limits.maxInFlight) return admission.acquire();
  const gone = new AbortController();
  // The response cannot have finished yet, so its 'close' here means the connection closed.
  const onClose = () => gone.abort();
  res.once('close', onClose);
  try {
    return await admission.acquire(gone.signal);
  } finally {
    res.off('close', onClose);
  }
}

/** What server.ts itself knows of a /graphql request that Apollo did not answer (refused, shed, 401, failed). */
interface Verdict {
  outcome: Outcome;
  codes: string[];
}

export function createHttpHandler<Ctx extends BaseContext>(options: HttpServiceOptions<Ctx>) {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const service = options.service;
  const m = metrics();
  const rm = requestMetrics();
  const allowed = operationAllowList();
  const access = accessLog(service, options.logger);
  let shownRunning = 0;
  let shownWaiting = 0;
  const admission = new Admission(options.admission ?? admissionLimitsFromEnv(), {
    // Deltas, not set(): several fronts of one service may share the process's registry.
    changed(running, waiting) {
      m.requestsInFlight.inc({ service }, running - shownRunning);
      m.requestsQueued.inc({ service }, waiting - shownWaiting);
      shownRunning = running;
      shownWaiting = waiting;
    },
  });
  const callers = options.perCaller ? new CallerLimit(options.perCaller.limit) : undefined;
  const retryAfter = String(retryAfterSeconds(admission.limits));

  const shed = (res: http.ServerResponse, e: Shed) => {
    m.requestsShed.inc({ service, reason: e.reason });
    // 429 is HTTP's answer to one client's excess (RFC 6585); 503 says the service as a whole is full.
    const status = e.reason === 'caller_limit' ? 429 : 503;
    sendJson(res, status, graphQLErrorBody(e.message, ErrorCode.OVERLOADED, { reason: e.reason }), { 'retry-after': retryAfter });
  };

  /** Counts a /graphql request and writes its access-log line, once its answer is sent. */
  const finish = (
    started: number,
    ids: { requestId: string; clientRequestId?: string },
    status: number,
    verdict: Verdict | undefined,
    seen: Observation | undefined,
    context: unknown,
    given: { operationName?: string } | undefined,
  ) => {
    const codes = verdict?.codes ?? errorCodesOf(seen?.response);
    const outcome = verdict?.outcome ?? outcomeOf(seen?.response, status, codes);
    const operationType = seen?.operationType ?? 'none';
    const seconds = (performance.now() - started) / 1000;
    rm.requests.inc({ service, operation_type: operationType, outcome });
    rm.duration.observe({ service, operation_type: operationType, outcome }, seconds);
    for (const code of codes) rm.errors.inc({ service, code: codeLabel(code) });
    // The name is known once the request is read (Apollo's resolved name first: a document may hold several).
    const operationName = seen?.operationName ?? given?.operationName;
    if (given) rm.operations.inc({ service, operation: operationLabel(operationName, allowed) });
    access.write({
      ...ids,
      caller: (context as { caller?: { sub?: unknown; dept?: unknown } } | undefined)?.caller,
      operationName,
      operationType,
      durationMs: seconds * 1000,
      status,
      outcome,
      errors: codes,
      subgraphs: seen?.subgraphs,
    });
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ids = requestIdsOf(req);
    const { requestId } = ids;
    res.setHeader('x-request-id', requestId);
    if (ids.clientRequestId) res.setHeader(CLIENT_REQUEST_ID_HEADER, ids.clientRequestId);
    // Filled in as the /graphql request goes (undefined for other paths: not counted, not logged).
    let verdict: Verdict | undefined;
    let seen: Observation | undefined;
    let graphql = false;
    let context: Ctx | undefined;
    let given: { operationName?: string } | undefined;
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const problems = options.readiness ? await options.readiness() : [];
        return sendJson(res, problems.length ? 503 : 200, { status: problems.length ? 'not ready' : 'ready', problems });
      }
      if (url.pathname === '/metrics') return sendMetrics(res);
      if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `no route ${url.pathname}` });
      graphql = true;

      try {
        context = await options.context(req, requestId);
      } catch (e) {
        if (e instanceof AuthenticationError) {
          verdict = { outcome: 'unauthenticated', codes: [ErrorCode.UNAUTHENTICATED] };
          res.setHeader('www-authenticate', 'Bearer');
          return sendJson(res, 401, graphQLErrorBody(e.message, ErrorCode.UNAUTHENTICATED));
        }
        throw e;
      }
      seen = observe(context);
      // The caller's share first (a flooding caller is refused without taking a place in the
      // service's queue), counted from here until the answer is sent.
      const callerKey = callers ? options.perCaller!.key(context) : undefined;
      if (callerKey !== undefined && !callers!.tryEnter(callerKey)) {
        verdict = { outcome: 'shed', codes: [ErrorCode.OVERLOADED] };
        return shed(res, new Shed('caller_limit', `This caller already has ${callers!.limit} requests in flight, its limit; try again when one has been answered`));
      }
      try {
        // The body is read before a slot is taken, so a slow upload holds no slot (it is bounded by maxBodyBytes).
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
            verdict = { outcome: 'refused', codes: [ErrorCode.BAD_USER_INPUT] };
            return sendJson(res, 400, graphQLErrorBody('request body is not valid JSON', ErrorCode.BAD_USER_INPUT));
          }
        }
        let search = url.searchParams;
        const name = parsed && typeof parsed === 'object' ? (parsed as { operationName?: unknown }).operationName : search.get('operationName');
        given = { operationName: typeof name === 'string' ? name : undefined };
        if (options.prepareRequest) {
          try {
            ({ body: parsed, search } = options.prepareRequest({ method: req.method ?? 'GET', body: parsed, search }, context));
          } catch (e) {
            if (e instanceof RequestRefused) {
              verdict = { outcome: 'refused', codes: [e.code] };
              return sendJson(res, e.status, graphQLErrorBody(e.message, e.code, e.extensions));
            }
            throw e;
          }
        }
        let release: () => void;
        try {
          release = isTypenameProbe(parsed, search) ? () => undefined : await admitted(admission, res);
        } catch (e) {
          if (e instanceof Shed) {
            verdict = { outcome: 'shed', codes: [ErrorCode.OVERLOADED] };
            return shed(res, e);
          }
          if (e instanceof Abandoned) {
            // Nobody is waiting for an answer; logged as 499 (the client closed the request).
            verdict = { outcome: 'error', codes: [] };
            res.statusCode = 499;
            return void res.destroy();
          }
          throw e;
        }
        try {
          const result = await options.apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: search === url.searchParams ? url.search : `?${search}`, body: parsed },
            context: async () => context!, // set above (a closure does not see the narrowing)
          });
          for (const [k, v] of result.headers) res.setHeader(k, v);
          res.statusCode = result.status ?? 200;
          if (result.body.kind === 'complete') {
            res.end(result.body.string);
          } else {
            for await (const chunk of result.body.asyncIterator) res.write(chunk);
            res.end();
          }
        } finally {
          release();
        }
      } finally {
        if (callerKey !== undefined) callers!.leave(callerKey);
      }
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        verdict = { outcome: 'refused', codes: [ErrorCode.BAD_USER_INPUT] };
        if (!res.headersSent) sendJson(res, 413, graphQLErrorBody(e.message, ErrorCode.BAD_USER_INPUT));
        return;
      }
      verdict = { outcome: 'error', codes: [ErrorCode.INTERNAL_SERVER_ERROR] };
      if (!res.headersSent) sendJson(res, 500, graphQLErrorBody('internal error', ErrorCode.INTERNAL_SERVER_ERROR, { requestId }));
      else res.end();
      log.error('request failed', { service, requestId, error: (e as Error).stack });
    } finally {
      // Counting and logging must never turn an answered request into an unhandled rejection.
      if (graphql) {
        try {
          finish(started, ids, res.statusCode, verdict, seen, context, given);
        } catch (e) {
          log.error('request metrics or access log failed', { service, requestId, error: (e as Error).stack });
        }
      }
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
