import { Schema, type Connection, type Model } from 'mongoose';
import { useNaturalId } from './naturalId';

/** A periodic progress report (形象进度) filed by the contractor: the REPORTED as-built side. */
export interface ProgressDoc {
  /** The natural key (set from the other fields when absent). */
  _id?: string;
  projectCode: string;
  /** ISO date YYYY-MM-DD. */
  reportDate: string;
  progressPercent: number;
  /** Reported built floor area so far, m². */
  reportedFloorArea: number;
  /** Reported building height so far, m. */
  reportedHeight: number;
  /** Storeys above ground built so far. */
  storeys: number;
  /** Remark of the 住建 inspector who checked the report: never shared. */
  inspectorRemark: string | null;
}

export const progressSchema = new Schema<ProgressDoc>(
  {
    _id: { type: String },
    projectCode: { type: String, required: true },
    reportDate: { type: String, required: true },
    progressPercent: { type: Number, required: true },
    reportedFloorArea: { type: Number, required: true },
    reportedHeight: { type: Number, required: true },
    storeys: { type: Number, required: true },
    inspectorRemark: { type: String, default: null },
  },
  { collection: 'progress_reports', versionKey: false },
);
progressSchema.index({ projectCode: 1, reportDate: 1 }, { unique: true });

useNaturalId(progressSchema, progressId);

export function createProgressModel(conn: Connection): Model<ProgressDoc> {
  return conn.models.ProgressReport ?? conn.model<ProgressDoc>('ProgressReport', progressSchema);
}

/** Natural key: one report per project and date (a corrected report replaces it). */
export function progressId(p: Pick<ProgressDoc, 'projectCode' | 'reportDate'>): string {
  return `${p.projectCode}/${p.reportDate}`;
}
