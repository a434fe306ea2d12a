/**
 * The gateway's metrics of its subgraph fetches, on the process registry (lib/metrics.ts):
 * - xietong_subgraph_fetch_duration_seconds{subgraph, outcome}: every fetch, however it ended;
 * - xietong_subgraph_errors_total{subgraph, code}: errors the gateway reports for a subgraph (no answer,
 *   refusals) and errors inside a subgraph's answers, by their stable code;
 * - xietong_subgraph_breaker_state{subgraph}: 0 closed, 1 half-open, 2 open (read at scrape time).
 * `subgraph` is a name from the supergraph; `code` is kept to known codes, anything else is OTHER, so
 * no label takes a value a client chose.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import { ErrorCode } from '../../lib/errors';
import { metrics } from '../../lib/metrics';
import type { BreakerState } from './breaker';

export type FetchOutcome = 'ok' | 'error' | 'timeout' | 'circuit_open' | 'too_large' | 'overloaded';

/** Our codes and the ones Apollo Server itself uses. */
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

interface SubgraphMetrics {
  fetchDuration: Histogram<'subgraph' | 'outcome'>;
  errors: Counter<'subgraph' | 'code'>;
}

/** Subgraph name → its breaker's state; the newest gateway in the process wins a name (one per process outside tests). */
const breakers = new Map<string, () => BreakerState>();
let created: SubgraphMetrics | undefined;

function subgraphMetrics(): SubgraphMetrics {
  if (created) return created;
  const registers = [metrics().registry];
  new Gauge({
    name: 'xietong_subgraph_breaker_state',
    help: "State of the gateway's circuit breaker for a subgraph: 0 closed, 1 half-open (a trial fetch may go through), 2 open (fetches refused at once)",
    labelNames: ['subgraph'],
    registers,
    collect() {
      for (const [subgraph, state] of breakers) this.set({ subgraph }, STATE_VALUE[state()]);
    },
  });
  created = {
    fetchDuration: new Histogram({
      name: 'xietong_subgraph_fetch_duration_seconds',
      help: 'Time of one gateway fetch to a subgraph, by outcome: ok (2xx), error (no answer or an error status), timeout (SUBGRAPH_TIMEOUT_MS), circuit_open (refused by the breaker, nothing sent), too_large (RESPONSE_MAX_BYTES), overloaded (the subgraph shed it)',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    errors: new Counter({
      name: 'xietong_subgraph_errors_total',
      help: 'Errors for a subgraph by stable code: those the gateway reports for it (SUBGRAPH_UNAVAILABLE, OVERLOADED, RESPONSE_TOO_LARGE, …) and those in its answers',
      labelNames: ['subgraph', 'code'],
      registers,
    }),
  };
  return created;
}

/** Starts timing one fetch; call the result with how it ended. */
export function timeFetch(subgraph: string): (outcome: FetchOutcome) => void {
  const end = subgraphMetrics().fetchDuration.startTimer({ subgraph });
  return (outcome) => end({ outcome });
}

export function countSubgraphError(subgraph: string, code: unknown): void {
  subgraphMetrics().errors.inc({ subgraph, code: typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER' });
}

export function watchBreaker(subgraph: string, state: () => BreakerState): void {
  subgraphMetrics();
  breakers.set(subgraph, state);
}
