/**
 * What the gateway tells every subgraph about a request besides the query: the caller's own token
 * (each subgraph verifies it again: zero trust), the request id, the declared joint case id and the
 * client's operation name, for the owners' audit trails.
 */
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CASE_ID_HEADER } from '../../lib/http/caseIdHeader';
import type { GatewayContext } from './server';

export function forwardHeaders(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0], _subgraph: string): void {
  const { request, context } = options;
  if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
  if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
  // The declared case id, for the owners' audit trails (a malformed one was refused before planning).
  if (context?.caseIdHeader?.caseId) request.http?.headers.set(CASE_ID_HEADER, context.caseIdHeader.caseId);
  // The client's operation name, for the owners' audit trails (subgraph operations get generated names).
  const clientOperation = 'incomingRequestContext' in options ? (options.incomingRequestContext.operationName ?? options.incomingRequestContext.request.operationName) : undefined;
  if (clientOperation) request.http?.headers.set('x-client-operation', clientOperation);
}
