import { Schema, type Connection, type Model } from 'mongoose';
import { useNaturalId } from './naturalId';

/** 施工许可证: the construction permit of a project, as issued by 住建. */
export interface PermitDoc {
  /** The natural key (set from the other fields when absent). */
  _id?: string;
  permitNo: string;
  projectCode: string;
  /** ISO date YYYY-MM-DD. */
  issuedOn: string;
  builderUscc: string;
  contractorUscc: string;
  supervisorUscc: string | null;
  designerUscc: string | null;
  surveyorUscc: string | null;
  /** Contract value in yuan (合同价). */
  contractValue: number;
  /** 项目经理 of the general contractor, as on the site's public sign board. */
  projectManagerName: string | null;
  projectManagerPhone: string | null;
  /** Internal note of the permit reviewer (审查意见): never shared. */
  reviewNote: string | null;
}

export const permitSchema = new Schema<PermitDoc>(
  {
    _id: { type: String },
    permitNo: { type: String, required: true, unique: true },
    projectCode: { type: String, required: true, index: true },
    issuedOn: { type: String, required: true },
    builderUscc: { type: String, required: true },
    contractorUscc: { type: String, required: true },
    supervisorUscc: { type: String, default: null },
    designerUscc: { type: String, default: null },
    surveyorUscc: { type: String, default: null },
    contractValue: { type: Number, required: true },
    projectManagerName: { type: String, default: null },
    projectManagerPhone: { type: String, default: null },
    reviewNote: { type: String, default: null },
  },
  { collection: 'permits', versionKey: false },
);

useNaturalId(permitSchema, (p: PermitDoc) => p.permitNo);

export function createPermitModel(conn: Connection): Model<PermitDoc> {
  return conn.models.Permit ?? conn.model<PermitDoc>('Permit', permitSchema);
}
