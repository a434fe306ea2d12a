import { Schema, type Connection, type Model } from 'mongoose';
import { useNaturalId } from './naturalId';

export const INSPECTION_KINDS = ['QUALITY', 'SAFETY'] as const;
/** 质量监督检查 · 安全监督检查 */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_OUTCOMES = ['PASSED', 'RECTIFICATION_ORDERED', 'STOP_WORK_ORDERED'] as const;
/** 合格 · 责令整改 · 责令停工 */
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

/** A quality or safety supervision inspection of a site by 住建's supervision station (质安站). */
export interface InspectionDoc {
  /** The natural key: the inspection record number. */
  _id?: string;
  inspectionNo: string;
  projectCode: string;
  /** ISO date YYYY-MM-DD. */
  inspectedOn: string;
  kind: InspectionKind;
  outcome: InspectionOutcome;
  /** Number of hazards or defects found (隐患数). */
  issuesFound: number;
  /** Inspector's remark: never shared. */
  inspectorRemark: string | null;
}

export const inspectionSchema = new Schema<InspectionDoc>(
  {
    _id: { type: String },
    inspectionNo: { type: String, required: true, unique: true },
    projectCode: { type: String, required: true, index: true },
    inspectedOn: { type: String, required: true },
    kind: { type: String, required: true, enum: INSPECTION_KINDS },
    outcome: { type: String, required: true, enum: INSPECTION_OUTCOMES },
    issuesFound: { type: Number, required: true },
    inspectorRemark: { type: String, default: null },
  },
  { collection: 'inspections', versionKey: false },
);
useNaturalId(inspectionSchema, (i: InspectionDoc) => i.inspectionNo);

export function createInspectionModel(conn: Connection): Model<InspectionDoc> {
  return conn.models.Inspection ?? conn.model<InspectionDoc>('Inspection', inspectionSchema);
}
