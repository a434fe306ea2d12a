/**
 * The process's Prometheus metrics (prom-client): one registry per process, served as text on
 * `GET /metrics` by every service's HTTP front. When several services share a process (`npm start`),
 * each of them serves the same registry, and the `service` label tells them apart.
 *
 * Label values are always chosen by our code (a service name, a reason from a fixed list), never
 * taken from a request: a client must not be able to grow the number of series.
 *
 * To add a metric: add it to `Metrics` and create it in `createMetrics` with `registers: [registry]`.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Why a request was refused before it ran (see lib/http/admission.ts). */
export type ShedReason = 'in_flight' | 'queue_timeout' | 'caller_limit';

export interface Metrics {
  registry: Registry;
  requestsShed: Counter<'service' | 'reason'>;
  requestsInFlight: Gauge<'service'>;
  requestsQueued: Gauge<'service'>;
  responsesTooLarge: Counter<'service'>;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requestsShed: new Counter({
      name: 'xietong_requests_shed_total',
      help: 'GraphQL requests refused at once with OVERLOADED (503, or 429 for caller_limit): in_flight = limit and queue full, queue_timeout = waited MAX_QUEUE_WAIT_MS, caller_limit = the caller (token sub) at its own limit',
      labelNames: ['service', 'reason'],
      registers,
    }),
    requestsInFlight: new Gauge({
      name: 'xietong_requests_in_flight',
      help: 'GraphQL requests admitted and running (at most MAX_IN_FLIGHT per service)',
      labelNames: ['service'],
      registers,
    }),
    requestsQueued: new Gauge({
      name: 'xietong_requests_queued',
      help: 'GraphQL requests waiting for a slot (at most MAX_QUEUED per service)',
      labelNames: ['service'],
      registers,
    }),
    responsesTooLarge: new Counter({
      name: 'xietong_responses_too_large_total',
      help: 'Answers replaced by a RESPONSE_TOO_LARGE error, and (gateway) subgraph answers abandoned while being read, past RESPONSE_MAX_BYTES',
      labelNames: ['service'],
      registers,
    }),
  };
}

let current: Metrics | undefined;

/** The process's metrics, created on first use (default Node metrics included). */
export function metrics(): Metrics {
  current ??= createMetrics();
  return current;
}

/** Answers a GET /metrics with the process's registry as Prometheus text (every service's front, the HJ 212 listener's). */
export async function sendMetrics(res: import('node:http').ServerResponse): Promise<void> {
  const { registry } = metrics();
  const text = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
