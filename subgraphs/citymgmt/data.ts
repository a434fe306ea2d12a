/** The 城管 subgraph's data access: resolvers call this, never mongoose. */
import type { Connection, Model } from 'mongoose';
import type { DataLayer } from '../common/createSubgraph';
import { CollectionCache, type CachedReads } from '../common/collectionCache';
import { byKeyLoader, groupLoader } from '../common/loaders';
import type { CaseCriteria, ComplaintCriteria, Period, ViolationCriteria } from './filters';
import { createCitymgmtModels, type CitymgmtModels } from './models';
import type { ComplaintDoc } from './models/complaint';
import type { EnforcementCaseDoc } from './models/enforcementCase';
import type { ViolationDoc } from './models/violation';
import { CASE_STATE_ORDER, OPEN_CASE_STATES } from './models/vocabulary';
import { encodeCursor, type Page, type PageRequest } from './pagination';

type Filter = Record<string, unknown>;

function periodFilter(field: string, p: Period): Filter {
  if (!p.from && !p.to) return {};
  const range: Filter = {};
  if (p.from) range.$gte = p.from;
  if (p.to) range.$lt = p.to;
  return { [field]: range };
}

function defined(filter: Filter): Filter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}

export function complaintFilter(c: ComplaintCriteria): Filter {
  return defined({ district: c.district, category: c.category, status: c.status, projectCode: c.projectCode, ...periodFilter('receivedAt', c) });
}

export function violationFilter(c: ViolationCriteria): Filter {
  return defined({
    district: c.district, type: c.type, source: c.source, projectCode: c.projectCode, enterpriseUscc: c.enterpriseUscc,
    ...periodFilter('foundAt', c),
  });
}

export function caseFilter(c: CaseCriteria): Filter {
  const states = c.open === undefined ? undefined : c.open ? OPEN_CASE_STATES : CASE_STATE_ORDER.filter((s) => !OPEN_CASE_STATES.includes(s));
  const state = c.state !== undefined
    ? (states && !states.includes(c.state) ? { $in: [] } : c.state)
    : states ? { $in: [...states] } : undefined;
  return defined({
    district: c.district, type: c.type, state, projectCode: c.projectCode, partyUscc: c.enterpriseUscc,
    ...periodFilter('filedAt', c),
  });
}

/** Newest first by `timeField`, ties broken by the natural key, so every page boundary is exact. */
async function pageOf<T>(model: Model<T>, filter: Filter, timeField: string, keyField: string, page: PageRequest): Promise<Page<T>> {
  const after = page.after
    ? { $or: [{ [timeField]: { $lt: page.after.at } }, { [timeField]: page.after.at, [keyField]: { $lt: page.after.key } }] }
    : null;
  const [totalCount, docs] = await Promise.all([
    model.countDocuments(filter),
    model.find(after ? { $and: [filter, after] } : filter).sort({ [timeField]: -1, [keyField]: -1 }).limit(page.first + 1).lean(),
  ]);
  const rows = (docs as Record<string, unknown>[]).slice(0, page.first);
  const edges = rows.map((d) => ({ cursor: encodeCursor({ at: d[timeField] as Date, key: String(d[keyField]) }), node: d as T }));
  return { edges, pageInfo: { hasNextPage: docs.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

export class CitymgmtData {
  /** All work orders of each project, newest first; period and category are applied in memory so a
   * project field costs one query whatever its arguments. */
  readonly complaintsByProject;
  readonly violationsByProject;
  readonly violationsByEnterprise;
  readonly violationByNo;
  readonly casesByProject;
  readonly casesByParty;

  constructor(private readonly models: CitymgmtModels, cache?: CachedReads) {
    this.complaintsByProject = groupLoader<ComplaintDoc>(models.Complaint, 'projectCode', { sort: { receivedAt: -1, orderNo: -1 }, cache });
    this.violationsByProject = groupLoader<ViolationDoc>(models.Violation, 'projectCode', { sort: { foundAt: -1, violationNo: -1 }, cache });
    this.violationsByEnterprise = groupLoader<ViolationDoc>(models.Violation, 'enterpriseUscc', { sort: { foundAt: -1, violationNo: -1 }, cache });
    this.violationByNo = byKeyLoader<ViolationDoc>(models.Violation, 'violationNo', { cache });
    this.casesByProject = groupLoader<EnforcementCaseDoc>(models.EnforcementCase, 'projectCode', { sort: { filedAt: -1, caseNo: -1 }, cache });
    this.casesByParty = groupLoader<EnforcementCaseDoc>(models.EnforcementCase, 'partyUscc', { sort: { filedAt: -1, caseNo: -1 }, cache });
  }

  complaints(criteria: ComplaintCriteria, page: PageRequest): Promise<Page<ComplaintDoc>> {
    return pageOf(this.models.Complaint, complaintFilter(criteria), 'receivedAt', 'orderNo', page);
  }

  violations(criteria: ViolationCriteria, page: PageRequest): Promise<Page<ViolationDoc>> {
    return pageOf(this.models.Violation, violationFilter(criteria), 'foundAt', 'violationNo', page);
  }

  enforcementCases(criteria: CaseCriteria, page: PageRequest): Promise<Page<EnforcementCaseDoc>> {
    return pageOf(this.models.EnforcementCase, caseFilter(criteria), 'filedAt', 'caseNo', page);
  }
}

export function createCitymgmtDataLayer(conn: Connection): DataLayer<CitymgmtData> {
  const models = createCitymgmtModels(conn);
  const cache = new CollectionCache(conn);
  return {
    forRequest: () => new CitymgmtData(models, cache.forRequest()),
    // The collections CitymgmtData's loaders read through the cache (issue 17: no cold first request).
    warm: () => cache.warm([models.Complaint, models.Violation, models.EnforcementCase], 'citymgmt'),
  };
}
