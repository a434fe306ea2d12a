/**
 * When a subgraph cannot be reached, the gateway still answers with what the others returned; the
 * error for the missing part carries `SUBGRAPH_UNAVAILABLE` and the subgraph's name.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../lib/errors';

const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|UND_ERR|fetch failed|aborted|timeout|socket hang up|other side closed/i;

export function classifySubgraphError(error: GraphQLFormattedError): GraphQLFormattedError {
  const ext = (error.extensions ?? {}) as Record<string, unknown>;
  const serviceName = ext.serviceName as string | undefined;
  if (serviceName && UNREACHABLE.test(error.message)) {
    return {
      ...error,
      message: `Subgraph "${serviceName}" is unavailable: ${error.message}`,
      extensions: { ...ext, code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph: serviceName },
    };
  }
  return error;
}

export function subgraphErrorPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors) response.body.singleResult.errors = errors.map(classifySubgraphError);
        },
      };
    },
  };
}
