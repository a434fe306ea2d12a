/**
 * DataLoader factories: every entity reference and every list field is served by one `$in` query per
 * collection per request, whatever the number of keys. Unknown keys resolve to null / [].
 */
import DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import { compareBySort, type CachedReads } from './collectionCache';

/** Documents grouped by the string value of `field`, in the order given (from a cached copy). */
export function groupBy<T>(docs: readonly T[], field: string, sort?: Record<string, 1 | -1>): Map<string, T[]> {
  const ordered = sort ? [...docs].sort(compareBySort(sort)) : docs;
  const out = new Map<string, T[]>();
  for (const d of ordered) {
    const v = (d as Record<string, unknown>)[field];
    if (v === undefined || v === null) continue;
    const k = String(v);
    const list = out.get(k);
    if (list) list.push(d);
    else out.set(k, [d]);
  }
  return out;
}

/** A request's own copy of a cached document: the copy is frozen, and GraphQL servers tag the entities they return. */
export function ownCopy<T>(doc: T): T {
  return { ...doc };
}

/** One document per key (null when unknown). */
export function byKeyLoader<T>(model: Model<T>, keyField: string, options: { projection?: Record<string, 0 | 1>; cache?: CachedReads } = {}) {
  const { projection, cache } = options;
  return new DataLoader<string, T | null>(async (keys) => {
    const index = projection ? null : await cache?.derived(model, `by:${keyField}`, (docs) => groupBy(docs, keyField));
    if (index) return keys.map((k) => {
      const d = index.get(k)?.[0];
      return d ? ownCopy(d) : null;
    });
    const docs = (await model.find({ [keyField]: { $in: [...new Set(keys)] } }, projection).lean()) as T[];
    const byKey = groupBy(docs, keyField);
    return keys.map((k) => byKey.get(k)?.[0] ?? null);
  });
}

/** All documents per key (e.g. all readings of a station), in the given sort order. */
export function groupLoader<T>(
  model: Model<T>,
  keyField: string,
  options: { sort?: Record<string, 1 | -1>; filter?: Record<string, unknown>; projection?: Record<string, 0 | 1>; cache?: CachedReads } = {},
) {
  const cacheable = !options.filter && !options.projection;
  const derivedName = `group:${keyField}:${JSON.stringify(options.sort ?? {})}`;
  return new DataLoader<string, T[]>(async (keys) => {
    const index = cacheable ? await options.cache?.derived(model, derivedName, (docs) => groupBy(docs, keyField, options.sort)) : null;
    if (index) return keys.map((k) => (index.get(k) ?? []).map(ownCopy));
    let q = model.find({ ...(options.filter ?? {}), [keyField]: { $in: [...new Set(keys)] } }, options.projection);
    if (options.sort) q = q.sort(options.sort);
    const byKey = groupBy((await q.lean()) as T[], keyField); // already in the store's sort order
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
