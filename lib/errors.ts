/** Stable error codes carried in `extensions.code` — part of the public contract. */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The service (or this caller's share of it) is at its limit of requests in flight: HTTP 503 with Retry-After. */
  OVERLOADED: 'OVERLOADED',
  /** The answer would exceed RESPONSE_MAX_BYTES: ask for fewer items or fields. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** A `documentId` (GraphQL-over-HTTP persisted document) that no manifest in schema/trusted/ registers. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** TRUSTED_DOCUMENTS=enforce: the caller's application has not registered this document (HTTP 403). */
  DOCUMENT_NOT_REGISTERED: 'DOCUMENT_NOT_REGISTERED',
  /**
   * Two writers raced for the same thing (a joint case's next link, an idempotency key): the loser is told what the
   * winner left (e.g. the case's current state) and may read again and retry.
   */
  CONFLICT: 'CONFLICT',
  /** The service's own store does not answer (down, restarting): retry later; nothing was written. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A BAD_USER_INPUT error naming the argument that was wrong and why. */
export function badInput(argument: string, reason: string): GraphQLError {
  return new GraphQLError(`Invalid argument "${argument}": ${reason}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
  });
}

export function forbidden(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extensions } });
}

/** A CONFLICT error: another request changed the same thing first; `extensions` say what it left. */
export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...extensions } });
}
