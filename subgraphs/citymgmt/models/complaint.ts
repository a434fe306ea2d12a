import { Schema, type Connection, type Model } from 'mongoose';
import type { ComplaintCategory, ComplaintStatus } from './vocabulary';

/** A 12345 hotline work order (工单) concerning a construction site. */
export interface ComplaintDoc {
  /** Work-order number, unique in the hotline system: the natural key. */
  orderNo: string;
  receivedAt: Date;
  category: ComplaintCategory;
  /** GB/T 2260 district code. */
  district: string;
  address: string;
  lng: number | null;
  lat: number | null;
  /** Personal data of the caller (null for anonymous calls). */
  callerName: string | null;
  callerPhone: string | null;
  content: string;
  /** Project the dispatcher matched the order to, if any. */
  projectCode: string | null;
  status: ComplaintStatus;
  reply: string | null;
  repliedAt: Date | null;
}

export const complaintSchema = new Schema<ComplaintDoc>(
  {
    orderNo: { type: String, required: true, unique: true },
    receivedAt: { type: Date, required: true, index: true },
    category: { type: String, required: true, index: true },
    district: { type: String, required: true, index: true },
    address: { type: String, required: true },
    lng: { type: Number, default: null },
    lat: { type: Number, default: null },
    callerName: { type: String, default: null },
    callerPhone: { type: String, default: null },
    content: { type: String, required: true },
    projectCode: { type: String, default: null, index: true },
    status: { type: String, required: true, index: true },
    reply: { type: String, default: null },
    repliedAt: { type: Date, default: null },
  },
  { collection: 'complaints', versionKey: false },
);

export function createComplaintModel(conn: Connection): Model<ComplaintDoc> {
  return conn.models.Complaint ?? conn.model<ComplaintDoc>('Complaint', complaintSchema);
}
