/**
 * The audit plugin of every subgraph: a read of this subgraph's data by another department is recorded
 * in its own audit trail (audit.ts) before the answer leaves the subgraph — what was served only
 * (access.ts collects it), bounded in size (boundReads). It also runs the trail's anchoring in the
 * other departments' stores (auditAnchor.ts) while the server runs.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { TokenSettings } from '../../lib/auth/keys';
import { envInt, type SubgraphName } from '../../lib/config';
import type { responseLimit } from '../../lib/http/responseLimit';
import type { AuditRead, AuditTrail } from './audit';
import { anchorFor } from './auditAnchor';
import { auditMetrics } from './auditMetrics';
import type { SubgraphContext } from './context';

export interface AuditBounds {
  /** Keys kept per read (type) in one record: AUDIT_MAX_KEYS_PER_READ, default 1000. */
  maxKeysPerRead: number;
  /** Largest `reads` of one record, in bytes of JSON: AUDIT_MAX_RECORD_BYTES, default 64 KiB. */
  maxRecordBytes: number;
}

/** A key longer than this (a root field's arguments as JSON) is kept as its start, length and SHA-256. */
export const MAX_KEY_CHARS = 256;

export function auditBoundsFromEnv(): AuditBounds {
  const maxKeysPerRead = envInt('AUDIT_MAX_KEYS_PER_READ', 1000);
  const maxRecordBytes = envInt('AUDIT_MAX_RECORD_BYTES', 64 * 1024);
  if (maxKeysPerRead < 1) throw new Error(`AUDIT_MAX_KEYS_PER_READ must be at least 1, got ${maxKeysPerRead}`);
  if (maxRecordBytes < 1024) throw new Error(`AUDIT_MAX_RECORD_BYTES must be at least 1024, got ${maxRecordBytes}`);
  return { maxKeysPerRead, maxRecordBytes };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function shortKey(key: string): string {
  return key.length <= MAX_KEY_CHARS ? key : `${key.slice(0, 64)}…[${key.length} chars, sha256 ${sha256(key)}]`;
}

/** Keeps the first `n` keys; the count and the SHA-256 of the full list (JSON of the sorted keys) prove the rest. */
function keep(read: AuditRead, full: readonly string[], n: number): AuditRead {
  return { ...read, keys: full.slice(0, n).map(shortKey), keyCount: full.length, keysSha256: sha256(JSON.stringify(full)) };
}

const size = (reads: AuditRead[]) => Buffer.byteLength(JSON.stringify(reads));

/**
 * What one record holds, bounded: at most maxKeysPerRead keys per read, no key longer than
 * MAX_KEY_CHARS, and then fewer keys (the largest read halved, again and again) until the reads fit
 * maxRecordBytes. A read cut keeps `keyCount` and `keysSha256` (canonicalAudit hashes both).
 */
export function boundReads(reads: AuditRead[], bounds: AuditBounds): AuditRead[] {
  const full = reads.map((r) => r.keys);
  let out = reads.map((r) => (r.keys.length > bounds.maxKeysPerRead || r.keys.some((k) => k.length > MAX_KEY_CHARS) ? keep(r, r.keys, bounds.maxKeysPerRead) : r));
  while (size(out) > bounds.maxRecordBytes) {
    let largest = -1;
    for (let i = 0; i < out.length; i++) if (out[i].keys.length && (largest < 0 || out[i].keys.length > out[largest].keys.length)) largest = i;
    if (largest < 0) break; // no keys left to cut: the fields and types alone (bounded by the schema)
    out = out.map((r, i) => (i === largest ? keep(r, full[i], Math.floor(r.keys.length / 2)) : r));
  }
  return out;
}

export function auditPlugin<Data>(
  owner: SubgraphName,
  audit: AuditTrail,
  options: { secure: boolean; bounded: ReturnType<typeof responseLimit>; tokens?: TokenSettings; gatewayUrl?: () => string },
): ApolloServerPlugin<SubgraphContext<Data>> {
  const { secure, bounded } = options;
  const bounds = auditBoundsFromEnv();
  const given = { ...(options.tokens ? { tokens: options.tokens } : {}), ...(options.gatewayUrl ? { gatewayUrl: options.gatewayUrl } : {}) };
  const anchor = secure ? anchorFor(owner, audit, given) : undefined;
  const m = auditMetrics();
  return {
    // Anchoring runs while the server does; at stop it records a moved head once more.
    async serverWillStart() {
      if (!anchor) return;
      anchor.start();
      return { serverWillStop: () => anchor.stop() };
    },
    // The audit record is written before the response leaves the subgraph. A read by another
    // department announces itself when it starts, so that concurrent reads share one insert.
    async requestDidStart({ contextValue }) {
      if (!secure || contextValue.caller.dept === owner) return;
      const ticket = audit.expect();
      return {
        async willSendResponse({ contextValue: ctx, operationName, response }) {
          // An answer over RESPONSE_MAX_BYTES is replaced, not sent: its reads were not delivered, so not recorded.
          if (ctx.reads.empty || bounded.enforce(response)) return ticket.release();
          const t0 = performance.now();
          try {
            await ticket.append([
              {
                sub: ctx.caller.sub,
                dept: ctx.caller.dept,
                purposes: ctx.caller.purposes,
                operationName: ctx.clientOperation ?? operationName ?? null,
                requestId: ctx.requestId,
                reads: boundReads(ctx.reads.toReads(), bounds),
                at: new Date(),
                ...(ctx.caseIdHeader.caseId ? { caseId: ctx.caseIdHeader.caseId } : {}),
              },
            ]);
          } catch (e) {
            m.appendFailures.inc({ service: owner });
            throw e;
          }
          m.appendDuration.observe({ service: owner }, (performance.now() - t0) / 1000);
          m.crossDepartmentReads.inc({ service: owner, reader_dept: ctx.caller.dept });
        },
      };
    },
  };
}
