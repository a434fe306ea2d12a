import { Schema, type Connection, type Model } from 'mongoose';

/** A vertex of a red line (WGS-84 degrees). */
export interface LngLat {
  lng: number;
  lat: number;
}

/**
 * One linear ring of a red line. GeoJSON nests arrays three or four deep, which FerretDB v1 cannot
 * store, so every ring is an object holding its vertices, tagged with its place in the GeoJSON.
 */
export interface StoredRing {
  /** Index of the polygon within a MultiPolygon (0 for a Polygon). */
  polygon: number;
  /** 0 = exterior ring, 1.. = holes. */
  ring: number;
  points: LngLat[];
}

export interface BoundingBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** A land parcel 宗地 with its red line (用地红线), keyed by its 宗地代码. */
export interface ParcelDoc {
  /** The parcel code again: FerretDB finds an upsert's target fast only by `_id`. */
  _id: string;
  parcelCode: string;
  /** GB/T 2260 district code. */
  district: string;
  /** Land area in square metres. */
  area: number;
  /** Land use (用途), e.g. 住宅用地. */
  landUse: string;
  /** 土地使用权人. */
  rightHolder: string | null;
  /** 出让合同编号 (not shared). */
  grantContractNo: string | null;
  /** 出让价款 in yuan (not shared). */
  grantPrice: number | null;
  geometryType: 'Polygon' | 'MultiPolygon';
  rings: StoredRing[];
  bbox: BoundingBox;
}

const lngLatSchema = new Schema<LngLat>({ lng: { type: Number, required: true }, lat: { type: Number, required: true } }, { _id: false });
const ringSchema = new Schema<StoredRing>(
  { polygon: { type: Number, required: true }, ring: { type: Number, required: true }, points: { type: [lngLatSchema], required: true } },
  { _id: false },
);
const bboxSchema = new Schema<BoundingBox>(
  { minLng: Number, minLat: Number, maxLng: Number, maxLat: Number },
  { _id: false },
);

export const parcelSchema = new Schema<ParcelDoc>(
  {
    _id: { type: String, required: true },
    parcelCode: { type: String, required: true, unique: true },
    district: { type: String, required: true, index: true },
    area: { type: Number, required: true },
    landUse: { type: String, required: true },
    rightHolder: { type: String, default: null },
    grantContractNo: { type: String, default: null },
    grantPrice: { type: Number, default: null },
    geometryType: { type: String, required: true },
    rings: { type: [ringSchema], required: true },
    bbox: { type: bboxSchema, required: true },
  },
  { collection: 'parcels', versionKey: false },
);
// Box queries: parcels whose bbox intersects the requested box (no geo index on FerretDB v1).
parcelSchema.index({ 'bbox.minLng': 1, 'bbox.maxLng': 1 });

export function createParcelModel(conn: Connection): Model<ParcelDoc> {
  return conn.models.Parcel ?? conn.model<ParcelDoc>('Parcel', parcelSchema);
}
