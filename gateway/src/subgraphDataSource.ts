/**
 * The gateway's client of one subgraph (Apollo's RemoteGraphQLDataSource): forwards the caller's token,
 * the request id and the declared case id (forwardedHeaders.ts); fetches through the subgraph's circuit
 * breaker (breaker.ts), timing every fetch (subgraphMetrics.ts); and turns a failed fetch into a
 * GraphQL error that names the subgraph with a stable code and says what happened in words a client
 * may read — never the subgraph's address or the system error, which go to the log with the request id.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import { fetchFailureOf, fetchFailurePhrase } from '../../lib/http/errorMessages';
import { tooLargeMessage } from '../../lib/http/responseLimit';
import { log } from '../../lib/log';
import { breakerSettingsFromEnv, CircuitBreaker, CircuitOpenError, type BreakerSettings } from './breaker';
import { SubgraphResponseTooLargeError } from './fetcher';
import { subgraphOverloaded } from './overload';
import { subgraphRefusedQuery } from './limits';
import { forwardHeaders } from './forwardedHeaders';
import { countSubgraphError, timeFetch, watchBreaker, type FetchOutcome } from './subgraphMetrics';
import type { GatewayContext } from './server';

type DataSourceConfig = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]>;

/** A shedding refusal (503/429 with Retry-After, lib/http/admission.ts): the subgraph answered at once and said when to come back. */
function isSheddingRefusal(response: FetcherResponse): boolean {
  return (response.status === 503 || response.status === 429) && response.headers.get('retry-after') !== null;
}

function outcomeOfAnswer(response: FetcherResponse): FetchOutcome {
  if (response.ok) return 'ok';
  return isSheddingRefusal(response) ? 'overloaded' : 'error';
}

function outcomeOfError(error: unknown): FetchOutcome {
  if (error instanceof CircuitOpenError) return 'circuit_open';
  if (error instanceof SubgraphResponseTooLargeError) return 'too_large';
  return fetchFailureOf(error) === 'timeout' ? 'timeout' : 'error';
}

/**
 * What opens the breaker: no answer at all, or a 5xx that is not a shedding refusal. Not: an answer
 * with GraphQL errors, a 4xx (the request's fault), an answer too large (the query's fault), nor a
 * shedding refusal — it costs the subgraph next to nothing, says when to retry, and a 429 is about one
 * caller's share: opening the breaker on it would cut every caller off for SUBGRAPH_BREAKER_RESET_MS.
 */
function isFailure(outcome: { value: FetcherResponse } | { error: unknown }): boolean {
  if ('value' in outcome) return outcome.value.status >= 500 && !isSheddingRefusal(outcome.value);
  return !(outcome.error instanceof SubgraphResponseTooLargeError);
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    config: DataSourceConfig & { breaker?: BreakerSettings },
  ) {
    super(config);
    const breaker = new CircuitBreaker(config.breaker ?? breakerSettingsFromEnv(), (state, failures) => {
      if (state === 'open') log.warn('subgraph circuit breaker open: fetches to it fail at once until a trial succeeds', { subgraph, failuresInARow: failures });
      else log.info(`subgraph circuit breaker ${state === 'closed' ? 'closed: the trial fetch succeeded' : 'half-open: one trial fetch goes through'}`, { subgraph });
    });
    watchBreaker(subgraph, () => breaker.state);
    const inner: Fetcher = this.fetcher;
    this.fetcher = async (url, init) => {
      const done = timeFetch(subgraph);
      try {
        const response = await breaker.call(() => inner(url, init), isFailure);
        done(outcomeOfAnswer(response));
        return response;
      } catch (error) {
        done(outcomeOfError(error));
        throw error;
      }
    };
  }

  /** The subgraph answered; its errors are counted by code (their messages are the subgraph's own, bounded by its formatError). */
  override didReceiveResponse({ response }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    for (const e of response.errors ?? []) countSubgraphError(this.subgraph, e.extensions?.code);
    return response;
  }

  /** No answer (refused, reset, timed out, breaker open), a refusal, an error status, or an answer too large: say which subgraph, with a stable code. */
  override didEncounterError(
    error: Error,
    fetchRequest: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1],
    fetchResponse?: FetcherResponse,
    context?: GatewayContext,
  ): never {
    const reported = this.describe(error, fetchResponse, context);
    countSubgraphError(this.subgraph, reported.extensions.code);
    throw reported;
  }

  private describe(error: Error, fetchResponse: FetcherResponse | undefined, context: GatewayContext | undefined): GraphQLError {
    const subgraph = this.subgraph;
    if (error instanceof CircuitOpenError) {
      const retryAfter = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
      return new GraphQLError(`Subgraph "${subgraph}" did not answer (circuit open after repeated failures; next try in ${retryAfter} s)`, {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph, reason: 'circuit_open', retryAfter },
      });
    }
    if (error instanceof SubgraphResponseTooLargeError) {
      const what = `The answer of subgraph "${subgraph}"`;
      return new GraphQLError(tooLargeMessage(error.bytes, error.maxBytes, error.declared ? what : `${what} was cut off: it`), {
        extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, subgraph, bytes: error.bytes, maxBytes: error.maxBytes },
      });
    }
    const requestId = context?.requestId;
    if (!fetchResponse) {
      const reason = fetchFailureOf(error);
      log.warn('subgraph did not answer', { subgraph, url: this.url, reason, error: error.message, requestId });
      return new GraphQLError(`Subgraph "${subgraph}" did not answer (${fetchFailurePhrase(reason)})`, {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph, reason },
      });
    }
    const overloaded = subgraphOverloaded(subgraph, error, fetchResponse);
    if (overloaded) return overloaded;
    const refused = subgraphRefusedQuery(subgraph, error, fetchResponse);
    if (refused) return refused;
    // Any other status, or a 2xx that is not a GraphQL answer. Apollo's own error carries the URL
    // (extensions.response) and, for a non-JSON body, the body itself: both stay in the log.
    const status = fetchResponse.status;
    log.warn('subgraph answered with an error', { subgraph, url: this.url, status, error: error.message.slice(0, 2000), requestId });
    if (status === 401 || status === 403) {
      return new GraphQLError(`Subgraph "${subgraph}" refused the request (HTTP ${status})`, {
        extensions: { code: status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, subgraph, status },
      });
    }
    if (status >= 400 && status < 500) {
      return new GraphQLError(`Subgraph "${subgraph}" could not run its part of the query (HTTP ${status})`, {
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, subgraph, status },
      });
    }
    return new GraphQLError(
      fetchResponse.ok ? `Subgraph "${subgraph}" did not answer in GraphQL` : `Subgraph "${subgraph}" did not answer (HTTP ${status})`,
      { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph, reason: fetchResponse.ok ? 'bad_answer' : 'server_error', status } },
    );
  }

  override willSendRequest(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    forwardHeaders(options, this.subgraph);
  }
}
