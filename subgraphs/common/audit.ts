/**
 * The audit trail (数据使用留痕): every read of a department's data by another department, recorded by
 * the owning subgraph before the response leaves. Append-only hash chain: each record carries the
 * hash of the previous one and a sequence number, so an edit, a deletion or an insertion shows up in
 * verify().
 */
import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

export interface AuditRead {
  type: string;
  keys: string[];
  fields: string[];
}

export interface AuditEntry {
  sub: string;
  dept: string;
  purposes: string[];
  operationName: string | null;
  requestId: string;
  reads: AuditRead[];
  at: Date;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

const readSchema = new Schema<AuditRead>({ type: String, keys: [String], fields: [String] }, { _id: false });
const auditSchema = new Schema<AuditRecord>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    sub: { type: String, required: true },
    dept: { type: String, required: true, index: true },
    purposes: [String],
    operationName: { type: String, default: null },
    requestId: { type: String, required: true },
    reads: [readSchema],
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_trail', versionKey: false },
);

export function createAuditModel(conn: Connection): Model<AuditRecord> {
  return conn.models.AuditRecord ?? conn.model<AuditRecord>('AuditRecord', auditSchema);
}

/** Canonical JSON of the hashed part of a record: fixed key order, dates as ISO strings. */
export function canonicalAudit(r: Omit<AuditRecord, 'hash'>): string {
  return JSON.stringify([
    r.seq, r.at.toISOString(), r.sub, r.dept, [...r.purposes], r.operationName ?? null, r.requestId,
    r.reads.map((x) => [x.type, [...x.keys], [...x.fields]]), r.prevHash,
  ]);
}

export function hashAudit(r: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalAudit(r)).digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Sequence number of the first broken link, and why. */
  brokenAt: number | null;
  reason: string | null;
}

interface PendingAppend {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class AuditTrail {
  private readonly queue: PendingAppend[] = [];
  private writing = false;
  private head: { seq: number; hash: string } | null = null;

  constructor(readonly model: Model<AuditRecord>) {}

  /**
   * Appends entries in order and resolves once they are stored. One write is in flight at a time, so
   * the chain never forks; the entries of requests that arrive meanwhile go together in the next write
   * (group commit: under load, one insert serves many requests).
   */
  append(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0);
        try {
          await this.appendNow(batch.flatMap((p) => p.entries));
          for (const p of batch) p.resolve();
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async loadHead(): Promise<{ seq: number; hash: string }> {
    const last = await this.model.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS };
  }

  private async appendNow(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    for (let attempt = 0; ; attempt++) {
      const head = this.head ?? (await this.loadHead());
      const docs: AuditRecord[] = [];
      let prev = head;
      for (const e of entries) {
        const base = { ...e, seq: prev.seq + 1, prevHash: prev.hash };
        const rec = { ...base, hash: hashAudit(base) };
        docs.push(rec);
        prev = { seq: rec.seq, hash: rec.hash };
      }
      try {
        // The driver's insert: the records are built here, typed, so mongoose's casting would only cost time.
        await this.model.collection.insertMany(docs, { ordered: true });
        this.head = prev;
        return;
      } catch (e) {
        // Another process appended meanwhile (unique seq): reload the head and retry.
        this.head = null;
        if ((e as { code?: number }).code !== 11000 || attempt >= 5) throw e;
      }
    }
  }

  async verify(): Promise<AuditVerification> {
    let expected = { seq: 0, hash: GENESIS };
    let checked = 0;
    const cursor = this.model.find({}).sort({ seq: 1 }).lean().cursor();
    for await (const raw of cursor) {
      const r = raw as AuditRecord;
      const fail = (reason: string): AuditVerification => ({ ok: false, checked, brokenAt: r.seq, reason });
      if (r.seq !== expected.seq + 1) {
        return fail(r.seq <= expected.seq
          ? `record ${r.seq} repeats a sequence number (inserted record)`
          : `records ${expected.seq + 1}–${r.seq - 1} are missing (deleted)`);
      }
      if (r.prevHash !== expected.hash) return fail(`record ${r.seq} does not point to the hash of record ${expected.seq}`);
      const { hash, ...rest } = r;
      if (hashAudit({ ...rest, at: new Date(rest.at) }) !== hash) return fail(`record ${r.seq} was altered (hash mismatch)`);
      expected = { seq: r.seq, hash };
      checked++;
    }
    if (this.head && this.head.seq > expected.seq) {
      // This process appended further records than are left: the newest ones were deleted.
      return { ok: false, checked, brokenAt: expected.seq + 1, reason: `records ${expected.seq + 1}–${this.head.seq} are missing (deleted at the end)` };
    }
    return { ok: true, checked, brokenAt: null, reason: null };
  }
}
