/**
 * Writes documents keyed by their natural `_id` through an IngestSink, cheaply on FerretDB v1:
 * - a buffer of records is checked against the store with one `_id $in` query per collection;
 * - new documents are inserted (`acceptNew`: a plain insert, ~20× faster than an upsert there),
 *   unchanged ones are counted as duplicates without a write, changed ones are upserted;
 * - upserts are flushed at most UPSERTS_PER_FLUSH at a time: FerretDB stalls on one `update`
 *   command carrying more than about 100 upserts that hit existing documents.
 * Memory is bounded by the buffer size.
 */
import type { Model } from 'mongoose';
import type { IngestSink } from '../common/sink';

const BUFFER_SIZE = 300;
const UPSERTS_PER_FLUSH = 90;

interface Pending {
  model: Model<any>;
  id: string;
  doc: Record<string, unknown>;
}

/** JSON with sorted keys and without `_id`: equal content gives equal text. */
function canonical(doc: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(doc).filter((k) => k !== '_id').sort().map((k) => [k, doc[k] ?? null]));
}

export class NaturalKeyWriter {
  private buffer: Pending[] = [];
  private readonly bufferedIds = new Set<string>();
  private upsertsSinceFlush = 0;
  private rejectsSinceFlush = 0;

  constructor(private readonly sink: IngestSink) {}

  /** Idempotent write keyed by the document's natural `_id`. */
  async upsert(model: Model<any>, id: string, doc: object): Promise<void> {
    const key = `${model.collection.name}\0${id}`;
    // The same key twice in one buffer: settle the first before judging the second against it.
    if (this.bufferedIds.has(key)) await this.drain();
    this.bufferedIds.add(key);
    this.buffer.push({ model, id, doc: { ...(doc as Record<string, unknown>) } });
    if (this.buffer.length >= BUFFER_SIZE) await this.drain();
  }

  async reject(where: string, raw: string, reason: string): Promise<void> {
    await this.sink.reject(where, raw, reason);
    // Quarantine writes are upserts too.
    if (++this.rejectsSinceFlush >= UPSERTS_PER_FLUSH) await this.flushSink();
  }

  /** Counts a record already written earlier in this run as a duplicate without writing it again. */
  countDuplicate(): void {
    this.sink.report.duplicates++;
  }

  private async flushSink(): Promise<void> {
    this.upsertsSinceFlush = 0;
    this.rejectsSinceFlush = 0;
    await this.sink.flush();
  }

  /** Writes everything buffered; call before the sink's finish(). */
  async drain(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    this.bufferedIds.clear();
    const byModel = new Map<Model<any>, Pending[]>();
    for (const p of batch) (byModel.get(p.model) ?? byModel.set(p.model, []).get(p.model)!).push(p);
    for (const [model, items] of byModel) {
      const stored = await model.find({ _id: { $in: items.map((p) => p.id) } }).lean<Record<string, unknown>[]>();
      const storedById = new Map(stored.map((d) => [String(d._id), canonical(d)]));
      for (const p of items) {
        const existing = storedById.get(p.id);
        if (existing === undefined) {
          await this.sink.acceptNew(model, { _id: p.id, ...p.doc });
        } else if (existing === canonical(p.doc)) {
          this.countDuplicate();
        } else {
          await this.sink.accept(model, { _id: p.id }, p.doc);
          if (++this.upsertsSinceFlush >= UPSERTS_PER_FLUSH) await this.flushSink();
        }
      }
    }
    await this.flushSink();
  }
}

/**
 * Remembers what was written in this run (enterprises recur on many permits), bounded so memory
 * stays flat on any input: when full it forgets everything and merely writes again.
 */
export class RecentlyWritten {
  private readonly seen = new Map<string, string>();

  constructor(private readonly limit = 10_000) {}

  /** True when `key` was already written with exactly this content. */
  repeat(key: string, doc: object): boolean {
    const content = JSON.stringify(doc);
    if (this.seen.get(key) === content) return true;
    if (this.seen.size >= this.limit) this.seen.clear();
    this.seen.set(key, content);
    return false;
  }
}
