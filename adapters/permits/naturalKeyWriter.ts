/**
 * Writes documents keyed by their natural `_id` through an IngestSink, cheaply on FerretDB v1:
 * - a buffer of records is checked against the store with one `_id $in` query per collection;
 * - new documents are inserted (`acceptNew`: a plain insert, ~20× faster than an upsert there),
 *   unchanged ones are counted as duplicates without a write, changed ones are upserted;
 * - upserts are flushed at most UPSERTS_PER_FLUSH at a time: FerretDB stalls on one `update`
 *   command carrying more than about 100 upserts that hit existing documents.
 * Memory is bounded by the buffer size.
 *
 * A record of the input (a permit with its project, participants and enterprises) writes several
 * documents: the report counts the RECORD once (issue 18's accounting), as accepted when any of its
 * documents is new, else updated when any changed, else duplicate. Call `beginRecord()` before a
 * record's upserts.
 */
import type { Model } from 'mongoose';
import type { IngestSink } from '../common/sink';

const BUFFER_SIZE = 300;
const UPSERTS_PER_FLUSH = 90;

type Outcome = 0 | 1 | 2; // duplicate < updated < accepted

interface RecordState {
  outcome: Outcome;
  /** Its documents not yet judged against the store. */
  pending: number;
}

interface Pending {
  model: Model<any>;
  id: string;
  doc: Record<string, unknown>;
  record: RecordState;
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
  /** Records with documents still to judge, in input order; the last may still be receiving documents. */
  private records: RecordState[] = [];
  private current: RecordState | null = null;

  constructor(private readonly sink: IngestSink) {}

  /** Starts the next record of the input: the upserts until the next call are its documents. */
  beginRecord(): void {
    this.current = { outcome: 0, pending: 0 };
    this.records.push(this.current);
  }

  /** Idempotent write keyed by the document's natural `_id`. */
  async upsert(model: Model<any>, id: string, doc: object): Promise<void> {
    if (!this.current) this.beginRecord();
    const key = `${model.collection.name}\0${id}`;
    // The same key twice in one buffer: settle the first before judging the second against it.
    if (this.bufferedIds.has(key)) await this.writeBuffer();
    this.bufferedIds.add(key);
    this.current!.pending++;
    this.buffer.push({ model, id, doc: { ...(doc as Record<string, unknown>) }, record: this.current! });
    if (this.buffer.length >= BUFFER_SIZE) await this.writeBuffer();
  }

  async reject(where: string, record: Parameters<IngestSink['rejectRecord']>[1], reason: string): Promise<void> {
    await this.sink.rejectRecord(where, record, reason);
    // Quarantine writes are upserts too.
    if (++this.rejectsSinceFlush >= UPSERTS_PER_FLUSH) await this.flushSink();
  }

  /** A document already written earlier in this run: it leaves its record's outcome as it is. */
  countDuplicate(): void {
    if (!this.current) this.beginRecord();
  }

  /** Counts the records whose documents are all judged (all but the one still open, unless `all`). */
  private settleRecords(all: boolean): void {
    const open = all ? null : this.current;
    const keep: RecordState[] = [];
    const counts = [0, 0, 0];
    for (const r of this.records) {
      if (r.pending > 0 || r === open) keep.push(r);
      else counts[r.outcome]++;
    }
    this.records = keep;
    if (all) this.current = null;
    this.sink.countDuplicates(counts[0]);
    this.sink.report.updated += counts[1];
    this.sink.report.accepted += counts[2];
  }

  private async flushSink(): Promise<void> {
    this.upsertsSinceFlush = 0;
    this.rejectsSinceFlush = 0;
    await this.sink.flush();
  }

  /** Writes everything buffered and counts every record; call after the last record, before the sink's finish(). */
  async drain(): Promise<void> {
    await this.writeBuffer();
    this.settleRecords(true);
  }

  private async writeBuffer(): Promise<void> {
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
        // The writes settle no record themselves (records: 0): the record's outcome is counted here.
        if (existing === undefined) {
          p.record.outcome = 2;
          await this.sink.acceptNew(model, { _id: p.id, ...p.doc }, { records: 0 });
        } else if (existing !== canonical(p.doc)) {
          if (p.record.outcome < 1) p.record.outcome = 1;
          await this.sink.accept(model, { _id: p.id }, p.doc, { records: 0 });
          if (++this.upsertsSinceFlush >= UPSERTS_PER_FLUSH) await this.flushSink();
        }
        p.record.pending--;
      }
    }
    await this.flushSink();
    this.settleRecords(false);
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
