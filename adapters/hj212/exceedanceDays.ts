/**
 * Writes the exceedance read model (exceedance_days, issue 17): the exceedances of each district on each
 * local day, evaluated when readings arrive, so that `exceedances` reads them by day instead of
 * evaluating a month of every station's samples at query time.
 *
 * The unit of evaluation is a whole local day of the city: a background rule compares a station with
 * the other stations of its district in the same window, so a reading (or a late one) changes the
 * answer of its whole district-day, and a station that moves district changes two. A day is evaluated
 * with the same engine and the same sample merging as the query-time computation
 * (subgraphs/environment/rules/engine.ts, samples.ts), over [local midnight, next midnight) and per
 * district; the answers are equal to those of the query-time computation for periods made of whole
 * local days, except that the data command a station's averages use (2051 minute, else 2011, …) is
 * chosen per day rather than over the whole period asked for (they differ only for a station that
 * changed its data command inside the period).
 *
 * Night-work permits do not enter: GB 12523's night limit holds with or without a permit (a permit
 * allows night work, not noise above 55 dB(A)), so a permit ingested later changes no stored exceedance;
 * whether a night exceedance had a permit is read at query time (Project.nightWorkPermits).
 */
import type { Connection } from 'mongoose';
import { log } from '../../lib/log';
import {
  createExceedanceDayModel, createExceedanceModelStateModel, MODEL_STATE_ID, packExceedances, type ExceedanceDayDoc,
} from '../../subgraphs/environment/models/exceedanceDay';
import { createReadingChunkModel, type ReadingChunkDoc } from '../../subgraphs/environment/models/readingChunk';
import { createStationModel, type StationDoc } from '../../subgraphs/environment/models/station';
import { samplesByStation } from '../../subgraphs/environment/samples';
import type { RuleSet } from '../../subgraphs/environment/rules/config';
import { findExceedances } from '../../subgraphs/environment/rules/engine';
import { currentRuleSet, rulesVersion } from '../../subgraphs/environment/rules/version';

/** Reading chunks are stored per UTC+8 day: the read model holds only for rules on the same local time. */
export const READ_MODEL_UTC_OFFSET_HOURS = 8;
/**
 * Samples one evaluation query may bring into memory (~100 MB): the days per query follow from the
 * samples per day seen so far (a 100-project demo city has ~27,000 a day, 1,000 projects ~270,000),
 * from 1 up to MAX_DAYS_PER_QUERY. Few, large queries: the embedded store reads the whole chunk
 * collection for any query (measured on 100 projects × 30 days: 0.63 s for one day, 1.0 s for eight).
 */
const SAMPLES_PER_QUERY = 1_000_000;
const MAX_DAYS_PER_QUERY = 16;
const DAY_MS = 86_400_000;

export function readModelApplies(rules: RuleSet): boolean {
  return rules.utcOffsetHours === READ_MODEL_UTC_OFFSET_HOURS;
}

function localMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - READ_MODEL_UTC_OFFSET_HOURS * 3_600_000;
}

export interface EvaluationReport {
  days: number;
  districtDays: number;
  exceedances: number;
  /** District-days left as they were because another writer had already evaluated more chunks. */
  superseded: number;
}

/** Evaluates these local days for every district and stores the result (one document per district-day). */
export async function evaluateDays(conn: Connection, days: Iterable<string>, rules: RuleSet = currentRuleSet()): Promise<EvaluationReport> {
  const report: EvaluationReport = { days: 0, districtDays: 0, exceedances: 0, superseded: 0 };
  const sorted = [...new Set(days)].sort();
  if (!sorted.length) return report;
  if (!readModelApplies(rules)) {
    log.warn('exceedance read model: the rules are not on UTC+8 like the reading chunks; queries compute exceedances at query time', { utcOffsetHours: rules.utcOffsetHours });
    return report;
  }
  const Station = createStationModel(conn);
  const Chunk = createReadingChunkModel(conn);
  const Day = createExceedanceDayModel(conn);
  const version = rulesVersion(rules);
  const stations = (await Station.find({}).sort({ mn: 1 }).lean().exec()) as StationDoc[];
  const districts = [...new Set(stations.map((s) => s.district))].sort();

  let daysPerQuery = 1;
  let samplesSeen = 0;
  for (let i = 0; i < sorted.length;) {
    const batch = sorted.slice(i, i + daysPerQuery);
    i += batch.length;
    const chunks = (await Chunk.find({ day: { $in: batch } }).sort({ _id: 1 }).lean().exec()) as ReadingChunkDoc[];
    const docs: ExceedanceDayDoc[] = [];
    for (const day of batch) {
      const dayChunks = chunks.filter((c) => c.day === day);
      const from = localMidnight(day);
      const samples = samplesByStation(dayChunks, from, from + DAY_MS);
      for (const list of samples.values()) samplesSeen += list.length;
      for (const district of districts) {
        const series = stations
          .filter((s) => s.district === district)
          .map((s) => ({ mn: s.mn, projectCode: s.projectCode, district: s.district, samples: samples.get(s.mn) ?? [] }));
        const found = findExceedances(series, rules, { from: new Date(from), to: new Date(from + DAY_MS) });
        docs.push({
          _id: `${day}|${district}`, day, district, rulesVersion: version, chunks: dayChunks.length,
          count: found.length, packed: packExceedances(found), evaluatedAt: new Date(),
        });
      }
      report.days++;
    }
    await storeDistrictDays(Day.collection, docs, report);
    // A district whose last station moved away keeps no stale exceedances.
    await Day.deleteMany({ day: { $in: batch }, district: { $nin: districts } });
    const perDay = samplesSeen / report.days;
    daysPerQuery = Math.max(1, Math.min(MAX_DAYS_PER_QUERY, Math.floor(SAMPLES_PER_QUERY / Math.max(perDay, 1))));
  }
  return report;
}

/** Upserts per write command: FerretDB v1 stalls on one command carrying more than about 100 (adapters/common/sink.ts). */
const DOCS_PER_WRITE = 50;

/**
 * Replaces each district-day unless the stored one was evaluated from more chunks (a concurrent writer
 * that saw later readings): the upsert then collides on _id and the newer evaluation stays.
 */
async function storeDistrictDays(
  collection: ReturnType<typeof createExceedanceDayModel>['collection'],
  docs: ExceedanceDayDoc[],
  report: EvaluationReport,
): Promise<void> {
  for (let i = 0; i < docs.length; i += DOCS_PER_WRITE) {
    const part = docs.slice(i, i + DOCS_PER_WRITE);
    let superseded = new Set<number>();
    try {
      await collection.bulkWrite(part.map(({ _id, ...rest }) => ({
        replaceOne: { filter: { _id, chunks: { $lte: rest.chunks } } as never, replacement: rest, upsert: true },
      })), { ordered: false });
    } catch (e) {
      const errors = (e as { writeErrors?: { code?: number; index?: number }[] }).writeErrors;
      if (!errors?.length || errors.some((w) => w.code !== 11000 || w.index === undefined)) throw e;
      superseded = new Set(errors.map((w) => w.index!));
    }
    part.forEach((d, j) => {
      if (superseded.has(j)) report.superseded++;
      else {
        report.districtDays++;
        report.exceedances += d.count;
      }
    });
  }
}

/** Every local day that has readings. */
async function daysWithReadings(conn: Connection): Promise<string[]> {
  const days = (await createReadingChunkModel(conn).find({}, { day: 1, _id: 0 }).lean().exec()) as { day: string }[];
  return [...new Set(days.map((d) => d.day))].sort();
}

/**
 * Evaluates every day that has readings with the rules on disk, removes district-days of days without
 * readings, and records the rules version the model now holds: what a rule change needs (the
 * rebuild command), and what the first ingestion into a store without a model does.
 */
export async function rebuildExceedanceModel(conn: Connection, rules: RuleSet = currentRuleSet()): Promise<EvaluationReport & { rulesVersion: string }> {
  const days = await daysWithReadings(conn);
  const report = await evaluateDays(conn, days, rules);
  await createExceedanceDayModel(conn).deleteMany({ day: { $nin: days } });
  if (readModelApplies(rules)) {
    await createExceedanceModelStateModel(conn).collection.replaceOne(
      { _id: MODEL_STATE_ID } as never,
      { rulesVersion: rulesVersion(rules), builtAt: new Date(), days: days.length },
      { upsert: true },
    );
  }
  return { ...report, rulesVersion: rulesVersion(rules) };
}

/**
 * Keeps the model up to date for the days that received new reading chunks: at once for a file
 * ingestion (`delayMs` 0: the ingest command ends with the model updated), or after `delayMs` for the
 * TCP listener, where every read of every device writes chunks and one evaluation per period serves
 * them all. A store without a model gets a full build first.
 */
export class ExceedanceMaintainer {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private warnedVersion: string | null = null;

  constructor(private readonly conn: Connection, readonly delayMs = 0) {}

  /** Days (local YYYY-MM-DD) that received new chunks. */
  touch(days: Iterable<string>): void {
    for (const d of days) this.pending.add(d);
    if (this.delayMs > 0 && this.pending.size && !this.timer) {
      this.timer = setTimeout(() => {
        this.flush().catch((e: unknown) => log.error('exceedance read model: update failed; its days are retried with the next readings (or run adapters/hj212/rebuildExceedances.ts)', { error: String(e) }));
      }, this.delayMs);
      this.timer.unref();
    }
  }

  /** After chunks were written: evaluates now without a delay, otherwise leaves it to the timer. */
  async settle(): Promise<void> {
    if (this.delayMs === 0) await this.flush();
  }

  /** Evaluates the pending days now (one at a time per maintainer). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const days = [...this.pending];
    this.pending.clear();
    const run = this.running.then(async () => {
      if (!days.length) return;
      try {
        await this.update(days);
      } catch (e) {
        for (const d of days) this.pending.add(d);
        throw e;
      }
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  private async update(days: string[]): Promise<void> {
    const rules = currentRuleSet();
    const state = await createExceedanceModelStateModel(this.conn).findById(MODEL_STATE_ID).lean().exec();
    if (!state) {
      await rebuildExceedanceModel(this.conn, rules);
      return;
    }
    if (state.rulesVersion !== rulesVersion(rules) && this.warnedVersion !== rulesVersion(rules)) {
      this.warnedVersion = rulesVersion(rules);
      log.warn('exceedance rules changed since the read model was built: queries compute exceedances at query time until `npx tsx adapters/hj212/rebuildExceedances.ts` has run', { built: state.rulesVersion, now: rulesVersion(rules) });
    }
    await evaluateDays(this.conn, days, rules);
  }
}
