/** The 人社 subgraph's data access: resolvers call this, never mongoose. */
import DataLoader from 'dataloader';
import type { Connection } from 'mongoose';
import type { DataLayer } from '../common/createSubgraph';
import { CollectionCache, type CachedReads } from '../common/collectionCache';
import { groupLoader } from '../common/loaders';
import { createHrssModels, type HrssModels } from './models';
import type { BlacklistEntryDoc } from './models/blacklist';
import type { PayLineDoc } from './models/payLine';
import type { RegistrationDoc } from './models/registration';
import { readEnv } from '../../lib/config';
import { log } from '../../lib/log';
import { loadWageFacts } from './wageFacts';
import { WageFactsCache } from './wageFactsCache';
import { WageReadModel, workerFactsAsOf } from './wageFactsRead';
import {
  assessProjectMonth, inArrears, wageSettingsFromEnv, workersInArrears,
  type ProjectMonthAssessment, type WageSettings, type WorkerAssessment, type WorkerMonthFacts,
} from './wageRule';

/** Distinct workers per value of `field` (project or employer), one aggregate per batch. */
function workforceLoader(models: HrssModels, field: 'projectCode' | 'employerUscc', cache?: CachedReads) {
  return new DataLoader<string, number>(async (keys) => {
    const cached = await cache?.derived(models.Registration, `workforce:${field}`, (docs) => {
      const workers = new Map<string, Set<string>>();
      for (const d of docs) (workers.get(d[field]) ?? workers.set(d[field], new Set()).get(d[field])!).add(d.workerId);
      return new Map([...workers].map(([k, set]) => [k, set.size]));
    });
    if (cached) return keys.map((k) => cached.get(k) ?? 0);
    const rows = await models.Registration.aggregate<{ _id: { k: string; w: string } }>([
      { $match: { [field]: { $in: [...new Set(keys)] } } },
      { $group: { _id: { k: `$${field}`, w: '$workerId' } } },
    ]);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r._id.k, (counts.get(r._id.k) ?? 0) + 1);
    return keys.map((k) => counts.get(k) ?? 0);
  });
}

export class HrssData {
  /** Registrations of a worker, oldest first: the last one is the current state. */
  readonly registrationsByWorker;
  readonly paymentsByWorker;
  readonly workforceByProject;
  readonly workforceByEmployer;
  readonly blacklistByUscc;
  /** Days worked, keyed `workerId|month`. */
  readonly attendanceDays: DataLoader<string, number>;
  /** Wage status, keyed `month|asOf|projectCode`: one set of queries per (month, asOf). */
  readonly projectWageStatus: DataLoader<string, ProjectMonthAssessment>;
  /** Each worker with attendance as the rule sees them on `asOf`, keyed `month|asOf|projectCode`: read by key. */
  readonly projectMonthWorkers: DataLoader<string, WorkerMonthFacts[]>;
  private readonly cityArrears = new Map<string, Promise<ProjectMonthAssessment[]>>();
  private readModelReady: Promise<boolean> | null = null;

  /**
   * @param readModel the wage read model maintained at ingest (issue 17); null: every wage finder uses
   *   the reference computation from the raw facts (WAGE_READ_MODEL=off, and what the tests compare with).
   */
  constructor(
    private readonly models: HrssModels,
    private readonly settings: WageSettings,
    private readonly monthCache = new WageFactsCache(models, 0),
    cache?: CachedReads,
    private readonly readModel: WageReadModel | null = null,
  ) {
    this.registrationsByWorker = groupLoader<RegistrationDoc>(models.Registration, 'workerId', { sort: { enteredOn: 1 }, cache });
    this.paymentsByWorker = groupLoader<PayLineDoc>(models.PayLine, 'workerId', { sort: { paidOn: 1, serialNo: 1 } });
    this.workforceByProject = workforceLoader(models, 'projectCode', cache);
    this.workforceByEmployer = workforceLoader(models, 'employerUscc', cache);
    this.blacklistByUscc = groupLoader<BlacklistEntryDoc>(models.BlacklistEntry, 'uscc', { sort: { listedOn: 1 }, cache });
    this.attendanceDays = new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const blocks = await models.AttendanceBlock.find(
        { workerId: { $in: [...new Set(pairs.map((p) => p[0]))] }, month: { $in: [...new Set(pairs.map((p) => p[1]))] } },
        { _id: 0, workerId: 1, month: 1, days: 1 },
      ).lean();
      const days = new Map<string, Set<string>>();
      for (const b of blocks) {
        const key = `${b.workerId}|${b.month}`;
        const set = days.get(key) ?? new Set<string>();
        for (const d of b.days.split(',')) set.add(d);
        days.set(key, set);
      }
      return keys.map((k) => days.get(k)?.size ?? 0);
    });
    this.projectWageStatus = new DataLoader(async (keys) => {
      const byPeriod = new Map<string, string[]>();
      for (const k of keys) {
        const [month, asOf, code] = k.split('|');
        byPeriod.set(`${month}|${asOf}`, [...(byPeriod.get(`${month}|${asOf}`) ?? []), code]);
      }
      const results = new Map<string, ProjectMonthAssessment>();
      const useReadModel = await this.useReadModel();
      await Promise.all([...byPeriod].map(async ([period, codes]) => {
        const [month, asOf] = period.split('|');
        if (useReadModel) {
          for (const [code, a] of await this.readModel!.statuses(month, asOf, [...new Set(codes)], settings)) results.set(`${period}|${code}`, a);
          return;
        }
        const facts = (await this.monthCache.monthIfCached(month, asOf)) ?? (await loadWageFacts(models, { month, asOf, projectCodes: [...new Set(codes)] }));
        for (const code of codes) {
          results.set(`${period}|${code}`, assessProjectMonth(code, month, facts.get(code) ?? [], asOf, settings));
        }
      }));
      return keys.map((k) => results.get(k)!);
    });
    this.projectMonthWorkers = new DataLoader(async (keys) => {
      const byPeriod = new Map<string, Set<string>>();
      for (const k of keys) {
        const [month, asOf, code] = k.split('|');
        (byPeriod.get(`${month}|${asOf}`) ?? byPeriod.set(`${month}|${asOf}`, new Set()).get(`${month}|${asOf}`)!).add(code);
      }
      const results = new Map<string, WorkerMonthFacts[]>();
      const useReadModel = await this.useReadModel();
      await Promise.all([...byPeriod].map(async ([period, codes]) => {
        const [month, asOf] = period.split('|');
        if (useReadModel) {
          // The project-months' facts documents by `_id`: never the month's other projects.
          const stored = await this.readModel!.projectMonths(month, [...codes]);
          for (const [code, workers] of stored) results.set(`${period}|${code}`, workers.map((w) => workerFactsAsOf(w, asOf)));
          return;
        }
        const facts = (await this.monthCache.monthIfCached(month, asOf)) ?? (await loadWageFacts(models, { month, asOf, projectCodes: [...codes] }));
        for (const code of codes) results.set(`${period}|${code}`, facts.get(code) ?? []);
      }));
      return keys.map((k) => results.get(k) ?? []);
    });
  }

  /** The workers in arrears on one project in `month` evaluated on `asOf`, largest amount owed first, at most `first`. */
  async workersInArrears(projectCode: string, month: string, asOf: string, first: number): Promise<WorkerAssessment[]> {
    const workers = await this.projectMonthWorkers.load(`${month}|${asOf}|${projectCode}`);
    return workersInArrears(workers, month, asOf, this.settings).slice(0, first);
  }

  async currentRegistration(workerId: string): Promise<RegistrationDoc | null> {
    const all = await this.registrationsByWorker.load(workerId);
    return all.length ? all[all.length - 1] : null;
  }

  /**
   * Whether this request reads the read model: it is configured and its state says complete (one read of
   * the state document per request; while a rebuild runs, the finders fall back to the reference).
   */
  private useReadModel(): Promise<boolean> {
    if (!this.readModel) return Promise.resolve(false);
    this.readModelReady ??= this.readModel.ready().then((ready) => {
      if (!ready) warnNotReady();
      return ready;
    });
    return this.readModelReady;
  }

  /** Every project in arrears for the month, largest amount owed first (memoised per request). */
  wageArrears(month: string, asOf: string, district?: string): Promise<ProjectMonthAssessment[]> {
    const key = `${month}|${asOf}|${district ?? ''}`;
    let result = this.cityArrears.get(key);
    if (!result) {
      result = this.useReadModel().then((use) => (use ? this.readModel!.arrears(month, asOf, this.settings, district) : this.referenceArrears(month, asOf, district)));
      this.cityArrears.set(key, result);
    }
    return result;
  }

  /**
   * The computation from the raw facts at query time, as before issue 17: the reference the read model
   * is tested against, and the answer while the read model is absent or being rebuilt.
   */
  referenceArrears(month: string, asOf: string, district?: string): Promise<ProjectMonthAssessment[]> {
    return this.monthCache.month(month, asOf).then((facts) =>
      [...facts]
        .filter(([code]) => district === undefined || code.slice(5, 11) === district)
        .map(([code, workers]) => assessProjectMonth(code, month, workers, asOf, this.settings))
        .filter(inArrears)
        .sort((a, b) => b.owedFen - a.owedFen || a.projectCode.localeCompare(b.projectCode)),
    );
  }
}

let warned = false;
function warnNotReady(): void {
  if (warned) return;
  warned = true;
  log.warn('hrss: the wage read model is absent or being rebuilt; wage finders compute from the raw facts (slow on a large city) until it is ready: npm run rebuild:wage-facts');
}

/** WAGE_READ_MODEL: `on` (default) reads the read model maintained at ingest; `off` computes at query time. */
export function wageReadModelEnabled(): boolean {
  const v = readEnv('WAGE_READ_MODEL') ?? 'on';
  if (v !== 'on' && v !== 'off') throw new Error(`WAGE_READ_MODEL must be on or off, got ${v}`);
  return v === 'on';
}

export function createHrssDataLayer(conn: Connection): DataLayer<HrssData> {
  const models = createHrssModels(conn);
  const settings = wageSettingsFromEnv();
  const monthCache = new WageFactsCache(models);
  const cache = new CollectionCache(conn);
  const readModel = wageReadModelEnabled() ? new WageReadModel(models) : null;
  return {
    forRequest: () => new HrssData(models, settings, monthCache, cache.forRequest(), readModel),
    // The collections HrssData's loaders read through the cache (issue 17: no cold first request).
    warm: () => cache.warm([models.Registration, models.BlacklistEntry], 'hrss'),
  };
}
