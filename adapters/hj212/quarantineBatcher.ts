/**
 * One writer for the rejected lines of every HJ 212 connection: what is added within BATCH_INTERVAL_MS
 * (or while the previous write is in flight) goes to quarantine in one insertMany, so a flood of bad
 * lines costs a few round trips instead of one each (issue 16: 17–25 rejected lines stored per second,
 * one round trip each, held every device's reply for minutes). The records are those IngestSink.reject
 * keeps: raw text, where, reason, _id = sha256(source, raw); raw text quarantined before has its
 * seenCount incremented instead.
 *
 * `add` resolves once its lines are stored, so a connection that sends bad lines waits for its own
 * batch (and stops reading meanwhile); connections that send good packets never wait for it.
 */
import type { Connection, Model } from 'mongoose';
import { createQuarantineModel, quarantineId, type QuarantinedRecord } from '../common/quarantine';

const NON_ASCII = /[^\x00-\x7f]/;

export interface RejectedLine {
  where: string;
  reason: string;
  raw: string;
}

export interface QuarantineBatcherOptions {
  source: string;
  /** Records per insertMany (default 500). */
  maxRecords?: number;
  /** How long the first record of a batch waits for others (default 20 ms). */
  intervalMs?: number;
  /** Characters of raw text, reasons and places waiting to be written, past which `add` waits (default 8 MB). */
  maxPendingBytes?: number;
}

interface Batch {
  records: Map<string, QuarantinedRecord>;
  bytes: number;
  done: Promise<void>;
  resolve(): void;
  reject(e: unknown): void;
}

const DEFAULT_MAX_RECORDS = 500;
const DEFAULT_INTERVAL_MS = 20;
// Bounds memory when many connections flood at once: 2000 connections × 100 lines × 4 KB would be 800 MB.
const DEFAULT_MAX_PENDING_BYTES = 8 * 1024 * 1024;
const DUPLICATE_KEY = 11000;

export class QuarantineBatcher {
  private readonly model: Model<QuarantinedRecord>;
  private readonly maxRecords: number;
  private readonly intervalMs: number;
  private readonly maxPendingBytes: number;
  private batch: Batch | null = null;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private pendingBytes = 0;
  /** Records stored (first sightings and repeats) and insertMany round trips made. */
  readonly stats = { records: 0, inserts: 0 };

  constructor(conn: Connection, private readonly options: QuarantineBatcherOptions) {
    this.model = createQuarantineModel(conn);
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.maxPendingBytes = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;
  }

  /** Queues the lines; resolves when they are stored, rejects if their batch could not be written. */
  async add(lines: RejectedLine[]): Promise<void> {
    if (!lines.length) return;
    while (this.pendingBytes > this.maxPendingBytes) {
      this.seal();
      await this.writing;
    }
    const batch = this.current();
    const now = new Date();
    for (const line of lines) {
      const { where, reason } = line;
      // Device bytes arrive as latin1 text: a line with bytes outside ASCII is kept as its bytes (base64).
      const binary = NON_ASCII.test(line.raw);
      const raw = binary ? Buffer.from(line.raw, 'latin1').toString('base64') : line.raw;
      const _id = quarantineId(this.options.source, raw);
      const seen = batch.records.get(_id);
      if (seen) {
        seen.seenCount++;
        seen.lastSeenAt = now;
        continue;
      }
      batch.records.set(_id, {
        _id, source: this.options.source, where, reason, raw, ...(binary ? { rawEncoding: 'base64' as const } : {}), firstSeenAt: now, lastSeenAt: now, seenCount: 1,
      });
      const bytes = raw.length + where.length + reason.length;
      batch.bytes += bytes;
      this.pendingBytes += bytes;
    }
    if (batch.records.size >= this.maxRecords) this.seal();
    else this.timer ??= setTimeout(() => this.seal(), this.intervalMs);
    return batch.done;
  }

  /** Writes what is queued and waits for every write to finish. */
  async flush(): Promise<void> {
    this.seal();
    await this.writing;
  }

  private current(): Batch {
    if (this.batch) return this.batch;
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A batch nobody awaits any more (its connection was closed) must not become an unhandled rejection.
    done.catch(() => undefined);
    this.batch = { records: new Map(), bytes: 0, done, resolve, reject };
    return this.batch;
  }

  /** Closes the current batch and queues its write behind the one in flight. */
  private seal(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    this.writing = this.writing.then(() => this.write(batch));
  }

  private async write(batch: Batch): Promise<void> {
    const docs = [...batch.records.values()];
    try {
      for (let i = 0; i < docs.length; i += this.maxRecords) await this.insert(docs.slice(i, i + this.maxRecords));
      this.stats.records += docs.length;
      batch.resolve();
    } catch (e) {
      batch.reject(e);
    } finally {
      this.pendingBytes -= batch.bytes;
    }
  }

  private async insert(docs: QuarantinedRecord[]): Promise<void> {
    this.stats.inserts++;
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
    } catch (e) {
      const err = e as { code?: number; writeErrors?: { index?: number; code?: number }[] };
      const writeErrors = err.writeErrors ?? [];
      if (!writeErrors.length || writeErrors.some((w) => w.code !== DUPLICATE_KEY || w.index === undefined)) throw e;
      // Raw text quarantined before: count the new sightings, as IngestSink.reject's upsert does.
      const repeats = new Map<number, string[]>();
      for (const w of writeErrors) {
        const doc = docs[w.index!];
        const ids = repeats.get(doc.seenCount) ?? [];
        ids.push(doc._id);
        repeats.set(doc.seenCount, ids);
      }
      const lastSeenAt = docs[0].lastSeenAt;
      for (const [count, ids] of repeats) {
        await this.model.collection.updateMany({ _id: { $in: ids } } as never, { $set: { lastSeenAt }, $inc: { seenCount: count } });
      }
    }
  }
}
