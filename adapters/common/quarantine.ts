/**
 * Quarantine: every rejected input record is kept raw, with where it came from and why, in the
 * `quarantine` collection of the owning department's database. Nothing is dropped.
 */
import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

export interface QuarantinedRecord {
  /** sha256(source, raw): the same bad record ingested twice is kept once. */
  _id: string;
  source: string;
  /** file:line, or "packet N from <peer>". */
  where: string;
  reason: string;
  /** The record as read (text), or its bytes in base64 when it did not decode (`rawEncoding`). */
  raw: string;
  /** 'base64' when `raw` holds the bytes of a line that is not valid text in the file's encoding. */
  rawEncoding?: 'base64';
  /** Set when `raw` is only the start of an over-long record: its full length (bytes or characters) and hash. */
  truncated?: { length: number; unit: 'bytes' | 'chars'; sha256: string };
  /** The header line of the CSV file the record came from: what `npm run quarantine -- --retry` needs to re-read it. */
  header?: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  seenCount: number;
}

const quarantineSchema = new Schema<QuarantinedRecord>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true, index: true },
    where: { type: String, required: true },
    reason: { type: String, required: true },
    raw: { type: String, required: false, default: '' },
    rawEncoding: { type: String, required: false },
    truncated: { type: Schema.Types.Mixed, required: false },
    header: { type: String, required: false },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    seenCount: { type: Number, required: true },
  },
  { collection: 'quarantine', versionKey: false },
);

export function createQuarantineModel(conn: Connection): Model<QuarantinedRecord> {
  return conn.models.QuarantinedRecord ?? conn.model<QuarantinedRecord>('QuarantinedRecord', quarantineSchema);
}

export function quarantineId(source: string, raw: string): string {
  return createHash('sha256').update(source).update('\0').update(raw).digest('hex');
}
