/**
 * The audit trail's metrics, on the process registry (lib/metrics.ts). Label values come from our code
 * only: `service` is the owning subgraph, `reader_dept` the verified token's department (a fixed set,
 * lib/config.ts CALLER_DEPARTMENTS), `outcome` one of AnchorOutcome.
 */
import { Counter, Histogram } from 'prom-client';
import { metrics } from '../../lib/metrics';

/**
 * What one anchoring attempt came to: `recorded` every witness holds the head; `partial` some did not
 * answer; `failed` none did (the gateway down, a refused token); `conflict` a witness holds another hash
 * for that seq (the trail was rewritten); `no_key` this process cannot sign its service token.
 */
export type AnchorOutcome = 'recorded' | 'partial' | 'failed' | 'conflict' | 'no_key';

export interface AuditMetrics {
  appendDuration: Histogram<'service'>;
  appendFailures: Counter<'service'>;
  crossDepartmentReads: Counter<'service' | 'reader_dept'>;
  anchors: Counter<'service' | 'outcome'>;
}

let current: AuditMetrics | undefined;

export function auditMetrics(): AuditMetrics {
  if (current) return current;
  const registers = [metrics().registry];
  current = {
    appendDuration: new Histogram({
      name: 'xietong_audit_append_duration_seconds',
      help: "Time a request waited for its audit record to be stored (group commit and commit delay included), by owning subgraph",
      labelNames: ['service'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    appendFailures: new Counter({
      name: 'xietong_audit_append_failures_total',
      help: 'Audit records that could not be stored (the request failed with them), by owning subgraph',
      labelNames: ['service'],
      registers,
    }),
    crossDepartmentReads: new Counter({
      name: 'xietong_cross_department_reads_total',
      help: "Requests by another department that were served data and recorded in the owner's audit trail, by owning subgraph (service) and the reader's department",
      labelNames: ['service', 'reader_dept'],
      registers,
    }),
    anchors: new Counter({
      name: 'xietong_audit_anchor_total',
      help: "Attempts to record the audit trail's head in the other departments' witness stores, by subgraph and outcome (recorded, partial, failed, conflict, no_key)",
      labelNames: ['service', 'outcome'],
      registers,
    }),
  };
  return current;
}
