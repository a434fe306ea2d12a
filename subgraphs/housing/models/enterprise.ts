import { Schema, type Connection, type Model } from 'mongoose';
import { useNaturalId } from './naturalId';
import type { CreditCodeStatus } from './participant';

/** An enterprise as known to 住建 from the permits it takes part in, keyed by its credit code. */
export interface EnterpriseDoc {
  /** The natural key (set from the other fields when absent). */
  _id?: string;
  uscc: string;
  /** Name as last declared on a permit. */
  name: string;
  creditCodeStatus: CreditCodeStatus;
  /** For a checksum mismatch: the check character GB 32100 gives, for the reviewer. */
  expectedCheckChar: string | null;
}

export const enterpriseSchema = new Schema<EnterpriseDoc>(
  {
    _id: { type: String },
    uscc: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    creditCodeStatus: { type: String, required: true, index: true },
    expectedCheckChar: { type: String, default: null },
  },
  { collection: 'enterprises', versionKey: false },
);

useNaturalId(enterpriseSchema, (e: EnterpriseDoc) => e.uscc);

export function createEnterpriseModel(conn: Connection): Model<EnterpriseDoc> {
  return conn.models.Enterprise ?? conn.model<EnterpriseDoc>('Enterprise', enterpriseSchema);
}
