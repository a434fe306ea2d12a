import { Schema, type Connection, type Model } from 'mongoose';
import type { ViolationSource, ViolationType } from './vocabulary';

/** A violation found on a site, by patrol (巡查) or from a complaint. */
export interface ViolationDoc {
  violationNo: string;
  type: ViolationType;
  source: ViolationSource;
  foundAt: Date;
  district: string;
  projectCode: string | null;
  enterpriseUscc: string | null;
  /** The credit code fails the GB 32100 check: kept, flagged for manual review. */
  usccNeedsReview: boolean;
  /** The 12345 work order that led to it, when source is COMPLAINT. */
  complaintOrderNo: string | null;
  description: string;
}

export const violationSchema = new Schema<ViolationDoc>(
  {
    violationNo: { type: String, required: true, unique: true },
    type: { type: String, required: true, index: true },
    source: { type: String, required: true },
    foundAt: { type: Date, required: true, index: true },
    district: { type: String, required: true, index: true },
    projectCode: { type: String, default: null, index: true },
    enterpriseUscc: { type: String, default: null, index: true },
    usccNeedsReview: { type: Boolean, required: true },
    complaintOrderNo: { type: String, default: null },
    description: { type: String, required: true },
  },
  { collection: 'violations', versionKey: false },
);

export function createViolationModel(conn: Connection): Model<ViolationDoc> {
  return conn.models.Violation ?? conn.model<ViolationDoc>('Violation', violationSchema);
}
