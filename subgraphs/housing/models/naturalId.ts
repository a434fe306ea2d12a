import type { Schema } from 'mongoose';

/**
 * Every 住建 document's `_id` is its natural key as a string. Upserts then filter on `_id`, the one
 * field FerretDB v1 (SQLite) looks up without scanning the collection: by another field, each upsert
 * reads the whole collection and the demo city's ingest grows quadratically.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useNaturalId<T>(schema: Schema<any>, keyOf: (doc: T) => string): void {
  schema.pre('validate', function setNaturalId() {
    const doc = this as unknown as T & { _id?: unknown };
    if (doc._id === undefined || doc._id === null) doc._id = keyOf(doc);
  });
}
