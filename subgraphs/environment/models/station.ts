import { Schema, type Connection, type Model } from 'mongoose';

/** A dust/noise monitoring station (HJ 212 device) registered on a construction site. */
export interface StationDoc {
  mn: string;
  projectCode: string;
  /** GB/T 2260 district code (regional background = the other stations of the district). */
  district: string;
  lng: number;
  lat: number;
  vendor: string;
  /** HJ 212 system code the device sends (39 = construction-site dust). */
  st: string;
  /** Local date YYYY-MM-DD. */
  installedOn: string;
  /** The HJ 212 access password, hashed (adapters/stations/password.ts); never exposed through the graph. */
  pwHash: string;
}

export const stationSchema = new Schema<StationDoc>(
  {
    mn: { type: String, required: true, unique: true },
    projectCode: { type: String, required: true, index: true },
    district: { type: String, required: true, index: true },
    lng: { type: Number, required: true },
    lat: { type: Number, required: true },
    vendor: { type: String, required: true },
    st: { type: String, required: true },
    installedOn: { type: String, required: true },
    pwHash: { type: String, required: true },
  },
  { collection: 'stations', versionKey: false },
);

export function createStationModel(conn: Connection): Model<StationDoc> {
  return conn.models.Station ?? conn.model<StationDoc>('Station', stationSchema);
}
