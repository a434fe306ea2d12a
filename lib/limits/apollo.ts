/**
 * The query limits wired into an Apollo Server (gateway and every subgraph): depth and aliases as
 * validation rules, the cost as a plugin — validation rules do not see the variables, and `first: $n`
 * or `_entities(representations: $representations)` are priced from them. The plugin runs in
 * `didResolveOperation`: after parsing and validation, before the gateway plans or a subgraph executes.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import { truncateMessage } from '../http/errorMessages';
import { loadCostConfig, type CostConfig } from './costConfig';
import { operationCost, TooManyNodesError } from './cost';
import { queryShapeRules } from './shape';
import type { QueryLimits } from './settings';

/** The `rule` of a QUERY_TOO_COMPLEX error: which limit the query broke. */
export const LIMIT_RULES = ['depth', 'aliases', 'cost', 'nodes'] as const;

/** Apollo answers a refused query with HTTP 400, like a validation error (a plugin error would be 500). */
const BAD_REQUEST = { status: 400 };

function costHooks(limits: QueryLimits, costs: CostConfig): GraphQLRequestListener<BaseContext> {
  const settings = { costs, defaultListSize: limits.defaultListSize };
  return {
    async didResolveOperation({ request, document, schema, operation }) {
      let cost: number;
      try {
        cost = operationCost({ schema, document, variables: request.variables, operationName: operation?.name?.value }, settings);
      } catch (e) {
        if (e instanceof TooManyNodesError) {
          throw new GraphQLError(`Query has more than ${costs.maxEvaluatedNodes} fields and fragment uses to evaluate; the cost analysis stops there`, {
            extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, rule: 'nodes', limit: costs.maxEvaluatedNodes, http: BAD_REQUEST },
          });
        }
        // The variables do not fit the operation: execution would refuse them the same way.
        const message = e instanceof Error ? e.message : String(e);
        throw new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: BAD_REQUEST } });
      }
      if (cost > limits.maxCost) {
        throw new GraphQLError(
          `Query cost ${cost} exceeds the limit of ${limits.maxCost}: ask for fewer items (first), fewer nested lists or fewer aliased copies`,
          { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, rule: 'cost', cost, limit: limits.maxCost, http: BAD_REQUEST } },
        );
      }
    },
  };
}

export interface ApolloQueryLimits {
  validationRules: ReturnType<typeof queryShapeRules>;
  plugin: ApolloServerPlugin<BaseContext>;
}

/** Validation rules and the cost plugin for one service; `costs` defaults to QUERY_COSTS_FILE. */
export function apolloQueryLimits(limits: QueryLimits, costs: CostConfig = loadCostConfig()): ApolloQueryLimits {
  const hooks = costHooks(limits, costs);
  return { validationRules: queryShapeRules(limits), plugin: { requestDidStart: async () => hooks } };
}

/**
 * The `formatError` of the gateway and every subgraph. Apollo Server labels every validation error
 * GRAPHQL_VALIDATION_FAILED; a broken query limit keeps QUERY_TOO_COMPLEX (the error's `rule` says
 * which). And every message is cut at ERROR_MESSAGE_MAX_CHARS (lib/http/errorMessages.ts): messages
 * that quote the caller's input ("Variable "$x" got invalid value …", a resolver's "… is not a date")
 * would otherwise send a 500 KB argument back as a 500 KB error, once per service it crossed.
 */
export function keepLimitCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = truncateMessage(formatted.message);
  const rule = formatted.extensions?.rule;
  const limit = typeof rule === 'string' && (LIMIT_RULES as readonly string[]).includes(rule);
  if (!limit && message === formatted.message) return formatted;
  return limit ? { ...formatted, message, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_COMPLEX } } : { ...formatted, message };
}
