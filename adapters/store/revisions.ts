/**
 * Collection revisions: one small document per collection (`_id` = the collection's name) that every
 * writer replaces after it changes that collection. Readers that keep a collection in memory compare
 * revisions to know whether their copy is still the stored one (`subgraphs/common/collectionCache.ts`).
 *
 * Reading all revisions of a silo is one query on a collection of a few dozen documents; writing one is
 * an upsert by `_id` — the one lookup FerretDB v1 (SQLite) answers without scanning.
 */
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

export const REVISIONS_COLLECTION = 'collection_revisions';

export interface RevisionDoc {
  /** The collection's name. */
  _id: string;
  /** Changes at every write (random: two writers never produce the same revision). */
  rev: string;
  at: Date;
}

const revisionSchema = new Schema<RevisionDoc>(
  { _id: { type: String }, rev: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: REVISIONS_COLLECTION, versionKey: false },
);

export function createRevisionModel(conn: Connection): Model<RevisionDoc> {
  return conn.models.CollectionRevision ?? conn.model<RevisionDoc>('CollectionRevision', revisionSchema);
}

/** Marks the collections as changed. Call it after the write has been acknowledged. */
export async function bumpRevisions(conn: Connection, collections: Iterable<string>): Promise<void> {
  const names = [...new Set(collections)];
  if (!names.length) return;
  const at = new Date();
  await createRevisionModel(conn).bulkWrite(
    names.map((name) => ({ updateOne: { filter: { _id: name }, update: { $set: { rev: randomUUID(), at } }, upsert: true } })),
    { ordered: true },
  );
}

/** Every collection's current revision (collections never written through a revision-aware writer are absent). */
export async function readRevisions(conn: Connection): Promise<Map<string, string>> {
  const docs = await createRevisionModel(conn).find({}, { rev: 1 }).lean<Pick<RevisionDoc, '_id' | 'rev'>[]>();
  return new Map(docs.map((d) => [d._id, d.rev]));
}
