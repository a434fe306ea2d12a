import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Read model of the readings for period queries: the samples of one station on one local (UTC+8)
 * day, packed into one string. The `readings` collection (one document per packet) stays the record;
 * this exists because the embedded store (FerretDB v1 on SQLite) scans a whole collection for any
 * query but a single-_id lookup and converts every sub-document slowly, so a period query reads a
 * few hundred small chunk documents instead of every packet. Chunks are append-only: `_id` is
 * `<mn>|<day>|<hash of packed>`, so the same input gives the same chunks and re-ingesting adds nothing.
 *
 * packed: `<seconds since local midnight>,<cn>,<factor code>,<value>[,<flag if not N>]` joined by `;`; a
 * sample of a conflicting version (another packet for the same slot with other values, issue 18) is
 * `<…>,<value>,<flag>,c`.
 */
export interface ReadingChunkDoc {
  _id: string;
  mn: string;
  /** Local date YYYY-MM-DD. */
  day: string;
  packed: string;
}

export const readingChunkSchema = new Schema<ReadingChunkDoc>(
  {
    _id: { type: String, required: true },
    mn: { type: String, required: true },
    day: { type: String, required: true },
    packed: { type: String, required: true },
  },
  { collection: 'reading_chunks', versionKey: false },
);
// Used by MongoDB in production; the embedded store scans regardless. { day } serves the exceedance
// read model's evaluation, which reads every station's chunks of some days (adapters/hj212/exceedanceDays.ts).
readingChunkSchema.index({ mn: 1, day: 1 });
readingChunkSchema.index({ day: 1 });

export function createReadingChunkModel(conn: Connection): Model<ReadingChunkDoc> {
  return conn.models.ReadingChunk ?? conn.model<ReadingChunkDoc>('ReadingChunk', readingChunkSchema);
}

/** One measured value of one factor at one time, as the rule engine reads it. */
export interface Sample {
  /** Epoch ms. */
  t: number;
  cn: string;
  code: string;
  /** The period average (2051/2061/2031) or the real-time value (2011). */
  value: number;
  flag: string;
  /** From a conflicting version of the slot's packet: shown beside the value in use, never evaluated. */
  conflict?: boolean;
  /** On a sample in use (samplesByStation): the values conflicting versions carried for the same slot. */
  alternatives?: number[];
}

const LOCAL_OFFSET_MS = 8 * 3_600_000;

export function localDayOf(t: number): string {
  return new Date(t + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

function localMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS;
}

export function packSamples(day: string, samples: Sample[]): string {
  const midnight = localMidnight(day);
  return samples
    .map((s) => `${(s.t - midnight) / 1000},${s.cn},${s.code},${s.value}${s.conflict ? `,${s.flag},c` : s.flag === 'N' ? '' : `,${s.flag}`}`)
    .join(';');
}

export function unpackSamples(day: string, packed: string): Sample[] {
  const midnight = localMidnight(day);
  const out: Sample[] = [];
  for (const entry of packed.split(';')) {
    if (!entry) continue;
    const [sec, cn, code, value, flag, conflict] = entry.split(',');
    const sample: Sample = { t: midnight + Number(sec) * 1000, cn, code, value: Number(value), flag: flag ?? 'N' };
    if (conflict === 'c') sample.conflict = true;
    out.push(sample);
  }
  return out;
}
