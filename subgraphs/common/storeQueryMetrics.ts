/**
 * Store operations per collection as a Prometheus counter, `xietong_store_queries_total{service,
 * collection,kind}` on the service's /metrics: how an operator (and the contract suite) sees that N
 * entity representations cost one query per collection, and which collections a slow request read.
 *
 * Off unless STORE_QUERY_METRICS=on (runSubgraph.ts): counting listens to every collection call of
 * the connection (mongoose's `operation-start` event), a small cost not every deployment wants.
 * Label values are the service's name and collection names declared by our models, never a request's.
 */
import type { Connection } from 'mongoose';
import { Counter } from 'prom-client';
import { readEnv } from '../../lib/config';
import { metrics } from '../../lib/metrics';

/** Collection methods that read (the rest write or manage indexes). */
const READS = new Set(['find', 'findOne', 'aggregate', 'countDocuments', 'estimatedDocumentCount', 'distinct']);

let counter: Counter<'service' | 'collection' | 'kind'> | undefined;

function storeQueries(): Counter<'service' | 'collection' | 'kind'> {
  counter ??= new Counter({
    name: 'xietong_store_queries_total',
    help: 'Operations sent to the store by a service, per collection; kind = read (find, aggregate, count, distinct) or write. Only with STORE_QUERY_METRICS=on',
    labelNames: ['service', 'collection', 'kind'],
    registers: [metrics().registry],
  });
  return counter;
}

export function storeQueryMetricsEnabled(): boolean {
  const v = (readEnv('STORE_QUERY_METRICS') ?? 'off').toLowerCase();
  if (v !== 'on' && v !== 'off') throw new Error(`STORE_QUERY_METRICS must be "on" or "off", got "${v}"`);
  return v === 'on';
}

/** Counts every operation `connection` sends, under the service's name; returns a function that stops counting. */
export function countStoreQueries(connection: Connection, service: string): () => void {
  const c = storeQueries();
  const listener = (op: { collectionName?: string; method?: string }) => {
    if (!op.collectionName || !op.method) return;
    c.inc({ service, collection: op.collectionName, kind: READS.has(op.method) ? 'read' : 'write' });
  };
  connection.on('operation-start', listener);
  return () => connection.off('operation-start', listener);
}
