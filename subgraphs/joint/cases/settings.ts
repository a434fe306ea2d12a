/**
 * The case file's settings, from the environment with documented defaults (README: "Joint enforcement
 * cases"). Read when a request needs them, so a changed variable applies without a rebuild of the schema.
 */
import { envInt, portFor, readEnv } from '../../../lib/config';
import type { CaseKind } from './procedure';

/**
 * Where joint sends evidence queries: the gateway, so that every owner's catalogue, masking and audit
 * apply to the caller's own token. GATEWAY_URL, default the local gateway on GATEWAY_PORT (4000).
 */
export function gatewayUrlFromEnv(): string {
  return readEnv('GATEWAY_URL') ?? `http://127.0.0.1:${portFor('gateway')}/graphql`;
}

export interface CaseSettings {
  /** 陈述申辩 window after NOTIFIED, in days (行政处罚法 art. 44–45; CASE_NOTIFY_DAYS, default 5). */
  notifyDays: number;
  /** FILED → DECIDED limit per kind, in days (art. 60: 90 days; CASE_DEADLINE_DAYS, CASE_DEADLINE_DAYS_<KIND>). */
  deadlineDays(kind: CaseKind): number;
  /** Largest evidence operation + variables, in bytes (EVIDENCE_MAX_BYTES, default 16 KiB). */
  evidenceMaxBytes: number;
  /** How long joint waits for the gateway's answer to an evidence query (EVIDENCE_TIMEOUT_MS, default 15 s). */
  evidenceTimeoutMs: number;
}

function positive(name: string, fallback: number): number {
  const n = envInt(name, fallback);
  if (n < 0) throw new Error(`Environment variable ${name} must be ≥ 0, got ${n}`);
  return n;
}

export function caseSettingsFromEnv(): CaseSettings {
  const base = positive('CASE_DEADLINE_DAYS', 90);
  return {
    notifyDays: positive('CASE_NOTIFY_DAYS', 5),
    deadlineDays: (kind) => positive(`CASE_DEADLINE_DAYS_${kind}`, base),
    evidenceMaxBytes: positive('EVIDENCE_MAX_BYTES', 16 * 1024),
    evidenceTimeoutMs: positive('EVIDENCE_TIMEOUT_MS', 15_000),
  };
}
