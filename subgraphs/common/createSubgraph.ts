/**
 * The factory every subgraph is built with: SDL from schema/<name>.graphql, resolvers, the catalogue
 * enforcement, token verification on every request (zero trust: no valid token, no data — including
 * `_service` and `_entities`), and the audit trail. It builds; `index.ts` of each subgraph listens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin, type BaseContext, type GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { Connection } from 'mongoose';
import { bearerToken, verifyToken } from '../../lib/auth/tokens';
import type { TokenSettings } from '../../lib/auth/keys';
import type { Caller } from '../../lib/auth/claims';
import { ROOT_DIR, type SubgraphName } from '../../lib/config';
import { createHttpHandler, serviceFront, type RunningService } from '../../lib/http/server';
import { admissionLimitsFromEnv, type AdmissionLimits } from '../../lib/http/admission';
import { responseLimit, responseMaxBytesFromEnv } from '../../lib/http/responseLimit';
import { apolloLogger, log } from '../../lib/log';
import { requestOutcomePlugin } from '../../lib/http/requestMetrics';
import { formatStoreUnavailable, storeProblems } from '../../adapters/store/unavailable';
import { unwrapResolverError } from '@apollo/server/errors';
import { apolloQueryLimits, keepLimitCode } from '../../lib/limits/apollo';
import { subgraphLimitsFromEnv, withDefaults, type QueryLimits } from '../../lib/limits/settings';
import { enforceCatalog, ReadLog } from './access';
import { AuditTrail, commitDelayFromEnv, createAuditModel } from './audit';
import { auditResolvers } from './auditApi';
import { auditPlugin } from './auditPlugin';
import { caseIdFromHeaders, caseIdHeaderPlugin } from '../../lib/http/caseIdHeader';
import { isDepartment } from './fullCatalog';
import { witnessResolvers } from './witness/api';
import { createWitnessModel, WitnessStore } from './witness/store';
import { effectiveCatalog } from './fullCatalog';
import type { Catalog } from './catalog';
import type { SubgraphContext } from './context';
import { maskSettingsFromEnv, type MaskSettings } from './masking';

/** Every answer says `cache-control: no-store` (one hooks object for all requests). */
const NO_STORE_HOOKS: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ response }) {
    response.http.headers.set('cache-control', 'no-store');
  },
};
const NO_STORE: ApolloServerPlugin<BaseContext> = { requestDidStart: async () => NO_STORE_HOOKS };

export interface DataLayer<Data> {
  /** A fresh per-request data source (its DataLoaders batch within one request only). */
  forRequest(): Data;
  /**
   * Loads what the first request would otherwise load (the in-memory copies, collectionCache.ts), before
   * the service listens. Bounded and never failing: a slow store delays readiness, it does not stop it.
   */
  warm?(): Promise<unknown>;
  /** Ends the data layer's own background work (timers, schedules) when the server stops. */
  stop?(): Promise<void> | void;
}

/**
 * A subgraph's resolver map. Each subgraph types its own with the `Resolvers` generated from its SDL
 * (subgraphs/<name>/generated/resolvers.ts, `npm run codegen`), which checks every argument, result and
 * the context. That map is not assignable to Apollo's GraphQLResolverMap, which types `__resolveReference`
 * as a field resolver (parent, args, context) although it is called as (reference, context, info): so this
 * accepts any map of type name to resolvers, and createSubgraphServer converts it once.
 */
export type SubgraphResolvers = Record<string, object>;

export interface SubgraphDefinition<Data> {
  name: SubgraphName;
  resolvers: SubgraphResolvers;
  /** Called once per process with the silo's own database connection (and the token settings the server verifies with). */
  createDataLayer(conn: Connection, audit: AuditTrail, tokens: TokenSettings): DataLayer<Data>;
}

export interface SubgraphServerOptions {
  connection: Connection;
  /** Where the gateway is, for the audit anchoring (default GATEWAY_URL, else the local gateway; read at each use). */
  gatewayUrl?: () => string;
  /**
   * Benchmarks only (bench/graph measures what security costs): no token check, no catalogue
   * enforcement, no masking, no audit. Never set by any service entry point or configuration.
   */
  unsafeBenchmarkWithoutSecurity?: boolean;
  tokens: TokenSettings;
  mask?: MaskSettings;
  catalog?: Catalog;
  /** Audit commit delay in ms (default: AUDIT_COMMIT_DELAY_MS, else 3); see AuditTrailOptions. */
  auditCommitDelayMs?: number;
  /** Requests in flight and queued (default: MAX_IN_FLIGHT, MAX_QUEUED, MAX_QUEUE_WAIT_MS). */
  admission?: AdmissionLimits;
  /** Largest answer sent (default: RESPONSE_MAX_BYTES, else 8 MiB). */
  responseMaxBytes?: number;
  /** Depth, alias and cost limits (default: SUBGRAPH_MAX_DEPTH, SUBGRAPH_MAX_ALIASES, SUBGRAPH_MAX_COST, QUERY_DEFAULT_LIST_SIZE). */
  limits?: Partial<QueryLimits>;
}

export interface SubgraphServer {
  name: SubgraphName;
  handler: ReturnType<typeof createHttpHandler>;
  audit: AuditTrail;
  listen(port: number, host?: string): Promise<RunningService>;
  stop(): Promise<void>;
}

const BENCHMARK_CALLER = { sub: 'benchmark', dept: 'public', roles: [], purposes: [] } as const satisfies Caller;

export function subgraphSdlPath(name: SubgraphName): string {
  return path.join(ROOT_DIR, 'schema', `${name}.graphql`);
}

export function loadSubgraphSdl(name: SubgraphName): string {
  return fs.readFileSync(subgraphSdlPath(name), 'utf8');
}

export async function createSubgraphServer<Data>(
  def: SubgraphDefinition<Data>,
  options: SubgraphServerOptions,
): Promise<SubgraphServer> {
  const catalog = effectiveCatalog(def.name, options.catalog);
  const audit = new AuditTrail(createAuditModel(options.connection), {
    commitDelayMs: options.auditCommitDelayMs ?? commitDelayFromEnv(),
  });
  // A department also witnesses other services' chain heads, in its own store (witness/api.ts).
  const witness = isDepartment(def.name) ? witnessResolvers(def.name, new WitnessStore(createWitnessModel(options.connection))) : undefined;
  const resolvers = {
    ...def.resolvers,
    Query: { ...def.resolvers.Query, ...auditResolvers(def.name, audit), ...witness?.Query },
    ...(witness ? { Mutation: { ...def.resolvers.Mutation, ...witness.Mutation } } : {}),
  } as GraphQLResolverMap<SubgraphContext<Data>>;
  const schema = buildSubgraphSchema([{ typeDefs: parse(loadSubgraphSdl(def.name)), resolvers }]);
  const secure = !options.unsafeBenchmarkWithoutSecurity;
  if (secure) enforceCatalog(schema, catalog, options.mask ?? maskSettingsFromEnv());

  const dataLayer = def.createDataLayer(options.connection, audit, options.tokens);
  const warming = dataLayer.warm?.(); // alongside apollo.start(); awaited before the server is returned (and listens)
  const bounded = responseLimit(options.responseMaxBytes ?? responseMaxBytesFromEnv(), def.name);

  // The gateway's depth, alias and cost rules, on this subgraph's own schema: a direct call (and a
  // gateway fetch) is bounded too; `_entities` is priced per representation.
  const limits = apolloQueryLimits(withDefaults(options.limits, subgraphLimitsFromEnv()));
  const apollo = new ApolloServer<SubgraphContext<Data>>({
    schema,
    logger: apolloLogger(`subgraph ${def.name}`),
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    // A store that does not answer is STORE_UNAVAILABLE naming this service (the driver's message, with
    // its socket path or address, goes to the log only); Apollo Server labels every validation error
    // GRAPHQL_VALIDATION_FAILED, and our limits keep their own code.
    formatError: (formatted, error) => {
      const original = unwrapResolverError(error);
      const unavailable = formatStoreUnavailable(def.name, formatted, original);
      if (!unavailable) return keepLimitCode(formatted);
      log.warn(`subgraph ${def.name}: store unavailable`, { service: def.name, error: (original as Error)?.message });
      return unavailable;
    },
    plugins: [
      limits.plugin,
      caseIdHeaderPlugin<SubgraphContext<Data>>(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints: a subgraph's answer must never be served from a cache, since every read by
      // another department is audited when it is answered. Apollo's cache-control plugin ran a hook
      // on every field resolved only to compute a policy that was always "uncacheable".
      ApolloServerPluginCacheControlDisabled(),
      NO_STORE,
      bounded.plugin,
      // The audit anchor signs its service token with the keys this server verifies with.
      auditPlugin<Data>(def.name, audit, { secure, bounded, tokens: options.tokens, gatewayUrl: options.gatewayUrl }),
      // Last, so that the subgraph's metrics and access log see each answer's data, errors and operation.
      requestOutcomePlugin<SubgraphContext<Data>>(),
    ],
    stringifyResult: bounded.stringifyResult,
  });
  await apollo.start();
  await warming;

  const handler = createHttpHandler<SubgraphContext<Data>>({
    apollo,
    service: def.name,
    admission: options.admission ?? admissionLimitsFromEnv(),
    async context(req, requestId) {
      const caller = secure ? verifyToken(options.tokens, bearerToken(req.headers.authorization)) : BENCHMARK_CALLER;
      const op = req.headers['x-client-operation'];
      const clientOperation = typeof op === 'string' && /^\w{1,100}$/.test(op) ? op : undefined;
      const caseIdHeader = caseIdFromHeaders(req.headers);
      return { caller, requestId, clientOperation, subgraph: def.name, data: dataLayer.forRequest(), reads: new ReadLog(), caseIdHeader, authorization: req.headers.authorization };
    },
    readiness: () => storeProblems(options.connection),
  });

  return {
    name: def.name,
    handler,
    audit,
    ...serviceFront(handler, async () => {
      await apollo.stop();
      await dataLayer.stop?.();
    }),
  };
}
