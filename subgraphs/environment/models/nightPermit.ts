import { Schema, type Connection, type Model } from 'mongoose';

/** A night-work permit (夜间施工许可): work allowed between nightFrom and nightTo on the days from..to. */
export interface NightPermitDoc {
  permitNo: string;
  projectCode: string;
  /** Local dates YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Local times HH:MM. */
  nightFrom: string;
  nightTo: string;
  issuer: string;
  /** Site contact for residents' complaints (personal data). */
  contactPhone: string | null;
}

export const nightPermitSchema = new Schema<NightPermitDoc>(
  {
    permitNo: { type: String, required: true, unique: true },
    projectCode: { type: String, required: true, index: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    nightFrom: { type: String, required: true },
    nightTo: { type: String, required: true },
    issuer: { type: String, required: true },
    contactPhone: { type: String, default: null },
  },
  { collection: 'night_permits', versionKey: false },
);

export function createNightPermitModel(conn: Connection): Model<NightPermitDoc> {
  return conn.models.NightPermit ?? conn.model<NightPermitDoc>('NightPermit', nightPermitSchema);
}
