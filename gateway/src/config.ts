import { tokenSettingsFromEnv } from '../../lib/auth/keys';
import { envInt, readEnv } from '../../lib/config';
import { admissionLimitsFromEnv } from '../../lib/http/admission';
import { responseMaxBytesFromEnv } from '../../lib/http/responseLimit';
import { defaultListSizeFromEnv, GATEWAY_QUERY_LIMITS } from '../../lib/limits/settings';
import type { GatewayOptions } from './server';
import { subgraphUrlsFromEnv } from './subgraphUrls';
import { trustedDocumentsFromEnv } from './trustedDocumentsConfig';

/** The gateway's settings from the environment (README: Configuration). */
export function gatewayOptionsFromEnv(overrides: Partial<GatewayOptions> = {}): GatewayOptions {
  return {
    tokens: tokenSettingsFromEnv(),
    supergraphPath: readEnv('SUPERGRAPH_PATH'),
    subgraphUrls: subgraphUrlsFromEnv(),
    subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 10_000),
    limits: {
      maxDepth: envInt('GATEWAY_MAX_DEPTH', GATEWAY_QUERY_LIMITS.maxDepth),
      maxAliases: envInt('GATEWAY_MAX_ALIASES', GATEWAY_QUERY_LIMITS.maxAliases),
      maxCost: envInt('GATEWAY_MAX_COST', GATEWAY_QUERY_LIMITS.maxCost),
      defaultListSize: defaultListSizeFromEnv(),
    },
    maxBodyBytes: envInt('GATEWAY_MAX_BODY_BYTES', 1_000_000),
    admission: admissionLimitsFromEnv(),
    maxInFlightPerCaller: envInt('GATEWAY_MAX_IN_FLIGHT_PER_CALLER', 8),
    responseMaxBytes: responseMaxBytesFromEnv(),
    trustedDocuments: trustedDocumentsFromEnv(),
    ...overrides,
  };
}
