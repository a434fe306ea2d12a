import { tokenSettingsFromEnv } from '../../lib/auth/keys';
import { envInt, readEnv } from '../../lib/config';
import { admissionLimitsFromEnv } from '../../lib/http/admission';
import { responseMaxBytesFromEnv } from '../../lib/http/responseLimit';
import type { GatewayOptions } from './server';
import { subgraphUrlsFromEnv } from './subgraphUrls';

/** The gateway's settings from the environment (README: Configuration). */
export function gatewayOptionsFromEnv(overrides: Partial<GatewayOptions> = {}): GatewayOptions {
  return {
    tokens: tokenSettingsFromEnv(),
    supergraphPath: readEnv('SUPERGRAPH_PATH'),
    subgraphUrls: subgraphUrlsFromEnv(),
    subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 10_000),
    limits: { maxDepth: envInt('GATEWAY_MAX_DEPTH', 12), maxAliases: envInt('GATEWAY_MAX_ALIASES', 30) },
    maxBodyBytes: envInt('GATEWAY_MAX_BODY_BYTES', 1_000_000),
    admission: admissionLimitsFromEnv(),
    maxInFlightPerCaller: envInt('GATEWAY_MAX_IN_FLIGHT_PER_CALLER', 8),
    responseMaxBytes: responseMaxBytesFromEnv(),
    ...overrides,
  };
}
