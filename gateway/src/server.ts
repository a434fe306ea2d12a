/**
 * createGateway: Apollo Gateway inside Apollo Server, serving the static, committed supergraph
 * (no introspection of subgraphs at start). It verifies the caller's JWT (401 otherwise) and
 * forwards it, with its own signed request id, to every subgraph, which verify it again (zero trust).
 * It builds; index.ts listens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { Logger } from 'pino';
import { bearerToken, verifyToken } from '../../lib/auth/tokens';
import type { TokenSettings } from '../../lib/auth/keys';
import type { Caller } from '../../lib/auth/claims';
import { ROOT_DIR } from '../../lib/config';
import { caseIdFromHeaders, caseIdHeaderPlugin, type CaseIdHeader } from '../../lib/http/caseIdHeader';
import { createHttpHandler, serviceFront, type RunningService } from '../../lib/http/server';
import { requestOutcomePlugin } from '../../lib/http/requestMetrics';
import { apolloLogger } from '../../lib/log';
import { admissionLimitsFromEnv, type AdmissionLimits } from '../../lib/http/admission';
import { responseLimit, responseMaxBytesFromEnv } from '../../lib/http/responseLimit';
import { createSubgraphFetcher } from './fetcher';
import { OVERLOADED_STATUS } from './overload';
import { gatewayQueryLimits, keepLimitCode, type QueryLimits } from './limits';
import { SubgraphDataSource } from './subgraphDataSource';
import { subgraphsNotReady } from './readiness';
import { explorerRoutes } from './explorer/routes';
import { trustedDocuments, type TrustedDocumentsOptions } from './trustedDocuments';

export interface GatewayContext {
  caller: Caller;
  requestId: string;
  authorization: string;
  /** The joint case the caller declared (x-xietong-case-id), forwarded to every subgraph for its audit trail. */
  caseIdHeader: CaseIdHeader;
}

export interface GatewayOptions {
  tokens: TokenSettings;
  /** Supergraph SDL; default: read from supergraphPath. */
  supergraphSdl?: string;
  supergraphPath?: string;
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Per-subgraph request timeout (SUBGRAPH_TIMEOUT_MS, default 10 s). */
  subgraphTimeoutMs?: number;
  /** Depth, alias and cost limits (GATEWAY_MAX_DEPTH, GATEWAY_MAX_ALIASES, GATEWAY_MAX_COST, QUERY_DEFAULT_LIST_SIZE). */
  limits?: Partial<QueryLimits>;
  /** Request body limit in bytes (GATEWAY_MAX_BODY_BYTES, default 1 MB). */
  maxBodyBytes?: number;
  /** Requests in flight and queued (MAX_IN_FLIGHT, MAX_QUEUED, MAX_QUEUE_WAIT_MS). */
  admission?: AdmissionLimits;
  /** Requests in flight per token `sub` (GATEWAY_MAX_IN_FLIGHT_PER_CALLER, default 8). */
  maxInFlightPerCaller?: number;
  /** Largest answer sent, and largest subgraph answer read (RESPONSE_MAX_BYTES, default 8 MiB). */
  responseMaxBytes?: number;
  /** Registered documents per application (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_DIR, TRUSTED_DOCUMENTS_OPEN_ROLES; default off). */
  trustedDocuments?: TrustedDocumentsOptions;
  /** Where the access-log lines go (default: the process's logger on stderr, lib/log.ts). */
  logger?: Logger;
  /** Benchmarks only (bench/graph): no token check here (the header is still forwarded). Never configurable. */
  unsafeBenchmarkWithoutSecurity?: boolean;
}

export interface Gateway {
  handler: ReturnType<typeof createHttpHandler>;
  listen(port: number, host?: string): Promise<RunningService>;
  stop(): Promise<void>;
}

export const DEFAULT_SUPERGRAPH_PATH = path.join(ROOT_DIR, 'schema', 'supergraph.graphql');

/** Subgraph name → URL: the supergraph's join__graph URLs, overridden per deployment. */
function subgraphUrlsOf(supergraphSdl: string, overrides: Record<string, string> = {}): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const m of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) urls[m[1]] = overrides[m[1]] ?? m[2];
  return urls;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(options.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const responseMaxBytes = options.responseMaxBytes ?? responseMaxBytesFromEnv();
  const client = createSubgraphFetcher({ timeoutMs: options.subgraphTimeoutMs ?? 10_000, responseMaxBytes });
  const bounded = responseLimit(responseMaxBytes, 'gateway');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, { url: options.subgraphUrls?.[name] ?? url, fetcher: client.fetcher }),
  });
  // Depth and aliases as validation rules, the cost as a plugin (it needs the variables): all refused
  // with QUERY_TOO_COMPLEX before the gateway plans anything.
  const limits = gatewayQueryLimits(options.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // Only callers with a valid token get here (401 before): they may read the schema in every
    // environment (Apollo turns introspection off under NODE_ENV=production), as the explorer's docs need.
    introspection: true,
    validationRules: limits.validationRules,
    logger: apolloLogger('gateway'),
    // requestOutcomePlugin last: it keeps the answer as the other plugins leave it, for the metrics and the access log.
    plugins: [ApolloServerPluginLandingPageDisabled(), caseIdHeaderPlugin<GatewayContext>(), limits.plugin, bounded.plugin, OVERLOADED_STATUS, requestOutcomePlugin<GatewayContext>()],
    stringifyResult: bounded.stringifyResult,
    // Apollo Server labels every validation error GRAPHQL_VALIDATION_FAILED; our limits keep their own code.
    formatError: keepLimitCode,
  });
  await apollo.start();

  const trusted = trustedDocuments(options.trustedDocuments ?? { mode: 'off' });
  const subgraphUrls = subgraphUrlsOf(supergraphSdl, options.subgraphUrls);
  const handler = createHttpHandler<GatewayContext>({
    apollo,
    service: 'gateway',
    admission: options.admission ?? admissionLimitsFromEnv(),
    // Per verified `sub` (a bad token is answered 401 before this and is not counted). The
    // benchmark's unsecured variant has one made-up caller for every request: not limited.
    perCaller: {
      limit: options.maxInFlightPerCaller ?? 8,
      key: (context) => (options.unsafeBenchmarkWithoutSecurity ? undefined : context.caller.sub),
    },
    // Ready = supergraph loaded (apollo.start resolved) and every subgraph answers /health.
    readiness: () => subgraphsNotReady(subgraphUrls),
    maxBodyBytes: options.maxBodyBytes,
    logger: options.logger,
    // The offline explorer for browsers (GET /graphql asking for HTML) and its bundle; no data without a token.
    extraRoutes: explorerRoutes(),
    prepareRequest: (request, context) => trusted.prepareRequest(request, context.caller),
    async context(req, requestId) {
      const authorization = Array.isArray(req.headers.authorization) ? req.headers.authorization[0] : req.headers.authorization;
      const caller = options.unsafeBenchmarkWithoutSecurity
        ? { sub: 'benchmark', dept: 'public' as const, roles: [], purposes: [] }
        : verifyToken(options.tokens, bearerToken(authorization));
      return { caller, requestId, authorization: authorization ?? '', caseIdHeader: caseIdFromHeaders(req.headers) };
    },
  });

  return {
    handler,
    ...serviceFront(handler, async () => {
      await apollo.stop();
      await client.close();
    }),
  };
}
