/** The 生态环境 subgraph's data access: resolvers call this, never mongoose. Everything is batched per request. */
import DataLoader from 'dataloader';
import type { Connection } from 'mongoose';
import { CollectionCache, type CachedReads } from '../common/collectionCache';
import { byKeyLoader, groupLoader } from '../common/loaders';
import type { DataLayer } from '../common/createSubgraph';
import { createEnvironmentModels, type EnvironmentModels } from './models';
import type { NightPermitDoc } from './models/nightPermit';
import { localDayOf, unpackSamples, type Sample } from './models/readingChunk';
import type { StationDoc } from './models/station';
import type { StationLatestDoc } from './models/stationLatest';
import { loadRuleSet, type RuleSet } from './rules/config';
import { findExceedances, type Exceedance } from './rules/engine';
import { periodKey, type Period } from './period';

export class EnvironmentData {
  readonly stationByMn;
  readonly stationsByProject;
  readonly permitsByProject;
  readonly latestByMn;
  readonly rules: RuleSet = loadRuleSet();
  private readonly samplesByPeriod = new Map<string, DataLoader<string, Sample[]>>();
  private readonly exceedancesByPeriod = new Map<string, Promise<Exceedance[]>>();
  private allStations: Promise<StationDoc[]> | null = null;

  constructor(private readonly models: EnvironmentModels, cache?: CachedReads) {
    this.stationByMn = byKeyLoader<StationDoc>(models.Station, 'mn', { cache });
    this.stationsByProject = groupLoader<StationDoc>(models.Station, 'projectCode', { sort: { mn: 1 }, cache });
    this.permitsByProject = groupLoader<NightPermitDoc>(models.NightPermit, 'projectCode', { sort: { from: 1, permitNo: 1 }, cache });
    this.latestByMn = byKeyLoader<StationLatestDoc>(models.StationLatest, '_id');
  }

  /** Samples of stations in a period: one chunk query per period per request, whatever the number of stations. */
  samples(mn: string, period: Period): Promise<Sample[]> {
    const key = periodKey(period);
    let loader = this.samplesByPeriod.get(key);
    if (!loader) {
      loader = new DataLoader<string, Sample[]>((mns) => this.loadSamples([...mns], period));
      this.samplesByPeriod.set(key, loader);
    }
    return loader.load(mn);
  }

  private async loadSamples(mns: string[], period: Period): Promise<Sample[][]> {
    const from = period.from.getTime();
    const to = period.to.getTime();
    const chunks = await this.models.ReadingChunk.find(
      { mn: { $in: [...new Set(mns)] }, day: { $gte: localDayOf(from), $lte: localDayOf(to - 1) } },
    ).sort({ _id: 1 }).lean();
    const byMn = new Map<string, Sample[]>();
    const seen = new Set<string>();
    for (const c of chunks) {
      const list = byMn.get(c.mn) ?? [];
      for (const s of unpackSamples(c.day, c.packed)) {
        const k = `${c.mn}|${s.t}|${s.cn}|${s.code}`;
        // Re-sent packets may sit in several chunks: keep one sample per key, from the lowest chunk id, so the
        // choice is deterministic (conflicting re-sends with different values are not expected from a device).
        if (s.t < from || s.t >= to || seen.has(k)) continue;
        seen.add(k);
        list.push(s);
      }
      byMn.set(c.mn, list);
    }
    return mns.map((mn) => (byMn.get(mn) ?? []).sort((a, b) => a.t - b.t || (a.code < b.code ? -1 : 1)));
  }

  stations(): Promise<StationDoc[]> {
    // exec(): the promise of the result is shared by every period of the request; a mongoose Query
    // (a thenable) awaited a second time throws "Query was already executed".
    this.allStations ??= this.models.Station.find({}).sort({ mn: 1 }).lean().exec() as Promise<StationDoc[]>;
    return this.allStations;
  }

  /**
   * Every exceedance of the city in a period (optionally one pollutant), computed once per request:
   * background rules need the other stations of each district anyway, and projects, stations and
   * the root list all filter this one result.
   */
  exceedances(period: Period, pollutant?: string): Promise<Exceedance[]> {
    const key = `${periodKey(period)}|${pollutant ?? ''}`;
    let result = this.exceedancesByPeriod.get(key);
    if (!result) {
      result = (async () => {
        const stations = await this.stations();
        const samples = await Promise.all(stations.map((s) => this.samples(s.mn, period)));
        const series = stations.map((s, i) => ({ mn: s.mn, projectCode: s.projectCode, district: s.district, samples: samples[i] }));
        return findExceedances(series, this.rules, { ...period, pollutant });
      })();
      this.exceedancesByPeriod.set(key, result);
    }
    return result;
  }
}

export function createEnvironmentDataLayer(conn: Connection): DataLayer<EnvironmentData> {
  const models = createEnvironmentModels(conn);
  const cache = new CollectionCache(conn);
  return { forRequest: () => new EnvironmentData(models, cache.forRequest()) };
}
