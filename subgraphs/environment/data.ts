/** The 生态环境 subgraph's data access: resolvers call this, never mongoose. Everything is batched per request. */
import DataLoader from 'dataloader';
import type { Connection } from 'mongoose';
import { CollectionCache, type CachedReads } from '../common/collectionCache';
import { byKeyLoader, groupLoader } from '../common/loaders';
import type { DataLayer } from '../common/createSubgraph';
import { createEnvironmentModels, type EnvironmentModels } from './models';
import type { NightPermitDoc } from './models/nightPermit';
import { localDayOf, type Sample } from './models/readingChunk';
import { samplesByStation } from './samples';
import type { StationDoc } from './models/station';
import type { StationLatestDoc } from './models/stationLatest';
import { loadRuleSet, type RuleSet } from './rules/config';
import { byStationTimeRule, findExceedances, type Exceedance } from './rules/engine';
import { rulesVersion } from './rules/version';
import { MODEL_STATE_ID, unpackExceedances } from './models/exceedanceDay';
import { log } from '../../lib/log';
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
    const byMn = samplesByStation(chunks, from, to);
    return mns.map((mn) => byMn.get(mn) ?? []);
  }

  stations(): Promise<StationDoc[]> {
    // exec(): the promise of the result is shared by every period of the request; a mongoose Query
    // (a thenable) awaited a second time throws "Query was already executed".
    this.allStations ??= this.models.Station.find({}).sort({ mn: 1 }).lean().exec() as Promise<StationDoc[]>;
    return this.allStations;
  }

  /**
   * Every exceedance of the city in a period (optionally one pollutant), once per request (projects,
   * stations and the root list all filter this one result): read from the read model maintained at
   * ingestion (exceedance_days) when it can answer, otherwise computed from the samples.
   */
  exceedances(period: Period, pollutant?: string): Promise<Exceedance[]> {
    const key = `${periodKey(period)}|${pollutant ?? ''}`;
    let result = this.exceedancesByPeriod.get(key);
    if (!result) {
      result = (async () => (await this.storedExceedances(period, pollutant)) ?? this.referenceExceedances(period, pollutant))();
      this.exceedancesByPeriod.set(key, result);
    }
    return result;
  }

  /**
   * The read model's answer, or null when it cannot give the query-time answer: a period that is not
   * made of whole local days, a store whose model was never built, or one built with other rules than
   * this subgraph's (until the rebuild command has run). Every district-day is stored, with or without
   * exceedances, so a day with readings is never missing from a built model.
   */
  async storedExceedances(period: Period, pollutant?: string): Promise<Exceedance[] | null> {
    const dayMs = 86_400_000;
    const offsetMs = this.rules.utcOffsetHours * 3_600_000;
    const from = period.from.getTime();
    const to = period.to.getTime();
    if (this.rules.utcOffsetHours !== 8 || (from + offsetMs) % dayMs !== 0 || (to + offsetMs) % dayMs !== 0) return null;
    const version = rulesVersion(this.rules);
    const [state, docs] = await Promise.all([
      this.models.ExceedanceModelState.findById(MODEL_STATE_ID).lean().exec(),
      this.models.ExceedanceDay.find({ day: { $gte: localDayOf(from), $lte: localDayOf(to - 1) } }).lean().exec(),
    ]);
    if (state?.rulesVersion !== version) {
      warnStale(state?.rulesVersion ?? null, version);
      return null;
    }
    const all: Exceedance[] = [];
    for (const doc of docs) {
      const list = doc.rulesVersion === version ? unpackExceedances(doc, this.rules) : null;
      if (!list) {
        warnStale(doc.rulesVersion, version);
        return null;
      }
      for (const e of list) if (!pollutant || e.pollutant === pollutant) all.push(e);
    }
    return all.sort(byStationTimeRule);
  }

  /**
   * The query-time computation (the reference the read model is checked against): every station's
   * samples of the period through the rule engine.
   */
  async referenceExceedances(period: Period, pollutant?: string): Promise<Exceedance[]> {
    const stations = await this.stations();
    const samples = await Promise.all(stations.map((s) => this.samples(s.mn, period)));
    const series = stations.map((s, i) => ({ mn: s.mn, projectCode: s.projectCode, district: s.district, samples: samples[i] }));
    return findExceedances(series, this.rules, { ...period, pollutant });
  }
}

let warnedFor: string | null = null;
/** Once per process and pair of versions: the answers stay right (computed), only slower. */
function warnStale(stored: string | null, wanted: string): void {
  const key = `${stored}|${wanted}`;
  if (warnedFor === key) return;
  warnedFor = key;
  log.warn(stored === null
    ? 'exceedance read model not built in this store: exceedances are computed at query time until an HJ 212 ingestion or `npx tsx adapters/hj212/rebuildExceedances.ts` builds it'
    : 'exceedance read model built with other rules: exceedances are computed at query time until `npx tsx adapters/hj212/rebuildExceedances.ts` has run', { stored, rules: wanted });
}

export function createEnvironmentDataLayer(conn: Connection): DataLayer<EnvironmentData> {
  const models = createEnvironmentModels(conn);
  const cache = new CollectionCache(conn);
  return {
    forRequest: () => new EnvironmentData(models, cache.forRequest()),
    // The collections EnvironmentData's loaders read through the cache (issue 17: no cold first request).
    warm: () => cache.warm([models.Station, models.NightPermit], 'environment'),
  };
}
