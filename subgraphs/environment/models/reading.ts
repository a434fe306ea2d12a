import { Schema, type Connection, type Model } from 'mongoose';

/** One factor of one HJ 212 packet (no nested arrays, no dots in keys: FerretDB v1 limits). */
export interface FactorValueDoc {
  code: string;
  rtd?: number;
  avg?: number;
  min?: number;
  max?: number;
  cou?: number;
  flag?: string;
}

/**
 * One accepted HJ 212 data packet. Natural key (mn, dataTime, cn), carried as the string `_id`
 * `<mn>|<YYYYMMDDhhmmss China time>|<cn>` (readingId): the _id index is the unique index acceptNew
 * needs, and the embedded store (FerretDB v1 on SQLite) answers only single-_id lookups without a
 * full scan, so a second unique index would only slow ingestion down.
 */
export interface ReadingDoc {
  _id: string;
  mn: string;
  st: string;
  cn: string;
  qn: string | null;
  /** Measurement time (the packet's DataTime, China time converted to UTC). */
  dataTime: Date;
  values: FactorValueDoc[];
}

const factorSchema = new Schema<FactorValueDoc>(
  { code: String, rtd: Number, avg: Number, min: Number, max: Number, cou: Number, flag: String },
  { _id: false },
);

export const readingSchema = new Schema<ReadingDoc>(
  {
    _id: { type: String, required: true },
    mn: { type: String, required: true },
    st: { type: String, required: true },
    cn: { type: String, required: true },
    qn: { type: String, default: null },
    dataTime: { type: Date, required: true },
    values: [factorSchema],
  },
  { collection: 'readings', versionKey: false },
);

/** The natural key of a reading as its _id. */
export function readingId(mn: string, localDataTime: string, cn: string): string {
  return `${mn}|${localDataTime}|${cn}`;
}

export function createReadingModel(conn: Connection): Model<ReadingDoc> {
  return conn.models.Reading ?? conn.model<ReadingDoc>('Reading', readingSchema);
}
