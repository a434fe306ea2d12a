/**
 * The query limits of a service (README: Configuration). The gateway reads its own in
 * gateway/src/config.ts (GATEWAY_MAX_*); every subgraph reads SUBGRAPH_MAX_*. Both price fields with the
 * same costs file (QUERY_COSTS_FILE) and the same default list size (QUERY_DEFAULT_LIST_SIZE).
 */
import { envInt } from '../config';
import type { ShapeLimits } from './shape';

export interface QueryLimits extends ShapeLimits {
  /** Highest operation cost served (QUERY_TOO_COMPLEX above). */
  maxCost: number;
  /** Size assumed for a list without a page-size argument or a size in the costs file. */
  defaultListSize: number;
}

/**
 * The gateway's defaults. 20,000 serves every README, benchmark and contract query (the largest: the
 * README's month of night noise with every field of a row, ~16,000 — a city-wide scan of 7,000 and 500
 * rows; the benchmark list at `first: 100`, ~3,300) and at most two distinct month-long exceedance scans,
 * and refuses fan-outs through entity links (one copy of the issue's `projects(first: 100) { …
 * participants { enterprise { participations { project { participants … } } } } }` costs ~240,000, six ~1.4 million).
 */
export const GATEWAY_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20_000, defaultListSize: 20 };

/**
 * A subgraph's defaults. Depth and aliases: a gateway fetch is never deeper than the client's query
 * (an entity fetch replaces the path to the entity by `_entities`) and carries the client's aliases.
 * Cost: a fetch is part of the client's query, but the number of entities it carries is the real one,
 * not the gateway's estimate, so it may exceed what the gateway assumed where real lists are longer than
 * the default list size: the subgraph allows 2.5 × the gateway's limit. A direct call with 10,000
 * representations costs at least 30,000 and is refused.
 */
export const SUBGRAPH_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000, defaultListSize: 20 };

export function defaultListSizeFromEnv(): number {
  return envInt('QUERY_DEFAULT_LIST_SIZE', GATEWAY_QUERY_LIMITS.defaultListSize);
}

export function subgraphLimitsFromEnv(): QueryLimits {
  return {
    maxDepth: envInt('SUBGRAPH_MAX_DEPTH', SUBGRAPH_QUERY_LIMITS.maxDepth),
    maxAliases: envInt('SUBGRAPH_MAX_ALIASES', SUBGRAPH_QUERY_LIMITS.maxAliases),
    maxCost: envInt('SUBGRAPH_MAX_COST', SUBGRAPH_QUERY_LIMITS.maxCost),
    defaultListSize: defaultListSizeFromEnv(),
  };
}

/** The given limits, each one left undefined taking its default. */
export function withDefaults(given: Partial<QueryLimits> | undefined, defaults: QueryLimits): QueryLimits {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(given ?? {})) if (v !== undefined) out[k as keyof QueryLimits] = v;
  return out;
}
