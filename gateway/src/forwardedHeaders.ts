/**
 * What the gateway tells every subgraph about a request besides the query: the caller's own token
 * (each subgraph verifies it again: zero trust), the gateway's request id with its signature (a
 * subgraph adopts a signed id only, lib/http/requestId.ts), the declared joint case id and the
 * client's operation name, for the owners' audit trails. Called once per subgraph fetch, so it also
 * notes the subgraph for the request's access-log line.
 */
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CASE_ID_HEADER } from '../../lib/http/caseIdHeader';
import { requestIdHeaders } from '../../lib/http/requestId';
import { noteSubgraph } from '../../lib/http/requestMetrics';
import type { GatewayContext } from './server';

export function forwardHeaders(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0], subgraph: string): void {
  const { request, context } = options;
  noteSubgraph(context, subgraph);
  if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
  if (context?.requestId) for (const [name, value] of Object.entries(requestIdHeaders(context.requestId))) request.http?.headers.set(name, value);
  // The declared case id, for the owners' audit trails (a malformed one was refused before planning).
  if (context?.caseIdHeader?.caseId) request.http?.headers.set(CASE_ID_HEADER, context.caseIdHeader.caseId);
  // The client's operation name, for the owners' audit trails (subgraph operations get generated names).
  const clientOperation = 'incomingRequestContext' in options ? (options.incomingRequestContext.operationName ?? options.incomingRequestContext.request.operationName) : undefined;
  if (clientOperation) request.http?.headers.set('x-client-operation', clientOperation);
}
