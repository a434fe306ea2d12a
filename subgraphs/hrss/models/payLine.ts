import { Schema, type Connection, type Model } from 'mongoose';

/** One line of the bank's 总包代发 return file: a wage transfer from the project's wage account. */
export interface PayLineDoc {
  /** Bank transaction serial (交易流水号): the natural key. */
  serialNo: string;
  workerId: string;
  payeeName: string;
  payeeAccount: string;
  projectCode: string;
  district: string;
  /** Wage month the payment is for (YYYY-MM). */
  month: string;
  amountFen: number;
  /** Transfer date (YYYY-MM-DD). */
  paidOn: string;
  /** 工资专用账户 the transfer came from. */
  payerAccount: string;
  payerUscc: string;
  payerUsccFlag: string | null;
  /** false when the bank reports the transfer failed: it pays nothing. */
  succeeded: boolean;
}

export const payLineSchema = new Schema<PayLineDoc>(
  {
    serialNo: { type: String, required: true, unique: true },
    workerId: { type: String, required: true, index: true },
    payeeName: { type: String, required: true },
    payeeAccount: { type: String, required: true },
    projectCode: { type: String, required: true },
    district: { type: String, required: true },
    month: { type: String, required: true },
    amountFen: { type: Number, required: true },
    paidOn: { type: String, required: true },
    payerAccount: { type: String, required: true },
    payerUscc: { type: String, required: true },
    payerUsccFlag: { type: String, default: null },
    succeeded: { type: Boolean, required: true },
  },
  { collection: 'pay_lines', versionKey: false },
);
payLineSchema.index({ month: 1, projectCode: 1 });

export function createPayLineModel(conn: Connection): Model<PayLineDoc> {
  return conn.models.PayLine ?? conn.model<PayLineDoc>('PayLine', payLineSchema);
}
