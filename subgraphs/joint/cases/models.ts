/**
 * joint's own collections for the case file (its silo; it holds no department's source data):
 * - joint_cases: one document per case, a projection of its events kept for reads and filters, with the
 *   chain's head (seq, hash) it was built from;
 * - joint_case_links: the hash chain, events and evidence in one collection, unique per (caseId, seq) so that
 *   two writers cannot both append link n (the loser gets CONFLICT);
 * - joint_case_requests: idempotency keys, one per caller and key;
 * - joint_case_counters: the yearly sequence behind readable case numbers.
 * Only what FerretDB v1 supports: no transactions, no $lookup.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { criticalWriteConcern } from '../../../lib/store/writeConcern';
import type { CaseFacts, CaseKind } from './procedure';

/** The procedure's facts (procedure.ts decides on them) plus what the case file keeps around them. */
export interface CaseDoc extends CaseFacts {
  kind: CaseKind;
  title: string;
  subject: { projectCode: string | null; uscc: string | null };
  purpose: string;
  filedAt: string;
  createdBy: string;
  /** Days from FILED to DECIDED for this case's kind (CASE_DEADLINE_DAYS[_<KIND>]). */
  deadlineDays: number;
  /** Deadline while the clock runs (null when suspended or stopped): the overdue filter reads it. */
  deadlineAt: Date | null;
  /** Head of the chain this projection includes. */
  seq: number;
  headHash: string;
  /** Witness failures after an append (the append itself stood): what failed, when. */
  warnings: { at: string; seq: number; message: string }[];
  updatedAt: Date;
}

export interface LinkDoc {
  caseId: string;
  seq: number;
  kind: 'event' | 'evidence';
  /** The body as RFC 8785 canonical JSON: stored as text so that the store cannot reorder or retype it. */
  body: string;
  prevHash: string;
  hash: string;
  /** Evidence only: the gateway's answer, canonical JSON; the chained body carries its SHA-256. */
  answer?: string | null;
}

export interface RequestDoc {
  /** `<dept>:<sub>:<key>`: a key belongs to one caller. */
  _id: string;
  operation: string;
  /** SHA-256 of the canonical arguments: the same key with other arguments is refused. */
  argsHash: string;
  status: 'pending' | 'done';
  result: { caseId: string; evidenceId?: string } | null;
  createdAt: Date;
}

export interface CounterDoc { _id: string; value: number }

const caseSchema = new Schema<CaseDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    subject: { projectCode: { type: String, default: null }, uscc: { type: String, default: null } },
    purpose: { type: String, required: true },
    leadDept: { type: String, required: true },
    departments: { type: [String], required: true, index: true },
    state: { type: String, required: true, index: true },
    filedAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    deadlineDays: { type: Number, required: true },
    deadlineAt: { type: Date, default: null, index: true },
    investigators: { type: [String], default: [] },
    lastReview: { type: new Schema({ passed: Boolean, by: String, at: String }, { _id: false }), default: null },
    notifiedAt: { type: String, default: null },
    notifyWaived: { type: Boolean, default: false },
    decisions: {
      type: [{ dept: String, type: { type: String }, documentNumber: String, summary: String, amount: Number, decidedAt: String, by: String, _id: false }],
      default: [],
    },
    lastEventAt: { type: String, required: true },
    suspendedSince: { type: String, default: null },
    suspendedMs: { type: Number, default: 0 },
    extensionDays: { type: Number, default: 0 },
    seq: { type: Number, required: true },
    headHash: { type: String, required: true },
    warnings: { type: [{ at: String, seq: Number, message: String, _id: false }], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'joint_cases', versionKey: false, minimize: false },
);

const linkSchema = new Schema<LinkDoc>(
  {
    caseId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true },
    body: { type: String, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    answer: { type: String, default: null },
  },
  { collection: 'joint_case_links', versionKey: false },
);
linkSchema.index({ caseId: 1, seq: 1 }, { unique: true });

const requestSchema = new Schema<RequestDoc>(
  {
    _id: { type: String, required: true },
    operation: { type: String, required: true },
    argsHash: { type: String, required: true },
    status: { type: String, required: true },
    result: { type: new Schema({ caseId: String, evidenceId: String }, { _id: false }), default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'joint_case_requests', versionKey: false },
);

const counterSchema = new Schema<CounterDoc>({ _id: String, value: Number }, { collection: 'joint_case_counters', versionKey: false });

export interface CaseModels {
  Case: Model<CaseDoc>;
  Link: Model<LinkDoc>;
  Request: Model<RequestDoc>;
  Counter: Model<CounterDoc>;
}

/**
 * Every collection of the case file is written with CRITICAL_WRITE_CONCERN (majority on a replica set): an
 * acknowledged event or evidence link, the projection built from it, a case number handed out and an idempotency
 * key must survive a primary's failover, or a case could lose a link the caller was told was stored or reuse a
 * number. Set on the schemas when the models are made (not at import), so the variable is read like every other
 * setting; mongoose then applies it to save/create and to the update queries. Mongoose copies `wtimeout`, the
 * driver's name for the same bound, not `wtimeoutMS`.
 */
function applyCriticalWriteConcern(): void {
  const wc = criticalWriteConcern();
  const option = wc ? { w: wc.w, ...(wc.j === undefined ? {} : { j: wc.j }), ...(wc.wtimeoutMS === undefined ? {} : { wtimeout: wc.wtimeoutMS }) } : undefined;
  for (const schema of [caseSchema, linkSchema, requestSchema, counterSchema]) schema.set('writeConcern', option);
}

export function caseModels(conn: Connection): CaseModels {
  applyCriticalWriteConcern();
  return {
    Case: conn.models.JointCase ?? conn.model<CaseDoc>('JointCase', caseSchema),
    Link: conn.models.JointCaseLink ?? conn.model<LinkDoc>('JointCaseLink', linkSchema),
    Request: conn.models.JointCaseRequest ?? conn.model<RequestDoc>('JointCaseRequest', requestSchema),
    Counter: conn.models.JointCaseCounter ?? conn.model<CounterDoc>('JointCaseCounter', counterSchema),
  };
}
