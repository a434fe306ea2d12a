/**
 * Query limits at the gateway: depth, aliases (validation rules) and cost (a plugin that sees the
 * variables), checked on the client's operation before planning, so a single request cannot fan out
 * into an unbounded amount of subgraph work. The rules are shared with every subgraph (lib/limits/);
 * the gateway's own defaults are GATEWAY_MAX_DEPTH 12, GATEWAY_MAX_ALIASES 30, GATEWAY_MAX_COST 20,000.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import { apolloQueryLimits, keepLimitCode, type ApolloQueryLimits } from '../../lib/limits/apollo';
import { GATEWAY_QUERY_LIMITS, withDefaults, type QueryLimits } from '../../lib/limits/settings';

export type { QueryLimits };
// The gateway's formatError (as every subgraph's): keeps QUERY_TOO_COMPLEX and cuts messages at ERROR_MESSAGE_MAX_CHARS.
export { keepLimitCode };

export function gatewayQueryLimits(overrides: Partial<QueryLimits> = {}): ApolloQueryLimits {
  return apolloQueryLimits(withDefaults(overrides, GATEWAY_QUERY_LIMITS));
}

/**
 * A subgraph that refused its part of a plan under its own limits (SUBGRAPH_MAX_*) answers 400 with
 * QUERY_TOO_COMPLEX. The gateway passes that on with the subgraph's name and figures, instead of
 * Apollo's "400: Bad Request" INTERNAL_SERVER_ERROR carrying the subgraph's URL; null for any other
 * answer. Seeing it means the subgraph's limits are tighter than the gateway's plans (README: SUBGRAPH_MAX_COST).
 */
export function subgraphRefusedQuery(subgraph: string, error: Error, response: { status: number }): GraphQLError | null {
  if (response.status !== 400) return null;
  const body = (error as GraphQLError).extensions?.response as { body?: { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } } | undefined;
  const refusal = body?.body?.errors?.find((e) => e.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX);
  if (!refusal) return null;
  const { code: _code, ...figures } = refusal.extensions ?? {};
  return new GraphQLError(`Subgraph "${subgraph}" refused its part of the query: ${String(refusal.message)}`, {
    extensions: { ...figures, code: ErrorCode.QUERY_TOO_COMPLEX, subgraph },
  });
}
