import { Schema, type Connection, type Model } from 'mongoose';
import type { FactorValueDoc } from './reading';

/** The most recent packet of each station (`_id` = mn): latest readings without scanning the record. */
export interface StationLatestDoc {
  _id: string;
  dataTime: Date;
  cn: string;
  values: FactorValueDoc[];
  /** Another packet for the same slot carried different values (issue 18): both are kept in readings. */
  conflicting?: boolean;
}

export const stationLatestSchema = new Schema<StationLatestDoc>(
  {
    _id: { type: String, required: true },
    dataTime: { type: Date, required: true },
    cn: { type: String, required: true },
    values: [new Schema({
      code: String, rtd: Number, avg: Number, min: Number, max: Number, cou: Number,
      zsRtd: Number, zsAvg: Number, zsMin: Number, zsMax: Number, flag: String, eflag: String, sampleTime: String, info: String,
    }, { _id: false })],
    conflicting: { type: Boolean },
  },
  { collection: 'station_latest', versionKey: false },
);

export function createStationLatestModel(conn: Connection): Model<StationLatestDoc> {
  return conn.models.StationLatest ?? conn.model<StationLatestDoc>('StationLatest', stationLatestSchema);
}
