/**
 * How audit records are stored (collection `audit_trail`). What was read (`reads`: types, keys,
 * fields) is stored as one JSON text, with the types read beside it as `readTypes` for the type
 * filter: the embedded store spends several microseconds on every array element it stores, so a
 * 50-project read (5 arrays, 60 strings) cost twice as much as the same record with one text
 * (ADR 0006). The hash covers the parsed reads, so the stored form can change without breaking the
 * chain, and records written before (reads as an array of subdocuments) still read and verify.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AuditRead, AuditRecord } from './audit';

export interface StoredAuditRecord extends Omit<AuditRecord, 'reads'> {
  /**
   * The seq again, as text, in `_id` (records written before issue 22 have an ObjectId): on the embedded
   * store only an equality on a text `_id` avoids a scan of the collection (ADR 0004; measured: a number
   * `_id` is scanned for), and the trail's head is found by such lookups (audit.ts loadHead). Not hashed;
   * a duplicate is refused like a duplicate seq.
   */
  _id?: unknown;
  /** JSON text of the reads; an array of subdocuments in records written before ADR 0006. */
  reads: string | AuditRead[];
  /** The types read, in the order of `reads` (absent in records written before ADR 0006). */
  readTypes?: string[];
}

const auditSchema = new Schema<StoredAuditRecord>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    sub: { type: String, required: true },
    dept: { type: String, required: true, index: true },
    purposes: [String],
    operationName: { type: String, default: null },
    requestId: { type: String, required: true },
    reads: { type: Schema.Types.Mixed, required: true },
    readTypes: [String],
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    caseId: { type: String },
  },
  { collection: 'audit_trail', versionKey: false },
);
// The owner asks "which reads did case X make": absent in most records, so sparse.
auditSchema.index({ caseId: 1 }, { sparse: true });

export function createAuditModel(conn: Connection): Model<StoredAuditRecord> {
  return conn.models.AuditRecord ?? conn.model<StoredAuditRecord>('AuditRecord', auditSchema);
}

export function toStored(r: AuditRecord): StoredAuditRecord {
  const { caseId, ...rest } = r;
  // No caseId key at all when none was declared (a null would be a different stored record).
  return { _id: String(r.seq), ...rest, ...(caseId !== undefined ? { caseId } : {}), reads: JSON.stringify(r.reads), readTypes: r.reads.map((x) => x.type) };
}

/** Thrown when a stored record cannot be read back (it was altered in the database). */
export class UnreadableAuditRecord extends Error {}

function isRead(x: unknown): x is AuditRead {
  const r = x as AuditRead;
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  if (typeof r !== 'object' || r === null || typeof r.type !== 'string' || !strings(r.keys) || !strings(r.fields)) return false;
  // A bounded read carries both the count and the list's hash, or neither.
  if (r.keyCount === undefined && r.keysSha256 === undefined) return true;
  return Number.isInteger(r.keyCount) && typeof r.keysSha256 === 'string' && /^[0-9a-f]{64}$/.test(r.keysSha256);
}

/** The record as appended. Throws UnreadableAuditRecord when `reads` or `readTypes` were tampered with. */
export function fromStored(d: StoredAuditRecord): AuditRecord {
  let reads: unknown = d.reads;
  if (typeof reads === 'string') {
    try {
      reads = JSON.parse(reads);
    } catch {
      throw new UnreadableAuditRecord(`record ${d.seq}: reads are not valid JSON`);
    }
  }
  if (!Array.isArray(reads) || !reads.every(isRead)) throw new UnreadableAuditRecord(`record ${d.seq}: reads are malformed`);
  const parsed: AuditRead[] = reads.map((x) => ({
    type: x.type,
    keys: [...x.keys],
    fields: [...x.fields],
    ...(x.keyCount !== undefined ? { keyCount: x.keyCount, keysSha256: x.keysSha256 } : {}),
  }));
  if (d.readTypes !== undefined && JSON.stringify(d.readTypes) !== JSON.stringify(parsed.map((x) => x.type))) {
    throw new UnreadableAuditRecord(`record ${d.seq}: readTypes do not match its reads`);
  }
  const { readTypes: _types, _id: _omit, caseId, ...rest } = d;
  if (caseId !== undefined && caseId !== null && typeof caseId !== 'string') throw new UnreadableAuditRecord(`record ${d.seq}: caseId is not text`);
  return { ...rest, ...(caseId !== undefined && caseId !== null ? { caseId } : {}), at: new Date(d.at), reads: parsed };
}

/** Filter on the type read, for records of both stored forms. */
export function readTypeFilter(type: string): Record<string, unknown> {
  return { $or: [{ readTypes: type }, { 'reads.type': type }] };
}
