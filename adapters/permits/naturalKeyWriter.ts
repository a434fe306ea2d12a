/**
 * Feeds an IngestSink in flushes of at most FLUSH_EVERY writes. FerretDB v1 (SQLite) stalls on one
 * `update` command carrying more than about 100 upserts that hit existing documents — exactly what
 * re-ingesting a file does — so we flush before the sink's own (larger) batch fills.
 */
import type { Model } from 'mongoose';
import type { IngestSink } from '../common/sink';

const FLUSH_EVERY = 90;

export class BoundedSink {
  private queued = 0;

  constructor(private readonly sink: IngestSink) {}

  private async counted(): Promise<void> {
    if (++this.queued >= FLUSH_EVERY) {
      this.queued = 0;
      await this.sink.flush();
    }
  }

  /** Idempotent upsert keyed by the document's natural `_id`. */
  async upsert(model: Model<any>, id: string, doc: object): Promise<void> {
    await this.sink.accept(model, { _id: id }, { ...doc });
    await this.counted();
  }

  async reject(where: string, raw: string, reason: string): Promise<void> {
    await this.sink.reject(where, raw, reason);
    await this.counted();
  }

  /** Counts a record already written earlier in this run as a duplicate without writing it again. */
  countDuplicate(): void {
    this.sink.report.duplicates++;
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
