import { Schema, type Connection, type Model } from 'mongoose';

/** 建设用地规划许可证 (LAND_USE) or 建设工程规划许可证 (ENGINEERING). */
export const PERMIT_KINDS = ['LAND_USE', 'ENGINEERING'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

/** A planning permit issued by 自然资源, keyed by its certificate number (电子监管号 since 2024). */
export interface PlanningPermitDoc {
  /** The permit number again: FerretDB finds an upsert's target fast only by `_id`. */
  _id: string;
  permitNo: string;
  kind: PermitKind;
  projectCode: string;
  parcelCode: string;
  /** Approved total floor area in m² (engineering permits). */
  approvedFloorArea: number | null;
  /** Approved building height in metres (engineering permits). */
  approvedHeight: number | null;
  storeys: number | null;
  approvedUse: string | null;
  /** 容积率 (plot ratio) upper bound. */
  plotRatio: number | null;
  /** ISO date YYYY-MM-DD. */
  issuedOn: string;
  /** 建设单位 named on the permit. */
  applicant: string | null;
  /** The applicant's contact person and phone (personal data). */
  contactName: string | null;
  contactPhone: string | null;
}

export const planningPermitSchema = new Schema<PlanningPermitDoc>(
  {
    _id: { type: String, required: true },
    permitNo: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: PERMIT_KINDS },
    projectCode: { type: String, required: true, index: true },
    parcelCode: { type: String, required: true, index: true },
    approvedFloorArea: { type: Number, default: null },
    approvedHeight: { type: Number, default: null },
    storeys: { type: Number, default: null },
    approvedUse: { type: String, default: null },
    plotRatio: { type: Number, default: null },
    issuedOn: { type: String, required: true },
    applicant: { type: String, default: null },
    contactName: { type: String, default: null },
    contactPhone: { type: String, default: null },
  },
  { collection: 'planning_permits', versionKey: false },
);

export function createPlanningPermitModel(conn: Connection): Model<PlanningPermitDoc> {
  return conn.models.PlanningPermit ?? conn.model<PlanningPermitDoc>('PlanningPermit', planningPermitSchema);
}
