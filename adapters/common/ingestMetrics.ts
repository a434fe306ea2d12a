/**
 * xietong_ingest_records_total{source, outcome}: records of adapters' input by how they ended
 * (accepted | duplicate | updated | rejected), on the process's registry (lib/metrics.ts). It moves in
 * whichever process ingests (the HJ 212 listener, `npm run ingest`, the demo seed) and is served by
 * that process's /metrics when it has one.
 *
 * The counts are the sink's report (sink.ts): its four counters are accessors that add every increase
 * to the metric, so every place that counts a record — the sink itself, or a writer adding to the
 * sink's report — moves the metric once, and a reset of the report (the TCP listener hands the counts
 * on per batch) takes nothing back. `source` is the adapter's name, chosen by our code.
 */
import { Counter, type Registry } from 'prom-client';
import { metrics } from '../../lib/metrics';

export type IngestOutcome = 'accepted' | 'duplicate' | 'updated' | 'rejected';

const created = new WeakMap<Registry, Counter<'source' | 'outcome'>>();

export function ingestRecordsCounter(): Counter<'source' | 'outcome'> {
  const { registry } = metrics();
  let c = created.get(registry);
  if (!c) {
    c = new Counter({
      name: 'xietong_ingest_records_total',
      help: 'Records read by the adapters, by source (adapter) and outcome: accepted (new), duplicate (same content stored already), updated (same key, new content), rejected (quarantined)',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    });
    created.set(registry, c);
  }
  return c;
}

/** Adds n records of `source` ending as `outcome` (for counts kept outside a sink's report). */
export function countIngested(source: string, outcome: IngestOutcome, n = 1): void {
  if (n > 0) ingestRecordsCounter().inc({ source, outcome }, n);
}

type Counted = { accepted: number; duplicates: number; updated: number; rejected: number };

const FIELDS: [keyof Counted, IngestOutcome][] = [
  ['accepted', 'accepted'],
  ['duplicates', 'duplicate'],
  ['updated', 'updated'],
  ['rejected', 'rejected'],
];

/** Makes the four counts of `report` accessors that also move the metric on every increase. */
export function countedReport<R extends Counted>(report: R, source: string): R {
  const counter = ingestRecordsCounter();
  for (const [field, outcome] of FIELDS) {
    const child = counter.labels({ source, outcome });
    let value = report[field];
    Object.defineProperty(report, field, {
      enumerable: true,
      get: () => value,
      set: (next: number) => {
        if (next > value) child.inc(next - value);
        value = next;
      },
    });
  }
  return report;
}
