/**
 * Keeps the read model (reading_chunks, station_latest) in step with the accepted packets. Samples
 * are held in memory up to a cap (bounded memory), then written as append-only chunk documents whose
 * _id includes a hash of their content: the same input gives the same chunks, so re-ingesting adds
 * nothing. Readers merge the chunks of a day and keep the first sample per (time, cn, factor).
 * The days that received new chunks are then handed to the exceedance read model (exceedanceDays.ts).
 */
import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import type { ReadingDoc } from '../../subgraphs/environment/models/reading';
import { createReadingChunkModel, localDayOf, packSamples, type ReadingChunkDoc, type Sample } from '../../subgraphs/environment/models/readingChunk';
import { createStationLatestModel, type StationLatestDoc } from '../../subgraphs/environment/models/stationLatest';
import { ExceedanceMaintainer } from './exceedanceDays';

const DEFAULT_MAX_SAMPLES = 50_000;
const CHUNKS_PER_INSERT = 200;

export class ReadingDigest {
  private readonly days = new Map<string, { mn: string; day: string; samples: Sample[] }>();
  private readonly latest = new Map<string, StationLatestDoc>();
  private held = 0;
  /** Conflicting versions whose slot may be a station's stored latest reading. */
  private conflicts: { mn: string; dataTime: Date; cn: string }[] = [];
  private readonly chunks: Model<ReadingChunkDoc>;
  private readonly stationLatest: Model<StationLatestDoc>;
  private readonly exceedances: ExceedanceMaintainer;
  private readonly maxSamples: number;

  /** Without a maintainer, the exceedances of the days written are evaluated in finish(). */
  constructor(conn: Connection, options: { maxSamples?: number; exceedances?: ExceedanceMaintainer } = {}) {
    this.chunks = createReadingChunkModel(conn);
    this.stationLatest = createStationLatestModel(conn);
    this.maxSamples = options.maxSamples ?? DEFAULT_MAX_SAMPLES;
    this.exceedances = options.exceedances ?? new ExceedanceMaintainer(conn);
  }

  /**
   * Adds an accepted (or duplicate) reading; writes chunks when the cap is reached. A conflicting
   * version's samples are marked (readers keep them beside the value in use, the rules skip them) and
   * it never becomes the station's latest reading; it marks that reading as conflicting when it is one.
   */
  async add(r: ReadingDoc, options: { conflict?: boolean } = {}): Promise<void> {
    const conflict = options.conflict === true;
    const t = r.dataTime.getTime();
    const day = localDayOf(t);
    const key = `${r.mn}|${day}`;
    let entry = this.days.get(key);
    if (!entry) {
      entry = { mn: r.mn, day, samples: [] };
      this.days.set(key, entry);
    }
    for (const v of r.values) {
      const value = v.avg ?? v.rtd;
      if (value === undefined) continue;
      entry.samples.push(conflict ? { t, cn: r.cn, code: v.code, value, flag: v.flag ?? 'N', conflict } : { t, cn: r.cn, code: v.code, value, flag: v.flag ?? 'N' });
      this.held++;
    }
    const last = this.latest.get(r.mn);
    if (conflict) {
      if (last && last.dataTime.getTime() === r.dataTime.getTime() && last.cn === r.cn) last.conflicting = true;
      else this.conflicts.push({ mn: r.mn, dataTime: r.dataTime, cn: r.cn });
    } else if (!last || last.dataTime < r.dataTime) this.latest.set(r.mn, { _id: r.mn, dataTime: r.dataTime, cn: r.cn, values: r.values });
    if (this.held >= this.maxSamples) await this.writeChunks();
  }

  /** Writes everything held: chunks, then each station's latest packet if newer than the stored one, then the exceedances. */
  async finish(): Promise<void> {
    await this.writeChunks();
    const latest = [...this.latest.values()];
    this.latest.clear();
    for (const l of latest) {
      const existing = await this.stationLatest.findById(l._id).lean();
      if (existing && new Date(existing.dataTime) >= l.dataTime) continue;
      const { _id, ...rest } = l;
      await this.stationLatest.collection.replaceOne({ _id } as never, rest, { upsert: true });
    }
    for (const c of this.conflicts.splice(0)) {
      await this.stationLatest.collection.updateOne({ _id: c.mn, dataTime: c.dataTime, cn: c.cn } as never, { $set: { conflicting: true } });
    }
    await this.exceedances.settle();
  }

  private async writeChunks(): Promise<void> {
    const docs: ReadingChunkDoc[] = [];
    for (const { mn, day, samples } of this.days.values()) {
      const packed = packSamples(day, samples);
      const hash = createHash('sha1').update(packed).digest('hex').slice(0, 16);
      docs.push({ _id: `${mn}|${day}|${hash}`, mn, day, packed });
    }
    this.days.clear();
    this.held = 0;
    for (let i = 0; i < docs.length; i += CHUNKS_PER_INSERT) {
      const slice = docs.slice(i, i + CHUNKS_PER_INSERT);
      try {
        await this.chunks.collection.insertMany(slice as never[], { ordered: false });
        this.exceedances.touch(slice.map((d) => d.day));
      } catch (e) {
        const err = e as { code?: number; writeErrors?: { code?: number; index?: number }[] };
        const errors = err.writeErrors ?? (err.code === 11000 ? [{ code: 11000 }] : []);
        // Chunks already stored by an earlier ingestion of the same input.
        if (!errors.length || errors.some((w) => w.code !== 11000)) throw e;
        // Only the days of chunks that are new need their exceedances again (a re-ingestion adds none);
        // without the index of each duplicate, every day of the slice is re-evaluated (same answer).
        const duplicates = new Set(errors.map((w) => w.index));
        this.exceedances.touch(slice.filter((_, j) => !duplicates.has(j)).map((d) => d.day));
      }
    }
  }
}
