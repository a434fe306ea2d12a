/**
 * DataLoader factories: every entity reference and every list field is served by one `$in` query per
 * collection per request, whatever the number of keys. Unknown keys resolve to null / [].
 */
import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/** One document per key (null when unknown). */
export function byKeyLoader<T>(model: Model<T>, keyField: string, projection?: Record<string, 0 | 1>) {
  return new DataLoader<string, T | null>(async (keys) => {
    const docs = (await model.find({ [keyField]: { $in: [...new Set(keys)] } }, projection).lean()) as T[];
    const byKey = new Map<string, T>();
    for (const d of docs) byKey.set(String((d as Record<string, unknown>)[keyField]), d);
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** All documents per key (e.g. all readings of a station), in the given sort order. */
export function groupLoader<T>(
  model: Model<T>,
  keyField: string,
  options: { sort?: Record<string, 1 | -1>; filter?: Record<string, unknown>; projection?: Record<string, 0 | 1> } = {},
) {
  return new DataLoader<string, T[]>(async (keys) => {
    let q = model.find({ ...(options.filter ?? {}), [keyField]: { $in: [...new Set(keys)] } }, options.projection);
    if (options.sort) q = q.sort(options.sort);
    const docs = (await q.lean()) as T[];
    const byKey = new Map<string, T[]>();
    for (const d of docs) {
      const k = String((d as Record<string, unknown>)[keyField]);
      const list = byKey.get(k);
      if (list) list.push(d);
      else byKey.set(k, [d]);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
