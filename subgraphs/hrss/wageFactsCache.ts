/**
 * A process-wide cache of a whole month's wage facts. Computing them scans every attendance block,
 * pay line and registration of the month (seconds on the embedded store), and dashboards ask the same
 * month again and again. The three collections are append-only (the adapters only insert), so their
 * document counts are a version: an entry is reused only while the counts are unchanged, and for at
 * most WAGE_FACTS_CACHE_SECONDS (default 300; 0 disables the cache).
 */
import type { Model } from 'mongoose';
import { readEnv } from '../../lib/config';
import type { HrssModels } from './models';
import { loadWageFacts, type FactsByProject } from './wageFacts';

/**
 * Document count of a collection. collStats answers from the store's metadata (tens of ms on the
 * embedded store, where even estimatedDocumentCount scans the collection); stores without it fall back.
 */
async function countOf(model: Model<any>): Promise<number> {
  try {
    const stats = await model.db.db!.command({ collStats: model.collection.collectionName });
    if (typeof stats.count === 'number') return stats.count;
  } catch {
    // collStats is deprecated on recent MongoDB: fall through.
  }
  return model.estimatedDocumentCount();
}

interface Entry {
  version: string;
  at: number;
  facts: Promise<FactsByProject>;
}

export class WageFactsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;
  private versionCheck: { at: number; value: Promise<string> } | null = null;

  /**
   * @param versionCheckMs how long one check of the collection counts is trusted: concurrent and
   *   back-to-back requests share it instead of each asking the store three times (default 1 s, so a
   *   new ingest shows up within a second).
   */
  constructor(
    private readonly models: HrssModels,
    maxAgeSeconds = Number(readEnv('WAGE_FACTS_CACHE_SECONDS') ?? 300),
    private readonly versionCheckMs = 1_000,
  ) {
    this.maxAgeMs = maxAgeSeconds * 1000;
  }

  private version(): Promise<string> {
    const now = Date.now();
    if (this.versionCheck && now - this.versionCheck.at < this.versionCheckMs) return this.versionCheck.value;
    const value = Promise.all([this.models.AttendanceBlock, this.models.PayLine, this.models.Registration].map(countOf)).then((c) => c.join('/'));
    this.versionCheck = { at: now, value };
    value.catch(() => {
      this.versionCheck = null;
    });
    return value;
  }

  private fresh(entry: Entry | undefined, version: string): entry is Entry {
    return entry !== undefined && entry.version === version && Date.now() - entry.at < this.maxAgeMs;
  }

  /** The whole month's facts as of `asOf`, from the cache when still valid. */
  async month(month: string, asOf: string): Promise<FactsByProject> {
    const key = `${month}|${asOf}`;
    if (this.maxAgeMs <= 0) return loadWageFacts(this.models, { month, asOf });
    const version = await this.version();
    const cached = this.entries.get(key);
    if (this.fresh(cached, version)) return cached.facts;
    const facts = loadWageFacts(this.models, { month, asOf });
    this.entries.set(key, { version, at: Date.now(), facts });
    facts.catch(() => this.entries.delete(key));
    if (this.entries.size > 48) this.entries.delete(this.entries.keys().next().value as string);
    return facts;
  }

  /** The cached month when still valid, else null (the caller then asks for just its projects). */
  async monthIfCached(month: string, asOf: string): Promise<FactsByProject | null> {
    const cached = this.entries.get(`${month}|${asOf}`);
    if (!cached || this.maxAgeMs <= 0) return null;
    return this.fresh(cached, await this.version()) ? cached.facts : null;
  }
}
