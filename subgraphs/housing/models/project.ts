import { Schema, type Connection, type Model } from 'mongoose';
import { useNaturalId } from './naturalId';

/** A construction project as registered with 住建 (the project registry), keyed by the national project code. */
export interface ProjectDoc {
  /** The natural key (set from the other fields when absent). */
  _id?: string;
  code: string;
  name: string;
  /** GB/T 2260 district code. */
  district: string;
  districtName: string;
  address: string;
  /** PLANNED · IN_PROGRESS · SUSPENDED · COMPLETED */
  status: string;
  lng: number;
  lat: number;
}

export const projectSchema = new Schema<ProjectDoc>(
  {
    _id: { type: String },
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    district: { type: String, required: true, index: true },
    districtName: { type: String, required: true },
    address: { type: String, required: true },
    status: { type: String, required: true, index: true },
    lng: { type: Number, required: true, index: true },
    lat: { type: Number, required: true },
  },
  // No timestamps: re-ingesting the same permit must leave the stored document unchanged.
  { collection: 'projects', versionKey: false },
);

useNaturalId(projectSchema, (p: ProjectDoc) => p.code);

export function createProjectModel(conn: Connection): Model<ProjectDoc> {
  return conn.models.Project ?? conn.model<ProjectDoc>('Project', projectSchema);
}
