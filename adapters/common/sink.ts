/**
 * Where adapters put what they read. Accepted documents are upserted by their natural key in batches
 * (idempotent: ingesting the same input twice changes nothing and counts as duplicates); rejected
 * records go to quarantine with their reason. `finish()` flushes and returns the report.
 */
import type { Connection, Model } from 'mongoose';
import { bumpRevisions } from '../store/revisions';
import { createQuarantineModel, quarantineId, type QuarantinedRecord } from './quarantine';

export interface RejectionReason {
  where: string;
  reason: string;
}

export interface IngestReport {
  source: string;
  accepted: number;
  /** Records already stored with the same content (same natural key, nothing changed). */
  duplicates: number;
  /** Records whose natural key existed with different content: stored content updated. */
  updated: number;
  rejected: number;
  /** The first rejections (at most 1000), with file/line or packet. */
  reasons: RejectionReason[];
}

export interface SinkOptions {
  source: string;
  batchSize?: number;
  /** Called after every flush with the running totals (progress display). */
  onProgress?: (report: IngestReport) => void;
}

interface PendingWrite {
  filter: Record<string, unknown>;
  doc: Record<string, unknown>;
}

const MAX_REASONS = 1000;
/**
 * FerretDB v1 stalls on one `update` command carrying more than about 100 upserts that hit existing
 * documents (measured: 100 returned, 120 never did), so every bulk write is sent in chunks of this size.
 */
const MAX_OPS_PER_COMMAND = 90;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class IngestSink {
  private readonly pending = new Map<Model<any>, PendingWrite[]>();
  private readonly pendingInserts = new Map<Model<any>, Record<string, unknown>[]>();
  private pendingCount = 0;
  private readonly quarantine: Model<QuarantinedRecord>;
  private rejections: QuarantinedRecord[] = [];
  readonly report: IngestReport;
  private readonly batchSize: number;

  constructor(readonly connection: Connection, private readonly options: SinkOptions) {
    this.quarantine = createQuarantineModel(connection);
    this.batchSize = options.batchSize ?? 500;
    this.report = { source: options.source, accepted: 0, duplicates: 0, updated: 0, rejected: 0, reasons: [] };
  }

  /** Queues a document for `model`, identified by its natural key `filter`. */
  async accept(model: Model<any>, filter: Record<string, unknown>, doc: Record<string, unknown>): Promise<void> {
    let list = this.pending.get(model);
    if (!list) {
      list = [];
      this.pending.set(model, list);
    }
    list.push({ filter, doc });
    if (++this.pendingCount >= this.batchSize) await this.flush();
  }

  /**
   * Queues an append-only fact (a reading, a punch, a pay line) for plain insertion: much faster than
   * an upsert. The model MUST have a unique index on the record's natural key; a record that
   * violates it is counted as a duplicate, so re-ingesting changes nothing.
   */
  async acceptNew(model: Model<any>, doc: Record<string, unknown>): Promise<void> {
    let list = this.pendingInserts.get(model);
    if (!list) {
      list = [];
      this.pendingInserts.set(model, list);
    }
    list.push(doc);
    if (++this.pendingCount >= this.batchSize) await this.flush();
  }

  /** Keeps a rejected record raw, with where it was and why. */
  async reject(where: string, raw: string, reason: string): Promise<void> {
    this.report.rejected++;
    if (this.report.reasons.length < MAX_REASONS) this.report.reasons.push({ where, reason });
    const now = new Date();
    this.rejections.push({
      _id: quarantineId(this.options.source, raw),
      source: this.options.source, where, reason, raw, firstSeenAt: now, lastSeenAt: now, seenCount: 1,
    });
    if (this.rejections.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    // Readers that keep a collection in memory learn of the change through its revision, bumped after
    // the write (also when the write failed part-way: what did land must be seen).
    const written = new Set<Model<any>>();
    try {
      await this.writeAll(written);
    } finally {
      for (const model of written) await bumpRevisions(model.db, [model.collection.collectionName]);
    }
    this.options.onProgress?.(this.report);
  }

  private async writeAll(written: Set<Model<any>>): Promise<void> {
    for (const [model, writes] of this.pending) {
      if (!writes.length) continue;
      written.add(model);
      for (const part of chunks(writes, MAX_OPS_PER_COMMAND)) {
        // Ordered, so two records with the same natural key in one batch cannot both insert.
        const res = await model.bulkWrite(
          part.map((w) => ({ updateOne: { filter: w.filter, update: { $set: w.doc }, upsert: true } })),
          { ordered: true },
        );
        const upserted = res.upsertedCount;
        const modified = res.modifiedCount;
        this.report.accepted += upserted;
        this.report.updated += modified;
        this.report.duplicates += part.length - upserted - modified;
      }
      writes.length = 0;
    }
    for (const [model, docs] of this.pendingInserts) {
      if (!docs.length) continue;
      written.add(model);
      const batch = docs.splice(0);
      try {
        await model.collection.insertMany(batch, { ordered: false });
        this.report.accepted += batch.length;
      } catch (e) {
        const err = e as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[]; result?: { insertedCount?: number }; insertedCount?: number };
        const writeErrors = err.writeErrors ?? (err.code === 11000 ? [{ code: 11000 }] : []);
        const dupes = writeErrors.filter((w) => (w.code ?? w.err?.code) === 11000).length;
        if (dupes !== writeErrors.length || writeErrors.length === 0) throw e;
        this.report.duplicates += dupes;
        this.report.accepted += batch.length - dupes;
      }
    }
    this.pendingCount = 0;
    if (this.rejections.length) {
      const batch = this.rejections;
      this.rejections = [];
      for (const part of chunks(batch, MAX_OPS_PER_COMMAND)) {
        await this.quarantine.bulkWrite(
          part.map(({ _id, firstSeenAt, lastSeenAt, seenCount: _s, ...rest }) => ({
            updateOne: {
              filter: { _id },
              update: { $setOnInsert: { ...rest, firstSeenAt }, $set: { lastSeenAt }, $inc: { seenCount: 1 } },
              upsert: true,
            },
          })),
          { ordered: true },
        );
      }
    }
  }

  async finish(): Promise<IngestReport> {
    await this.flush();
    return this.report;
  }
}
