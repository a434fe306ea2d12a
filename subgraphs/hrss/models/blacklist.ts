import { Schema, type Connection, type Model } from 'mongoose';

/**
 * An entry of the 拖欠农民工工资失信联合惩戒对象名单 (arrears blacklist, in force 2022-01-01): the
 * employer listed by a decision, for a term of 3 years unless removed early after repaying,
 * 6 months of rectification and a 守信承诺. Keyed by the decision number; a removal updates it.
 */
export interface BlacklistEntryDoc {
  /** 决定文书号: the natural key. */
  decisionNo: string;
  uscc: string;
  usccFlag: string | null;
  enterpriseName: string;
  /** YYYY-MM-DD */
  listedOn: string;
  /** End of the listing term (listedOn + the term), YYYY-MM-DD. */
  expiresOn: string;
  /** Early removal date, when removed. */
  removedOn: string | null;
  reason: string;
}

export const blacklistEntrySchema = new Schema<BlacklistEntryDoc>(
  {
    decisionNo: { type: String, required: true, unique: true },
    uscc: { type: String, required: true, index: true },
    usccFlag: { type: String, default: null },
    enterpriseName: { type: String, required: true },
    listedOn: { type: String, required: true },
    expiresOn: { type: String, required: true },
    removedOn: { type: String, default: null },
    reason: { type: String, required: true },
  },
  { collection: 'arrears_blacklist', versionKey: false },
);

export function createBlacklistEntryModel(conn: Connection): Model<BlacklistEntryDoc> {
  return conn.models.BlacklistEntry ?? conn.model<BlacklistEntryDoc>('BlacklistEntry', blacklistEntrySchema);
}

/** Whether the listing is in force on `date` (YYYY-MM-DD). */
export function listingInForce(e: Pick<BlacklistEntryDoc, 'listedOn' | 'expiresOn' | 'removedOn'>, date: string): boolean {
  return e.listedOn <= date && date < e.expiresOn && (e.removedOn === null || date < e.removedOn);
}
