/**
 * Process-wide copies of small reference collections (projects, permits, participants, complaints,
 * stations…), checked against the store on every request.
 *
 * Why: FerretDB v1 on SQLite (the embedded default) answers only a single `_id` equality without
 * reading the whole collection, so every `$in` batch of a DataLoader costs ~90 µs per stored
 * document whatever the number of keys. Keeping the collection in memory turns that into one read of
 * the silo's revisions per request.
 *
 * Exactness: the adapters write through `IngestSink`, which bumps a collection's revision after every
 * write (`adapters/store/revisions.ts`). A request reads the revisions once; a copy is used only when
 * its revision is the current one, so a request never sees data older than the last write that
 * finished before it started. A collection that has no revision (never written through the adapters,
 * e.g. test fixtures inserted directly) is never cached: loaders query the store as before. A copy is
 * also reloaded after `READ_CACHE_MAX_AGE_SECONDS` (default 60), which bounds how long a write that
 * bypassed the adapters can stay unseen; `READ_CACHE=off` disables caching.
 *
 * Copies are frozen: a resolver that tried to change a shared document would throw, not leak the change
 * into other requests. A collection with more than `READ_CACHE_MAX_DOCS` documents (default 50,000) is
 * not kept: its loaders query the store.
 */
import type { Connection, Model } from 'mongoose';
import { readEnv } from '../../lib/config';
import { readRevisions } from '../../adapters/store/revisions';

export interface CollectionCacheSettings {
  enabled: boolean;
  maxAgeMs: number;
  maxDocs: number;
}

export function collectionCacheSettingsFromEnv(): CollectionCacheSettings {
  const maxAge = Number(readEnv('READ_CACHE_MAX_AGE_SECONDS') ?? 60);
  const maxDocs = Number(readEnv('READ_CACHE_MAX_DOCS') ?? 50_000);
  if (!Number.isFinite(maxAge) || maxAge < 0) throw new Error(`READ_CACHE_MAX_AGE_SECONDS must be a number of seconds ≥ 0, got "${readEnv('READ_CACHE_MAX_AGE_SECONDS')}"`);
  if (!Number.isInteger(maxDocs) || maxDocs < 0) throw new Error(`READ_CACHE_MAX_DOCS must be an integer ≥ 0, got "${readEnv('READ_CACHE_MAX_DOCS')}"`);
  return { enabled: (readEnv('READ_CACHE') ?? 'on') !== 'off', maxAgeMs: maxAge * 1000, maxDocs };
}

interface Copy {
  rev: string;
  loadedAt: number;
  /** null: too large to keep at this revision. */
  docs: Promise<readonly unknown[] | null>;
  /** Values derived from the documents (indexes, counts), computed once per copy. */
  derived: Map<string, unknown>;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as Record<string, unknown>)) deepFreeze(x);
  }
  return v;
}

export class CollectionCache {
  private readonly copies = new Map<string, Copy>();

  constructor(
    private readonly conn: Connection,
    readonly settings: CollectionCacheSettings = collectionCacheSettingsFromEnv(),
  ) {}

  /** A view for one request: the silo's revisions are read at most once, when first needed. */
  forRequest(): CachedReads {
    return new CachedReads(this);
  }

  /** @internal */
  revisions(): Promise<Map<string, string>> {
    return readRevisions(this.conn);
  }

  /** @internal The copy of `model`'s collection at revision `rev` (loading it when missing or stale). */
  copyAt(model: Model<any>, rev: string): Copy {
    const name = model.collection.collectionName;
    const now = Date.now();
    const have = this.copies.get(name);
    if (have && have.rev === rev && now - have.loadedAt <= this.settings.maxAgeMs) return have;
    const docs = (async () => {
      const all = await model.find({}).limit(this.settings.maxDocs + 1).lean();
      return all.length > this.settings.maxDocs ? null : deepFreeze(all);
    })();
    const copy: Copy = { rev, loadedAt: now, docs, derived: new Map() };
    this.copies.set(name, copy);
    docs.catch(() => {
      if (this.copies.get(name) === copy) this.copies.delete(name);
    });
    return copy;
  }
}

/** One request's view of the cache. */
export class CachedReads {
  private revs: Promise<Map<string, string>> | null = null;

  constructor(private readonly cache: CollectionCache) {}

  private async copyOf(model: Model<any>): Promise<Copy | null> {
    if (!this.cache.settings.enabled) return null;
    this.revs ??= this.cache.revisions();
    const rev = (await this.revs).get(model.collection.collectionName);
    return rev === undefined ? null : this.cache.copyAt(model, rev);
  }

  /** Every document of the collection (frozen), or null when the collection is not cached: query the store. */
  async all<T>(model: Model<T>): Promise<readonly T[] | null> {
    const copy = await this.copyOf(model);
    return copy ? ((await copy.docs) as readonly T[] | null) : null;
  }

  /**
   * A value computed from the whole collection (an index by some field, counts), computed once per
   * copy and shared by the requests that see the same revision; null when the collection is not cached.
   */
  async derived<T, R>(model: Model<T>, name: string, compute: (docs: readonly T[]) => R): Promise<R | null> {
    const copy = await this.copyOf(model);
    if (!copy) return null;
    const docs = (await copy.docs) as readonly T[] | null;
    if (!docs) return null;
    if (!copy.derived.has(name)) copy.derived.set(name, deepFreeze(compute(docs)));
    return copy.derived.get(name) as R;
  }
}

/** Compares like MongoDB's sort for the scalar types stored here (strings by code unit, numbers, dates, null first). */
export function compareBySort(sort: Record<string, 1 | -1>): (a: unknown, b: unknown) => number {
  const keys = Object.entries(sort);
  const rank = (v: unknown): number => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : v instanceof Date ? 4 : 3);
  return (a, b) => {
    for (const [k, dir] of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      const rx = rank(x);
      const ry = rank(y);
      let c = rx - ry;
      if (c === 0 && rx > 0) {
        const vx = x instanceof Date ? x.getTime() : (x as number | string);
        const vy = y instanceof Date ? y.getTime() : (y as number | string);
        c = vx < vy ? -1 : vx > vy ? 1 : 0;
      }
      if (c !== 0) return c * dir;
    }
    return 0;
  };
}
