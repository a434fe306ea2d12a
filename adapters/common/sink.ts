/**
 * Where adapters put what they read. Accepted documents are upserted by their natural key in batches
 * (idempotent: ingesting the same input twice changes nothing and counts as duplicates); rejected
 * records go to quarantine with their reason. `finish()` flushes and returns the report.
 *
 * Accounting: the report counts RECORDS of the input (rows, JSON elements, packets), not documents.
 * Every record read is counted once by `countRead()` and ends as exactly one of accepted / duplicate /
 * updated / rejected, so `accepted + duplicates + updated + rejected = read` (checkAccounting). A write
 * carries the number of records it settles (`records`, default 1): 0 for a document derived beside the
 * record's main one, n for a document that stands for n records (an attendance block of n punches).
 */
import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { bumpRevisions } from '../store/revisions';
import { createQuarantineModel, quarantineId, type QuarantinedRecord } from './quarantine';
import { countedReport } from './ingestMetrics';

export interface RejectionReason {
  where: string;
  reason: string;
}

export interface IngestReport {
  source: string;
  /** Records read from the input (each ends as accepted, duplicate, updated or rejected). */
  read: number;
  accepted: number;
  /** Records already stored with the same content (same natural key, nothing changed). */
  duplicates: number;
  /** Records whose natural key existed with different content: stored content updated. */
  updated: number;
  rejected: number;
  /** The first rejections (at most 1000), with file/line or packet. */
  reasons: RejectionReason[];
  /** Things kept but not understood (an unknown item beside valid readings): the record is not rejected. */
  warnings: number;
  /** The first warnings (at most 1000). */
  warningSamples: RejectionReason[];
  /** Two records for the same key with different content where neither may replace the other: both kept. */
  conflicts: number;
  /** The first conflicts (at most 1000). */
  conflictSamples: RejectionReason[];
  /** Set when the input held no records at all: "empty file", "header only". */
  empty?: string;
}

/** How a rejected record is kept when it is not plain text of a sensible size. */
export interface RejectOptions {
  /** Records this rejection settles (default 1). */
  records?: number;
  /** The CSV header of the file: lets `npm run quarantine -- --retry` re-read the row. */
  header?: string;
  /** `raw` holds base64 bytes (a line that did not decode). */
  rawEncoding?: 'base64';
  /** `raw` is only the start of the record: its full length and hash. */
  truncated?: { length: number; unit: 'bytes' | 'chars'; sha256: string };
}

export interface WriteOptions {
  /** Records this document settles (default 1; 0 for a document derived beside the record's main one). */
  records?: number;
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
  records: number;
}

interface PendingInsert {
  doc: Record<string, unknown>;
  records: number;
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

export function emptyReport(source: string): IngestReport {
  return {
    source, read: 0, accepted: 0, duplicates: 0, updated: 0, rejected: 0, reasons: [],
    warnings: 0, warningSamples: [], conflicts: 0, conflictSamples: [],
  };
}

/** The accounting identity; returns a description of the mismatch, or null when it holds. */
export function checkAccounting(r: IngestReport): string | null {
  const settled = r.accepted + r.duplicates + r.updated + r.rejected;
  return settled === r.read ? null
    : `accounting mismatch: accepted ${r.accepted} + duplicates ${r.duplicates} + updated ${r.updated} + rejected ${r.rejected} = ${settled}, read ${r.read}`;
}

/** The start of an over-long record and what identifies all of it (length, sha256). */
export function truncatedRaw(raw: string | Buffer, keep = 4096): { raw: string; truncated: NonNullable<RejectOptions['truncated']>; rawEncoding?: 'base64' } {
  const sha256 = createHash('sha256').update(raw).digest('hex');
  if (typeof raw === 'string') return { raw: raw.slice(0, keep), truncated: { length: raw.length, unit: 'chars', sha256 } };
  return { raw: raw.subarray(0, keep).toString('base64'), rawEncoding: 'base64', truncated: { length: raw.length, unit: 'bytes', sha256 } };
}

export class IngestSink {
  private readonly pending = new Map<Model<any>, PendingWrite[]>();
  private readonly pendingInserts = new Map<Model<any>, PendingInsert[]>();
  private pendingCount = 0;
  private readonly quarantine: Model<QuarantinedRecord>;
  private rejections: QuarantinedRecord[] = [];
  readonly report: IngestReport;
  private readonly batchSize: number;

  constructor(readonly connection: Connection, private readonly options: SinkOptions) {
    this.quarantine = createQuarantineModel(connection);
    this.batchSize = options.batchSize ?? 500;
    // Every record counted in this report also moves xietong_ingest_records_total (ingestMetrics.ts).
    this.report = countedReport(emptyReport(options.source), options.source);
  }

  /** Counts records read from the input; call once per record, before or after settling it. */
  countRead(n = 1): void {
    this.report.read += n;
  }

  /** Something kept but not understood; the record itself is not rejected. */
  warning(where: string, message: string): void {
    this.report.warnings++;
    if (this.report.warningSamples.length < MAX_REASONS) this.report.warningSamples.push({ where, reason: message });
  }

  /** Two records for the same key that disagree, both kept (the adapter stores them). */
  conflict(where: string, message: string): void {
    this.report.conflicts++;
    if (this.report.conflictSamples.length < MAX_REASONS) this.report.conflictSamples.push({ where, reason: message });
  }

  /** The input held no records ("empty file", "header only"); the CLI exits 3 on it. */
  markEmpty(what: string): void {
    this.report.empty = what;
  }

  /** Settles records without a write (e.g. a record already written earlier in this run). */
  countDuplicates(n = 1): void {
    this.report.duplicates += n;
  }

  /** Queues a document for `model`, identified by its natural key `filter`. */
  async accept(model: Model<any>, filter: Record<string, unknown>, doc: Record<string, unknown>, options: WriteOptions = {}): Promise<void> {
    let list = this.pending.get(model);
    if (!list) {
      list = [];
      this.pending.set(model, list);
    }
    list.push({ filter, doc, records: options.records ?? 1 });
    if (++this.pendingCount >= this.batchSize) await this.flush();
  }

  /**
   * Queues an append-only fact (a reading, a punch, a pay line) for plain insertion: much faster than
   * an upsert. The model MUST have a unique index on the record's natural key; a record that
   * violates it is counted as a duplicate, so re-ingesting changes nothing.
   */
  async acceptNew(model: Model<any>, doc: Record<string, unknown>, options: WriteOptions = {}): Promise<void> {
    let list = this.pendingInserts.get(model);
    if (!list) {
      list = [];
      this.pendingInserts.set(model, list);
    }
    list.push({ doc, records: options.records ?? 1 });
    if (++this.pendingCount >= this.batchSize) await this.flush();
  }

  /** Keeps a rejected record raw, with where it was and why. */
  async reject(where: string, raw: string, reason: string, options: RejectOptions = {}): Promise<void> {
    this.report.rejected += options.records ?? 1;
    if (this.report.reasons.length < MAX_REASONS) this.report.reasons.push({ where, reason });
    const now = new Date();
    const { records: _r, ...keep } = options;
    // Readers keep undecodable bytes as base64; text that reached here with U+FFFD was decoded
    // leniently somewhere, its bytes already lost: said so, and no U+FFFD is stored even in quarantine.
    const kept = raw.includes('\uFFFD') ? raw.replace(/\uFFFD/g, '\\uFFFD') : raw;
    const why = kept === raw ? reason : `${reason} (the raw text held undecodable bytes, shown as \\uFFFD)`;
    this.rejections.push({
      _id: quarantineId(this.options.source, raw),
      source: this.options.source, where, reason: why, raw: kept, ...keep, firstSeenAt: now, lastSeenAt: now, seenCount: 1,
    });
    if (this.rejections.length >= this.batchSize) await this.flush();
  }

  /** Rejects a record as a reader gave it: raw text or bytes (base64), truncated or not, with its CSV header. */
  async rejectRecord(
    where: string,
    record: { raw: string; header?: string; rawEncoding?: 'base64'; truncated?: RejectOptions['truncated'] },
    reason: string,
  ): Promise<void> {
    const options: RejectOptions = {};
    if (record.header !== undefined) options.header = record.header;
    if (record.rawEncoding) options.rawEncoding = record.rawEncoding;
    if (record.truncated) options.truncated = record.truncated;
    await this.reject(where, record.raw, reason, options);
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
        // Which op did what, so each op's record weight lands in the right count.
        const upsertedAt = new Set(Object.keys(res.upsertedIds ?? {}).map(Number));
        let modifiedLeft = res.modifiedCount;
        let unchangedLeft = part.length - upsertedAt.size - modifiedLeft;
        // modifiedCount is a total: ops that were not upserts are matched in order; weights are
        // nearly always equal (1) so the split between updated and duplicate is exact in practice.
        part.forEach((w, i) => {
          if (upsertedAt.has(i)) this.report.accepted += w.records;
          else if (modifiedLeft > 0 && (unchangedLeft === 0 || w.records > 0)) {
            modifiedLeft--;
            this.report.updated += w.records;
          } else {
            unchangedLeft--;
            this.report.duplicates += w.records;
          }
        });
      }
      writes.length = 0;
    }
    for (const [model, docs] of this.pendingInserts) {
      if (!docs.length) continue;
      written.add(model);
      const batch = docs.splice(0);
      const total = batch.reduce((n, d) => n + d.records, 0);
      try {
        await model.collection.insertMany(batch.map((d) => d.doc), { ordered: false });
        this.report.accepted += total;
      } catch (e) {
        const err = e as { code?: number; index?: number; writeErrors?: { code?: number; index?: number; err?: { code?: number; index?: number } }[] };
        const writeErrors = err.writeErrors ?? (err.code === 11000 ? [{ code: 11000, index: err.index }] : []);
        const dupes = writeErrors.filter((w) => (w.code ?? w.err?.code) === 11000);
        if (dupes.length !== writeErrors.length || writeErrors.length === 0) throw e;
        // The index of each refused document tells whose records were duplicates.
        let dupRecords = 0;
        for (const w of dupes) {
          const i = w.index ?? w.err?.index;
          dupRecords += i !== undefined && batch[i] ? batch[i].records : 1;
        }
        this.report.duplicates += dupRecords;
        this.report.accepted += total - dupRecords;
      }
    }
    this.pendingCount = 0;
    if (this.rejections.length) {
      const batch = this.rejections;
      this.rejections = [];
      for (const part of chunks(batch, MAX_OPS_PER_COMMAND)) {
        await this.quarantine.bulkWrite(
          part.map(({ _id, firstSeenAt, lastSeenAt, seenCount: _s, reason, ...rest }) => ({
            updateOne: {
              filter: { _id },
              // Where it was first seen stays; the reason is the latest: after a parser change a retried
              // record says why it still fails (npm run quarantine -- --retry).
              update: { $setOnInsert: { ...rest, firstSeenAt }, $set: { lastSeenAt, reason }, $inc: { seenCount: 1 } },
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
