import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One content version of one reading slot: `_id` = `<reading key>|<content hash>`. Written before the
 * reading itself, so that telling a re-sent packet (its version exists: a duplicate) from new content
 * for a slot (a new version: stored, or a conflict when the slot is taken) costs one insert and no
 * lookup — the embedded store scans the whole collection for anything but a single-_id read.
 */
export interface ReadingVersionDoc {
  _id: string;
}

export const readingVersionSchema = new Schema<ReadingVersionDoc>(
  { _id: { type: String, required: true } },
  { collection: 'reading_versions', versionKey: false },
);

export function createReadingVersionModel(conn: Connection): Model<ReadingVersionDoc> {
  return conn.models.ReadingVersion ?? conn.model<ReadingVersionDoc>('ReadingVersion', readingVersionSchema);
}
