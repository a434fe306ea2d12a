/**
 * What every service counts about its `/graphql` requests (lib/http/server.ts), on the process's
 * registry (lib/metrics.ts):
 *
 *   xietong_graphql_requests_total{service, operation_type, outcome}
 *   xietong_graphql_request_duration_seconds{service, operation_type, outcome}   (histogram, 5 ms … 30 s)
 *   xietong_graphql_errors_total{service, code}
 *   xietong_graphql_operations_total{service, operation}
 *
 * Every label value is chosen here: operation_type and outcome from fixed lists, code from the codes
 * this project and Apollo Server define (anything else is OTHER), operation only when the name is on
 * the allow-list (operationAllowList), else `other`.
 *
 * The shape of an answer (data, errors, the operation's type and name) is taken by `requestOutcomePlugin`
 * from the response object Apollo Server holds, not by parsing the serialized answer again: the plugin
 * keeps a reference in the request's Observation (a symbol-keyed slot of the context that server.ts
 * puts there), and server.ts reads it once the answer is sent, after every plugin is done with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener, GraphQLResponse } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { Kind, parse } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import { ROOT_DIR, readEnv } from '../config';
import { ErrorCode } from '../errors';
import { metrics } from '../metrics';

export type OperationType = 'query' | 'mutation' | 'subscription' | 'none';
/**
 * ok: data, no error; partial: data and errors; error: errors and no data; refused: the request was
 * not run (parse, validation, query limits, body size, trusted documents, answer too large);
 * unauthenticated: no valid token (401); shed: OVERLOADED, by this service or (at the gateway) a subgraph.
 */
export type Outcome = 'ok' | 'partial' | 'error' | 'refused' | 'unauthenticated' | 'shed';

/** Codes counted under their own name; any other code an answer carries is counted as OTHER. */
const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...Object.values(ApolloServerErrorCode), 'NONE']);

/** Codes of a request that was refused rather than run (when the answer has no data). */
const REFUSED_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.RESPONSE_TOO_LARGE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.DOCUMENT_NOT_REGISTERED,
]);

/** Latency buckets from 5 ms (a cached subgraph read) to 30 s (past any subgraph timeout). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface RequestMetrics {
  requests: Counter<'service' | 'operation_type' | 'outcome'>;
  duration: Histogram<'service' | 'operation_type' | 'outcome'>;
  errors: Counter<'service' | 'code'>;
  operations: Counter<'service' | 'operation'>;
}

const created = new WeakMap<Registry, RequestMetrics>();

/** The request metrics on the process's registry, created once. */
export function requestMetrics(): RequestMetrics {
  const { registry } = metrics();
  let m = created.get(registry);
  if (m) return m;
  const registers = [registry];
  m = {
    requests: new Counter({
      name: 'xietong_graphql_requests_total',
      help: 'GraphQL requests answered on /graphql, by operation type (query|mutation|subscription|none = not known: refused before parsing) and outcome (ok|partial|error|refused|unauthenticated|shed)',
      labelNames: ['service', 'operation_type', 'outcome'],
      registers,
    }),
    duration: new Histogram({
      name: 'xietong_graphql_request_duration_seconds',
      help: 'Time from a /graphql request arriving to its answer being sent, by operation type and outcome',
      labelNames: ['service', 'operation_type', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: 'xietong_graphql_errors_total',
      help: 'Errors in /graphql answers by extensions.code (codes of lib/errors.ts and Apollo Server; any other is OTHER, NONE = an error without a code)',
      labelNames: ['service', 'code'],
      registers,
    }),
    operations: new Counter({
      name: 'xietong_graphql_operations_total',
      help: 'GraphQL requests by operation name: names registered in the trusted-document manifests or METRICS_OPERATION_NAMES, "anonymous" for an unnamed operation, "other" for any other name',
      labelNames: ['service', 'operation'],
      registers,
    }),
  };
  created.set(registry, m);
  return m;
}

// ---- the operation-name allow-list -------------------------------------------------------------

const OPERATION_NAME = /^[A-Za-z_]\w{0,99}$/;

function manifestFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifestFiles(full);
    return e.isFile() && e.name.endsWith('.json') ? [full] : [];
  });
}

/** The operation names of every document of every manifest under `dir` (a manifest the gateway would refuse adds nothing). */
export function operationNamesInManifests(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of manifestFiles(dir)) {
    let documents: unknown;
    try {
      documents = (JSON.parse(fs.readFileSync(file, 'utf8')) as { documents?: unknown }).documents;
    } catch {
      continue;
    }
    if (!documents || typeof documents !== 'object') continue;
    for (const text of Object.values(documents)) {
      if (typeof text !== 'string') continue;
      try {
        for (const def of parse(text).definitions) {
          if (def.kind === Kind.OPERATION_DEFINITION && def.name) names.add(def.name.value);
        }
      } catch {
        // Not GraphQL: the gateway refuses this manifest at start, with the file and the id.
      }
    }
  }
  return names;
}

/**
 * The names `xietong_graphql_operations_total` may carry: the operations of the trusted-document
 * manifests (TRUSTED_DOCUMENTS_DIR, default schema/trusted, read whether or not the gateway enforces
 * them) and METRICS_OPERATION_NAMES, a comma-separated list. Read once per process.
 */
export function operationAllowList(env: { manifestsDir?: string; extra?: string } = {}): Set<string> {
  const dir = env.manifestsDir ?? readEnv('TRUSTED_DOCUMENTS_DIR') ?? path.join(ROOT_DIR, 'schema', 'trusted');
  const names = operationNamesInManifests(dir);
  for (const n of (env.extra ?? readEnv('METRICS_OPERATION_NAMES') ?? '').split(',')) {
    const name = n.trim();
    if (!name) continue;
    if (!OPERATION_NAME.test(name)) throw new Error(`METRICS_OPERATION_NAMES: "${name}" is not a GraphQL operation name`);
    names.add(name);
  }
  return names;
}

/**
 * The query planner names a subgraph's part of a named operation `<Name>__<subgraph>__<n>`; a subgraph
 * counts it under the client's name.
 */
const PLANNED = /^(\w+?)__[a-z0-9_]+__\d+$/;

/** The `operation` label for a name: itself when allowed, `anonymous` when absent, else `other`. */
export function operationLabel(name: string | null | undefined, allowed: ReadonlySet<string>): string {
  if (!name) return 'anonymous';
  if (allowed.has(name)) return name;
  const planned = PLANNED.exec(name);
  return planned && allowed.has(planned[1]) ? planned[1] : 'other';
}

// ---- what server.ts learns of each request -----------------------------------------------------

/** What one /graphql request did, filled in as it goes (server.ts, the plugin, the gateway's fetches). */
export interface Observation {
  /** Apollo's response object for the request (its body holds data and errors), once it has one. */
  response?: GraphQLResponse;
  operationType?: OperationType;
  operationName?: string;
  /** Gateway: the subgraphs this request fetched from. */
  subgraphs?: Set<string>;
}

const OBSERVATION = Symbol('xietong.observation');

/** Puts a fresh Observation on a request's context (symbol-keyed: it survives Apollo's shallow copies). */
export function observe(context: object): Observation {
  const o: Observation = {};
  (context as Record<symbol, Observation>)[OBSERVATION] = o;
  return o;
}

export function observationOf(context: unknown): Observation | undefined {
  return context && typeof context === 'object' ? (context as Record<symbol, Observation | undefined>)[OBSERVATION] : undefined;
}

/** The gateway notes each subgraph a request fetches from (forwardedHeaders.ts), for its access-log line. */
export function noteSubgraph(context: unknown, subgraph: string): void {
  const o = observationOf(context);
  if (o) (o.subgraphs ??= new Set()).add(subgraph);
}

const HOOKS: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ contextValue, response, operation, operationName, request }) {
    const o = observationOf(contextValue);
    if (!o) return;
    o.response = response;
    o.operationType = operation?.operation ?? 'none';
    o.operationName = operationName ?? request.operationName ?? undefined;
  },
};

/**
 * Lets server.ts see each answer's shape (for the metrics and the access log). Every ApolloServer behind
 * createHttpHandler lists it (the gateway's and createSubgraph's); without it, outcomes come from the HTTP status only.
 */
export function requestOutcomePlugin<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return { requestDidStart: async () => HOOKS as GraphQLRequestListener<Ctx> };
}

interface ResultShape {
  data?: unknown;
  errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
}

function resultOf(response: GraphQLResponse | undefined): ResultShape | undefined {
  return response?.body.kind === 'single' ? (response.body.singleResult as ResultShape) : undefined;
}

/** The extensions.code of each error of the answer (NONE for an error without one). */
export function errorCodesOf(response: GraphQLResponse | undefined): string[] {
  return (resultOf(response)?.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'NONE'));
}

/** The outcome of an answer Apollo produced (status: the HTTP status sent). */
export function outcomeOf(response: GraphQLResponse | undefined, status: number, codes: readonly string[]): Outcome {
  const result = resultOf(response);
  if (!result) return status >= 500 ? 'error' : status >= 400 ? 'refused' : 'ok';
  const hasData = result.data !== undefined && result.data !== null;
  if (!codes.length) return 'ok';
  if (hasData) return 'partial';
  if (codes.some((c) => REFUSED_CODES.has(c))) return 'refused';
  if (codes.includes(ErrorCode.UNAUTHENTICATED)) return 'unauthenticated';
  if (codes.includes(ErrorCode.OVERLOADED)) return 'shed';
  return 'error';
}

/** The `code` label for a code taken from an answer. */
export function codeLabel(code: string): string {
  return KNOWN_CODES.has(code) ? code : 'OTHER';
}
