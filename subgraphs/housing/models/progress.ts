import { Schema, type Connection, type Model } from 'mongoose';

/** A periodic progress report (形象进度) filed by the contractor: the REPORTED as-built side. */
export interface ProgressDoc {
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

export function createProgressModel(conn: Connection): Model<ProgressDoc> {
  return conn.models.ProgressReport ?? conn.model<ProgressDoc>('ProgressReport', progressSchema);
}
