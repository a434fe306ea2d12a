import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The wage read model (issue 17): what the wage finders read by key instead of recomputing a month
 * from attendance blocks, pay lines and registrations at query time. Maintained by the hrss adapters
 * at ingest (subgraphs/hrss/wageFactsStore.ts), rebuilt from the raw facts by
 * `npm run rebuild:wage-facts`. It holds facts only, never a verdict: the pay day and the tolerance
 * are applied when a query reads it, so changing WAGE_PAY_DAY or WAGE_SHORT_TOLERANCE needs no rebuild.
 */

/**
 * Everything the wage rule needs about one project in one month, one document per key. The key is the
 * `_id` (`<month>|<projectCode>`): on the embedded store only a filter that is exactly one `_id` equality
 * is not a scan of the collection (ADR 0004, 0005), so every read and write of the model is by `_id`.
 */
export interface WageProjectMonthDoc {
  _id: string;
  month: string;
  projectCode: string;
  district: string;
  /**
   * One line per worker with attendance: `workerId;daysWorked;dailyWageFen;employerUscc;payments`,
   * payments as `YYYY-MM-DD:fen` joined by `,` (successful transfers only, one entry per date), empty
   * fields for unknown values. A string, not an array of subdocuments: the embedded store decodes
   * arrays element by element, and FerretDB v1 allows no nested arrays.
   */
  workers: string;
  /**
   * How many raw facts (blocks, successful pay lines, registrations) the document was computed from.
   * The facts are append-only, so a larger count is a later view: a refresh never replaces a document
   * by one computed from fewer facts (two ingests racing without transactions converge).
   */
  factCount: number;
}

/**
 * The arrears index, one document per month (`_id` the month): for every project with attendance, the
 * date from which every worker has been paid at least days × daily wage (SETTLED_NEVER while someone is
 * not). Payments only add up, so a project-month can be in arrears on `asOf` under any tolerance only if
 * settledOn > asOf: the finder reads this one document, then the facts of those candidates only.
 */
export interface WageArrearsIndexDoc {
  _id: string;
  /**
   * One line per project, sorted: `projectCode settledOn factCount` (factCount of the facts document the
   * entry was computed with: a merge keeps the entry of more facts). ~40 bytes a project.
   */
  projects: string;
  /** Bumped by every write: a writer replaces the document only if it is still the version it read. */
  version: number;
}

/** Whether the read model may be read: absent or `building` sends the finders to the reference computation. */
export interface WageReadModelStateDoc {
  _id: string;
  state: 'building' | 'ready';
  /** Format of the documents; a change of format needs a rebuild. */
  format: number;
  at: Date;
}

export const SETTLED_NEVER = '9999-12-31';

export const wageProjectMonthSchema = new Schema<WageProjectMonthDoc>(
  {
    _id: { type: String, required: true },
    month: { type: String, required: true },
    projectCode: { type: String, required: true },
    district: { type: String, required: true },
    workers: { type: String, default: '' },
    factCount: { type: Number, required: true },
  },
  { collection: 'wage_project_months', versionKey: false },
);
// For MongoDB: a rebuild's reads by month. The finders read by `_id`.
wageProjectMonthSchema.index({ month: 1, projectCode: 1 }, { unique: true });

export const wageArrearsIndexSchema = new Schema<WageArrearsIndexDoc>(
  {
    _id: { type: String, required: true },
    projects: { type: String, default: '' },
    version: { type: Number, required: true },
  },
  { collection: 'wage_arrears_index', versionKey: false },
);

export const wageReadModelStateSchema = new Schema<WageReadModelStateDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    format: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'wage_read_model_state', versionKey: false },
);

export function createWageProjectMonthModel(conn: Connection): Model<WageProjectMonthDoc> {
  return conn.models.WageProjectMonth ?? conn.model<WageProjectMonthDoc>('WageProjectMonth', wageProjectMonthSchema);
}

export function createWageArrearsIndexModel(conn: Connection): Model<WageArrearsIndexDoc> {
  return conn.models.WageArrearsIndex ?? conn.model<WageArrearsIndexDoc>('WageArrearsIndex', wageArrearsIndexSchema);
}

export function createWageReadModelStateModel(conn: Connection): Model<WageReadModelStateDoc> {
  return conn.models.WageReadModelState ?? conn.model<WageReadModelStateDoc>('WageReadModelState', wageReadModelStateSchema);
}
