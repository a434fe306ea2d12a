import { Schema, type Connection, type Model } from 'mongoose';

/** One factor of one HJ 212 packet (no nested arrays, no dots in keys: FerretDB v1 limits). */
export interface FactorValueDoc {
  code: string;
  rtd?: number;
  avg?: number;
  min?: number;
  max?: number;
  cou?: number;
  zsRtd?: number;
  zsAvg?: number;
  zsMin?: number;
  zsMax?: number;
  flag?: string;
  eflag?: string;
  sampleTime?: string;
  info?: string;
}

/** A treatment facility of a source-monitoring packet (`SB1-RS=1`): running status and running time (h). */
export interface FacilityValueDoc {
  code: string;
  rs?: number;
  rt?: number;
}

/**
 * One accepted HJ 212 packet. Natural key (mn, dataTime, cn), carried as the string `_id`
 * `<mn>|<YYYYMMDDhhmmss China time>|<cn>` (readingId): the _id index is the unique index the insert
 * needs, and the embedded store (FerretDB v1 on SQLite) answers only single-_id lookups without a
 * full scan, so a second unique index would only slow ingestion down.
 *
 * A later packet for the same key with other values is a conflict (issue 18): it is kept too, as
 * `<key>|<hash>` with `conflictOf` = the key; the first stays the reading in use.
 */
export interface ReadingDoc {
  _id: string;
  mn: string;
  st: string;
  cn: string;
  qn: string | null;
  /** Measurement time (the packet's DataTime, China time converted to UTC). */
  dataTime: Date;
  /** The standard the packet follows: '2005' (HJ/T 212-2005, Flag version 0) or '2017' (version 1). */
  edition: '2005' | '2017';
  /** The packet header's Flag. */
  flag: number;
  values: FactorValueDoc[];
  facilities?: FacilityValueDoc[];
  /** Data-area fields outside factor items (RtdInterval…). */
  fields?: { name: string; value: string }[];
  /** Items the parser did not know, verbatim. */
  unknown?: string[];
  /** Items refused for an out-of-range value, verbatim with the reason. */
  rejectedItems?: { item: string; reason: string }[];
  /** Hash of values and facilities: a re-sent packet is a duplicate, different content a conflict. */
  hash: string;
  /** On a conflicting version: the _id of the reading it conflicts with. */
  conflictOf?: string;
}

const factorSchema = new Schema<FactorValueDoc>(
  {
    code: String, rtd: Number, avg: Number, min: Number, max: Number, cou: Number,
    zsRtd: Number, zsAvg: Number, zsMin: Number, zsMax: Number, flag: String, eflag: String, sampleTime: String, info: String,
  },
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
    edition: { type: String, required: true },
    flag: { type: Number, required: true },
    values: [factorSchema],
    facilities: [new Schema<FacilityValueDoc>({ code: String, rs: Number, rt: Number }, { _id: false })],
    fields: [new Schema({ name: String, value: String }, { _id: false })],
    unknown: [String],
    rejectedItems: [new Schema({ item: String, reason: String }, { _id: false })],
    hash: { type: String, required: true },
    conflictOf: { type: String },
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
