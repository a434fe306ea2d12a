/**
 * A tiny typed GraphQL-over-HTTP call with `fetch`: the document carries its result and variables types
 * (generated from operations/*.graphql), so `request(endpoint, token, WageArrearsDocument, { month })`
 * only compiles with the variables the operation declares and returns the shape it selects.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** One entry of a GraphQL response's `errors`; `extensions.code` is stable (docs/error-codes.md). */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Xietong answers partially: a field the caller may not read is `null` with a FORBIDDEN error naming it,
 * beside the rest of the data. So both come back; the caller decides what a missing part means.
 */
export interface Result<T> {
  data: T;
  errors: GraphQLErrorItem[];
}

/** The request produced no data at all: a refused token, a bad argument, an overloaded gateway… */
export class XietongError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first error (UNAUTHENTICATED, BAD_USER_INPUT, OVERLOADED…), or HTTP_<status>. */
    readonly code: string,
    readonly status: number,
    readonly errors: GraphQLErrorItem[],
    /** Seconds to wait before retrying, from `Retry-After` (OVERLOADED answers send it). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'XietongError';
  }
}

export interface Endpoint {
  /** The gateway's GraphQL URL, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** A JWT (docs/sandbox-token.md), sent as `authorization: Bearer …`. */
  token: string;
  /** Extra headers, e.g. `x-xietong-case-id` for a joint case. */
  headers?: Record<string, string>;
  /** Give up after this many milliseconds (default 30 s). */
  timeoutMs?: number;
}

/** Variables may be left out only when the operation requires none. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export async function request<TResult, TVariables>(
  endpoint: Endpoint,
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  ...[variables]: VariablesArg<NoInfer<TVariables>>
): Promise<Result<TResult>> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${endpoint.token}`,
      ...endpoint.headers,
    },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    signal: AbortSignal.timeout(endpoint.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let body: { data?: TResult | null; errors?: GraphQLErrorItem[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new XietongError(`${endpoint.url} answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`, `HTTP_${response.status}`, response.status, []);
  }
  const errors = body.errors ?? [];
  if (body.data === undefined || body.data === null) {
    const first = errors[0];
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new XietongError(
      first ? `${first.extensions?.code ?? 'ERROR'}: ${first.message}` : `${endpoint.url} answered HTTP ${response.status} without data`,
      first?.extensions?.code ?? `HTTP_${response.status}`,
      response.status,
      errors,
      retryAfter,
    );
  }
  return { data: body.data, errors };
}
