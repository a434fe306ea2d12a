/**
 * The gateway's client of one subgraph (Apollo's RemoteGraphQLDataSource): forwards the caller's token,
 * the request id and the declared case id (forwardedHeaders.ts), and turns a failed fetch into a
 * GraphQL error that names the subgraph with a stable code.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import { tooLargeMessage } from '../../lib/http/responseLimit';
import { SubgraphResponseTooLargeError } from './fetcher';
import { subgraphOverloaded } from './overload';
import { subgraphRefusedQuery } from './limits';
import { forwardHeaders } from './forwardedHeaders';
import type { GatewayContext } from './server';

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: string, config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]) {
    super(config);
  }

  /** No response at all (refused, reset, timed out), a refusal under load, or an answer too large: say which subgraph, with a stable code. */
  override didEncounterError(error: Error, fetchRequest: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1], fetchResponse?: Parameters<RemoteGraphQLDataSource['didEncounterError']>[2]) {
    if (error instanceof SubgraphResponseTooLargeError) {
      const what = `The answer of subgraph "${this.subgraph}"`;
      throw new GraphQLError(tooLargeMessage(error.bytes, error.maxBytes, error.declared ? what : `${what} was cut off: it`), {
        extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, subgraph: this.subgraph, bytes: error.bytes, maxBytes: error.maxBytes },
      });
    }
    const overloaded = fetchResponse && subgraphOverloaded(this.subgraph, error, fetchResponse);
    if (overloaded) throw overloaded;
    const refused = fetchResponse && subgraphRefusedQuery(this.subgraph, error, fetchResponse);
    if (refused) throw refused;
    if (!fetchResponse) {
      throw new GraphQLError(`Subgraph "${this.subgraph}" is unavailable: ${error.message}`, {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph: this.subgraph },
      });
    }
    throw error;
  }

  override willSendRequest(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    forwardHeaders(options, this.subgraph);
  }
}
