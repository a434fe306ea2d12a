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
 * not kept: its loaders query the store; it is not read again for its age, and after an ingest it is
 * counted before it is read (a read of maxDocs + 1 documents takes seconds on the embedded store).
 *
 * Cold paths (issue 17): loading a copy reads the whole collection (seconds at 1,000 projects: the first
 * 50-project list took 8.5 s). So a subgraph warms its copies before it listens (`warm`, bounded by
 * `READ_CACHE_WARM_TIMEOUT_SECONDS`, default 10: a slow store delays readiness by at most that — well
 * inside the supervisor's 60 s for a service to report ready, which a loaded machine's boot eats into — then
 * the loads go on in the background and the first requests wait for them), and a copy in use is
 * reloaded in the background once it is half its maximum age, the requests meanwhile using the current
 * one — so a service in use never waits for a reload that only its age asked for. What remains cold: the
 * first request after an ingest changed a collection (its new revision must be read, by exactness), and
 * the first after the service stood idle longer than the maximum age.
 */
import type { Connection, Model } from 'mongoose';
import { readEnv } from '../../lib/config';
import { log } from '../../lib/log';
import { readRevisions } from '../../adapters/store/revisions';

export interface CollectionCacheSettings {
  enabled: boolean;
  maxAgeMs: number;
  maxDocs: number;
  /** How long `warm` may delay a service's start (default 10 s). */
  warmTimeoutMs?: number;
}

function nonNegative(name: string, fallback: number): number {
  const v = Number(readEnv(name) ?? fallback);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number of seconds ≥ 0, got "${readEnv(name)}"`);
  return v;
}

export function collectionCacheSettingsFromEnv(): CollectionCacheSettings {
  const maxAge = nonNegative('READ_CACHE_MAX_AGE_SECONDS', 60);
  const warmTimeout = nonNegative('READ_CACHE_WARM_TIMEOUT_SECONDS', 10);
  const maxDocs = Number(readEnv('READ_CACHE_MAX_DOCS') ?? 50_000);
  if (!Number.isInteger(maxDocs) || maxDocs < 0) throw new Error(`READ_CACHE_MAX_DOCS must be an integer ≥ 0, got "${readEnv('READ_CACHE_MAX_DOCS')}"`);
  return { enabled: (readEnv('READ_CACHE') ?? 'on') !== 'off', maxAgeMs: maxAge * 1000, maxDocs, warmTimeoutMs: warmTimeout * 1000 };
}

interface Copy {
  rev: string;
  loadedAt: number;
  /** null: too large to keep at this revision. */
  docs: Promise<readonly unknown[] | null>;
  /** Values derived from the documents (indexes, counts), computed once per copy. */
  derived: Map<string, unknown>;
  /** A background reload of this copy (same revision) is under way. */
  refreshing?: boolean;
}

/** What `warm` did, for the start log (and tests). */
export interface WarmReport {
  /** Collection → documents held (null: above READ_CACHE_MAX_DOCS, its loaders query the store). */
  loaded: Record<string, number | null>;
  /** Collections without a revision (never written through the adapters): not cached, nothing to warm. */
  notCached: string[];
  ms: number;
  /** The bound passed before the loads finished (they go on in the background), or the store failed. */
  incomplete?: 'timeout' | 'error';
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
  /** Collection → the derived values asked of it (name → compute), rebuilt with a background reload. */
  private readonly recipes = new Map<string, Map<string, (docs: readonly unknown[]) => unknown>>();
  /** Collections last found above READ_CACHE_MAX_DOCS. */
  private readonly tooLarge = new Set<string>();

  constructor(
    private readonly conn: Connection,
    readonly settings: CollectionCacheSettings = collectionCacheSettingsFromEnv(),
  ) {}

  /** A view for one request: the silo's revisions are read at most once, when first needed. */
  forRequest(): CachedReads {
    return new CachedReads(this);
  }

  /** @internal Remembers how a derived value is computed, to rebuild it with a background reload. */
  remember(collection: string, name: string, compute: (docs: readonly unknown[]) => unknown): void {
    const of = this.recipes.get(collection) ?? this.recipes.set(collection, new Map()).get(collection)!;
    if (!of.has(name)) of.set(name, compute);
  }

  /** @internal */
  revisions(): Promise<Map<string, string>> {
    return readRevisions(this.conn);
  }

  /**
   * Loads the copies of `models` at their current revisions, so that the first request finds them
   * (called once per process before the service listens). Never throws and waits at most
   * `warmTimeoutMs`: past it the loads go on in the background (a request then waits for the same load,
   * it does not start another). Logs what it did.
   */
  async warm(models: readonly Model<any>[], service = 'subgraph'): Promise<WarmReport> {
    const started = Date.now();
    const report: WarmReport = { loaded: {}, notCached: [], ms: 0 };
    if (!this.settings.enabled || models.length === 0) return report;
    const work = (async () => {
      const revs = await this.revisions();
      await Promise.all(models.map(async (model) => {
        const name = model.collection.collectionName;
        const rev = revs.get(name);
        if (rev === undefined) return void report.notCached.push(name);
        const docs = await this.copyAt(model, rev).docs;
        report.loaded[name] = docs ? docs.length : null;
      }));
    })();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.settings.warmTimeoutMs ?? 10_000);
    });
    const outcome = await Promise.race([work.then(() => 'done' as const, (e: unknown) => e), bound]);
    clearTimeout(timer);
    report.ms = Date.now() - started;
    if (outcome === 'done') {
      log.info(`${service}: in-memory copies warmed`, { ms: report.ms, loaded: report.loaded, notCached: report.notCached });
    } else if (outcome === 'timeout') {
      report.incomplete = 'timeout';
      log.warn(`${service}: warming the in-memory copies took longer than READ_CACHE_WARM_TIMEOUT_SECONDS; serving, the first requests wait for the rest`, { ms: report.ms, loaded: report.loaded });
    } else {
      report.incomplete = 'error';
      log.warn(`${service}: warming the in-memory copies failed; serving, the first requests load them`, { ms: report.ms, error: String(outcome) });
    }
    return report;
  }

  /** @internal The copy of `model`'s collection at revision `rev` (loading it when missing or stale). */
  copyAt(model: Model<any>, rev: string): Copy {
    const name = model.collection.collectionName;
    const now = Date.now();
    const have = this.copies.get(name);
    // Too large at this revision: nothing held that could age (its loaders query the store).
    if (have && have.rev === rev && this.tooLarge.has(name)) return have;
    if (have && have.rev === rev && now - have.loadedAt <= this.settings.maxAgeMs) {
      if (now - have.loadedAt > this.settings.maxAgeMs / 2) this.refreshAhead(model, have);
      return have;
    }
    const copy: Copy = { rev, loadedAt: now, docs: this.load(model), derived: new Map() };
    this.copies.set(name, copy);
    copy.docs.catch(() => {
      if (this.copies.get(name) === copy) this.copies.delete(name);
    });
    return copy;
  }

  private async load(model: Model<any>): Promise<readonly unknown[] | null> {
    const name = model.collection.collectionName;
    // A collection found too large is counted before it is read again: past READ_CACHE_MAX_DOCS every
    // new revision would otherwise read maxDocs + 1 documents (seconds on the embedded store) to learn it.
    if (this.tooLarge.has(name) && (await model.estimatedDocumentCount()) > this.settings.maxDocs) return null;
    const all = await model.find({}).limit(this.settings.maxDocs + 1).lean();
    if (all.length > this.settings.maxDocs) {
      this.tooLarge.add(name);
      return null;
    }
    this.tooLarge.delete(name);
    return deepFreeze(all);
  }

  /**
   * Reloads a copy past half its age in the background; it replaces the copy only if that is still the
   * one held (no newer revision arrived meanwhile). Its age counts from when the reload started, so a
   * request never uses documents read longer than the maximum age ago. A failed reload leaves the copy
   * to expire as before.
   */
  private refreshAhead(model: Model<any>, have: Copy): void {
    if (have.refreshing) return;
    have.refreshing = true;
    const name = model.collection.collectionName;
    const startedAt = Date.now();
    this.load(model).then(
      (docs) => {
        if (this.copies.get(name) !== have) return;
        // The indexes the requests used are rebuilt here, so that the next request does not pay for them.
        const derived = new Map<string, unknown>();
        if (docs) for (const [key, compute] of this.recipes.get(name) ?? []) derived.set(key, deepFreeze(compute(docs)));
        this.copies.set(name, { rev: have.rev, loadedAt: startedAt, docs: Promise.resolve(docs), derived });
      },
      (e: unknown) => {
        have.refreshing = false;
        log.warn('reloading an in-memory copy failed; it is reloaded when it expires', { collection: name, error: String(e) });
      },
    );
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
    if (!copy.derived.has(name)) {
      copy.derived.set(name, deepFreeze(compute(docs)));
      this.cache.remember(model.collection.collectionName, name, compute as (docs: readonly unknown[]) => unknown);
    }
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
