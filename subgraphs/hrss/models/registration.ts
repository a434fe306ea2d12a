import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A real-name registration (实名制进场登记) of a worker on a project: who the worker is, who employs
 * them and on what terms. The raw ID number is stored only here, in the hrss silo. A registration is
 * an append-only fact keyed by (workerId, projectCode, enteredOn); the Worker entity is the latest one.
 */
export interface RegistrationDoc {
  workerId: string;
  idNumber: string;
  name: string;
  phone: string;
  /** Wage card (工资卡) the general contractor pays into. */
  bankAccount: string;
  employerUscc: string;
  /** Set when the employer's credit code fails the GB 32100 check: kept, flagged for review. */
  employerUsccFlag: string | null;
  projectCode: string;
  /** Region segment of the project code (GB/T 2260). */
  district: string;
  trade: string;
  /** Agreed daily wage in fen (分), integer to keep money exact. */
  dailyWageFen: number;
  /** Date the worker entered the site (YYYY-MM-DD). */
  enteredOn: string;
}

export const registrationSchema = new Schema<RegistrationDoc>(
  {
    workerId: { type: String, required: true, index: true },
    idNumber: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: String, required: true },
    bankAccount: { type: String, required: true },
    employerUscc: { type: String, required: true, index: true },
    employerUsccFlag: { type: String, default: null },
    projectCode: { type: String, required: true, index: true },
    district: { type: String, required: true, index: true },
    trade: { type: String, required: true },
    dailyWageFen: { type: Number, required: true },
    enteredOn: { type: String, required: true },
  },
  { collection: 'registrations', versionKey: false },
);
registrationSchema.index({ workerId: 1, projectCode: 1, enteredOn: 1 }, { unique: true });

export function createRegistrationModel(conn: Connection): Model<RegistrationDoc> {
  return conn.models.Registration ?? conn.model<RegistrationDoc>('Registration', registrationSchema);
}
