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

/** One accepted HJ 212 data packet. Natural key: (mn, dataTime, cn). */
export interface ReadingDoc {
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
    mn: { type: String, required: true },
    st: { type: String, required: true },
    cn: { type: String, required: true },
    qn: { type: String, default: null },
    dataTime: { type: Date, required: true },
    values: [factorSchema],
  },
  { collection: 'readings', versionKey: false },
);
// mn first so that "readings of these stations in [from, to)" uses the same unique index.
readingSchema.index({ mn: 1, dataTime: 1, cn: 1 }, { unique: true });

export function createReadingModel(conn: Connection): Model<ReadingDoc> {
  return conn.models.Reading ?? conn.model<ReadingDoc>('Reading', readingSchema);
}
