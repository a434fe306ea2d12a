import { Schema, type Connection, type Model } from 'mongoose';
import type { RuleSet } from '../rules/config';
import type { Exceedance } from '../rules/engine';

/**
 * Read model of the exceedances (issue 17): those of one district on one local day, evaluated when
 * readings arrive (adapters/hj212/exceedanceDays.ts) instead of at query time. `_id` is
 * `<day>|<district>`: one small document per district-day, so a 30-day query reads a few hundred
 * documents whatever the number of stations. A district-day without exceedances has a document too
 * (count 0): it records that the day was evaluated.
 *
 * packed: JSON array of [mn, projectCode, ruleId, periodStart (epoch ms), value, limit, background, timeOfDay];
 * the rest of an exceedance (pollutant, kind, averaging, end, basis) is the rule's, from the rules of
 * `rulesVersion`.
 */
export interface ExceedanceDayDoc {
  _id: string;
  /** Local date YYYY-MM-DD. */
  day: string;
  district: string;
  /** rulesVersion() of the rules it was evaluated with. */
  rulesVersion: string;
  /** Chunk documents of the whole day (every station) the evaluation read: chunks are append-only, so a
   * later evaluation has at least as many, and an older one cannot overwrite it. */
  chunks: number;
  count: number;
  packed: string;
  evaluatedAt: Date;
}

export const exceedanceDaySchema = new Schema<ExceedanceDayDoc>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    district: { type: String, required: true },
    rulesVersion: { type: String, required: true },
    chunks: { type: Number, required: true },
    count: { type: Number, required: true },
    packed: { type: String, required: true },
    evaluatedAt: { type: Date, required: true },
  },
  { collection: 'exceedance_days', versionKey: false },
);
// Used by MongoDB in production (a period query); the embedded store scans this small collection.
exceedanceDaySchema.index({ day: 1 });

/**
 * What the read model was last built for (`_id` "state"): written by a full build only (the first
 * ingestion into a store without it, or `npx tsx adapters/hj212/rebuildExceedances.ts`). Queries read
 * the model only while its rulesVersion is that of the rules they run with.
 */
export interface ExceedanceModelStateDoc {
  _id: string;
  rulesVersion: string;
  builtAt: Date;
  days: number;
}

export const exceedanceModelStateSchema = new Schema<ExceedanceModelStateDoc>(
  {
    _id: { type: String, required: true },
    rulesVersion: { type: String, required: true },
    builtAt: { type: Date, required: true },
    days: { type: Number, required: true },
  },
  { collection: 'exceedance_model', versionKey: false },
);

export const MODEL_STATE_ID = 'state';

export function createExceedanceDayModel(conn: Connection): Model<ExceedanceDayDoc> {
  return conn.models.ExceedanceDay ?? conn.model<ExceedanceDayDoc>('ExceedanceDay', exceedanceDaySchema);
}

export function createExceedanceModelStateModel(conn: Connection): Model<ExceedanceModelStateDoc> {
  return conn.models.ExceedanceModelState ?? conn.model<ExceedanceModelStateDoc>('ExceedanceModelState', exceedanceModelStateSchema);
}

type Packed = [string, string, string, number, number, number, number | null, Exceedance['timeOfDay']];

export function packExceedances(list: Exceedance[]): string {
  return JSON.stringify(list.map((e): Packed => [e.mn, e.projectCode, e.ruleId, e.periodStart.getTime(), e.value, e.limit, e.background, e.timeOfDay]));
}

/** Null when a rule id is not in `rules` (the document was evaluated with other rules). */
export function unpackExceedances(doc: Pick<ExceedanceDayDoc, 'district' | 'packed'>, rules: RuleSet): Exceedance[] | null {
  const out: Exceedance[] = [];
  for (const [mn, projectCode, ruleId, start, value, limit, background, timeOfDay] of JSON.parse(doc.packed) as Packed[]) {
    const rule = rules.rules.find((r) => r.id === ruleId);
    if (!rule) return null;
    out.push({
      mn, projectCode, district: doc.district, pollutant: rule.pollutant, ruleId, kind: rule.kind, averaging: rule.averaging,
      periodStart: new Date(start), periodEnd: new Date(start + AVERAGING_MS[rule.averaging]), value, limit, background, timeOfDay, basis: rule.basis,
    });
  }
  return out;
}

const AVERAGING_MS = { '5min': 300_000, '15min': 900_000, '1h': 3_600_000 } as const;
