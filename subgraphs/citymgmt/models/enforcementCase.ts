import { Schema, type Connection, type Model } from 'mongoose';
import type { CaseState, ViolationType } from './vocabulary';

export interface CaseStateChange {
  state: CaseState;
  at: Date;
}

/** An administrative enforcement case (行政执法案件), 立案 → 调查 → 决定 → 执行 → 结案. */
export interface EnforcementCaseDoc {
  caseNo: string;
  type: ViolationType;
  district: string;
  projectCode: string | null;
  violationNo: string | null;
  /** The party (当事人): an enterprise by credit code, or a person by name. */
  partyUscc: string | null;
  partyName: string | null;
  /** Current state = the last entry of `history`. */
  state: CaseState;
  history: CaseStateChange[];
  filedAt: Date;
  closedAt: Date | null;
  /** 首违不罚: a first minor violation, corrected in time, decided without penalty. */
  firstViolationNoPenalty: boolean;
  /** Fine in yuan, set from the decision on; null before a decision. */
  penaltyAmount: number | null;
  legalBasis: string | null;
  /** Investigators' working notes: never shared. */
  internalNotes: string | null;
}

const stateChangeSchema = new Schema<CaseStateChange>({ state: { type: String, required: true }, at: { type: Date, required: true } }, { _id: false });

export const enforcementCaseSchema = new Schema<EnforcementCaseDoc>(
  {
    caseNo: { type: String, required: true, unique: true },
    type: { type: String, required: true, index: true },
    district: { type: String, required: true, index: true },
    projectCode: { type: String, default: null, index: true },
    violationNo: { type: String, default: null },
    partyUscc: { type: String, default: null, index: true },
    partyName: { type: String, default: null },
    state: { type: String, required: true, index: true },
    history: { type: [stateChangeSchema], required: true },
    filedAt: { type: Date, required: true, index: true },
    closedAt: { type: Date, default: null },
    firstViolationNoPenalty: { type: Boolean, required: true },
    penaltyAmount: { type: Number, default: null },
    legalBasis: { type: String, default: null },
    internalNotes: { type: String, default: null },
  },
  { collection: 'enforcement_cases', versionKey: false },
);

export function createEnforcementCaseModel(conn: Connection): Model<EnforcementCaseDoc> {
  return conn.models.EnforcementCase ?? conn.model<EnforcementCaseDoc>('EnforcementCase', enforcementCaseSchema);
}
