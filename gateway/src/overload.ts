/**
 * A subgraph that sheds load answers 503 (or 429) with Retry-After and the code OVERLOADED
 * (lib/http/server.ts). The gateway reports that as OVERLOADED naming the subgraph, not as
 * SUBGRAPH_UNAVAILABLE: the subgraph is up and said when to come back. When the answer has no
 * data because of it, the gateway's own answer is 503 with the subgraph's Retry-After, so that
 * clients and proxies back off as they would from the gateway's own shedding.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors';

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); 1 when absent or unreadable. */
export function retryAfterOf(header: string | null | undefined, now = Date.now()): number {
  if (!header) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(1, Math.ceil((date - now) / 1000)) : 1;
}

function codeInBody(error: Error): unknown {
  const body = (error as GraphQLError).extensions?.response as { body?: { errors?: { extensions?: { code?: unknown } }[] } } | undefined;
  return body?.body?.errors?.[0]?.extensions?.code;
}

/**
 * OVERLOADED naming the subgraph when its answer was a refusal to take the request (503/429 with
 * Retry-After, or with our OVERLOADED body); null otherwise. `error` is what RemoteGraphQLDataSource
 * made of the non-2xx answer (its parsed body in extensions.response).
 */
export function subgraphOverloaded(subgraph: string, error: Error, response: FetcherResponse): GraphQLError | null {
  if (response.status !== 503 && response.status !== 429) return null;
  const header = response.headers.get('retry-after');
  if (!header && codeInBody(error) !== ErrorCode.OVERLOADED) return null;
  const retryAfter = retryAfterOf(header);
  return new GraphQLError(`Subgraph "${subgraph}" is overloaded (it answered ${response.status}); try again in ${retryAfter} s`, {
    extensions: { code: ErrorCode.OVERLOADED, subgraph, retryAfter },
  });
}

const hooks: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ response }) {
    if (response.body.kind !== 'single') return;
    const { data, errors } = response.body.singleResult;
    const overloaded = errors?.filter((e) => e.extensions?.code === ErrorCode.OVERLOADED);
    if (!overloaded?.length) return;
    // A partial answer (another subgraph's fields) is still an answer: 200, the error says what is missing.
    if (data && Object.values(data).some((v) => v !== null && v !== undefined)) return;
    response.http.status = 503;
    const seconds = Math.max(...overloaded.map((e) => (typeof e.extensions?.retryAfter === 'number' ? e.extensions.retryAfter : 1)));
    response.http.headers.set('retry-after', String(seconds));
  },
};

/** The gateway's answer is 503 + Retry-After when it has no data because a subgraph was overloaded. */
export const OVERLOADED_STATUS: ApolloServerPlugin<BaseContext> = { requestDidStart: async () => hooks };
