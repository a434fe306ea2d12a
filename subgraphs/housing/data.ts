/** The 住建 subgraph's data access: resolvers call this, never mongoose. */
import DataLoader from 'dataloader';
import type { Connection } from 'mongoose';
import type { DataLayer } from '../common/createSubgraph';
import { CollectionCache, compareBySort, type CachedReads } from '../common/collectionCache';
import { byKeyLoader, groupBy, groupLoader, ownCopy } from '../common/loaders';
import { createHousingModels, type HousingModels } from './models';
import type { EnterpriseDoc } from './models/enterprise';
import type { InspectionDoc } from './models/inspection';
import type { ParticipantDoc } from './models/participant';
import type { PermitDoc } from './models/permit';
import type { ProgressDoc } from './models/progress';
import type { ProjectDoc } from './models/project';
import { encodeProjectCursor, projectPageQuery, projectPredicate, type ProjectsArgs } from './projectFilter';

export interface ProjectPage {
  edges: { cursor: string; node: ProjectDoc }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export class HousingData {
  readonly projectByCode;
  readonly permitByProject;
  /** Participants of a project and projects of an enterprise share one loader: one query for both. */
  private readonly participants;
  readonly enterpriseByUscc;
  /** Oldest first: the latest report is the last one. */
  readonly progressByProject;
  readonly inspectionsByProject;

  constructor(
    private readonly models: HousingModels,
    private readonly cache?: CachedReads,
  ) {
    this.projectByCode = byKeyLoader<ProjectDoc>(models.Project, 'code', { cache });
    this.permitByProject = byKeyLoader<PermitDoc>(models.Permit, 'projectCode', { cache });
    this.participants = participantsLoader(models, cache);
    this.enterpriseByUscc = byKeyLoader<EnterpriseDoc>(models.Enterprise, 'uscc', { cache });
    this.progressByProject = groupLoader<ProgressDoc>(models.Progress, 'projectCode', { sort: { reportDate: 1 }, cache });
    this.inspectionsByProject = groupLoader<InspectionDoc>(models.Inspection, 'projectCode', { sort: { inspectedOn: 1, inspectionNo: 1 }, cache });
  }

  participantsOfProject(code: string): Promise<ParticipantDoc[]> {
    return this.participants.load(`project:${code}`);
  }

  participationsOfEnterprise(uscc: string): Promise<ParticipantDoc[]> {
    return this.participants.load(`enterprise:${uscc}`);
  }

  async latestProgress(projectCode: string): Promise<ProgressDoc | null> {
    const reports = await this.progressByProject.load(projectCode);
    return reports.length ? reports[reports.length - 1] : null;
  }

  /** One page of the registry in code order; validates the arguments (BAD_USER_INPUT naming the argument). */
  async projectPage(args: ProjectsArgs): Promise<ProjectPage> {
    const q = projectPageQuery(args);
    const registry = await this.cache?.derived(this.models.Project, 'byCode', (docs) => [...docs].sort(compareBySort({ code: 1 })));
    let docs: ProjectDoc[];
    let totalCount: number;
    if (registry) {
      const matching = registry.filter(projectPredicate(args.filter));
      totalCount = matching.length;
      docs = matching.filter((p) => q.afterCode === null || p.code > q.afterCode).slice(0, q.limit + 1).map(ownCopy);
    } else {
      [docs, totalCount] = await Promise.all([
        this.models.Project.find(q.pageFilter).sort({ code: 1 }).limit(q.limit + 1).lean<ProjectDoc[]>(),
        this.models.Project.countDocuments(q.countFilter),
      ]);
    }
    const page = docs.slice(0, q.limit);
    for (const p of page) this.projectByCode.prime(p.code, p);
    const edges = page.map((node) => ({ cursor: encodeProjectCursor(node.code), node }));
    return {
      edges,
      pageInfo: { hasNextPage: docs.length > q.limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      totalCount,
    };
  }
}

/** Keys `project:<code>` and `enterprise:<uscc>`, answered by a single `$or` query per batch. */
function participantsLoader(models: HousingModels, cache?: CachedReads) {
  const order = { projectCode: 1, role: 1, uscc: 1 } as const;
  return new DataLoader<string, ParticipantDoc[]>(async (keys) => {
    const index = await cache?.derived(models.Participant, 'participants', (docs) => ({
      project: groupBy(docs, 'projectCode', order),
      enterprise: groupBy(docs, 'uscc', order),
    }));
    if (index) {
      return keys.map((k) => ((k.startsWith('project:') ? index.project.get(k.slice('project:'.length)) : index.enterprise.get(k.slice('enterprise:'.length))) ?? []).map(ownCopy));
    }
    const codes = new Set<string>();
    const usccs = new Set<string>();
    for (const k of keys) {
      if (k.startsWith('project:')) codes.add(k.slice('project:'.length));
      else usccs.add(k.slice('enterprise:'.length));
    }
    const or: Record<string, unknown>[] = [];
    if (codes.size) or.push({ projectCode: { $in: [...codes] } });
    if (usccs.size) or.push({ uscc: { $in: [...usccs] } });
    const docs = await models.Participant.find(or.length === 1 ? or[0] : { $or: or }).sort(order).lean<ParticipantDoc[]>();
    const byKey = new Map<string, ParticipantDoc[]>();
    const add = (k: string, d: ParticipantDoc) => (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(d);
    for (const d of docs) {
      if (codes.has(d.projectCode)) add(`project:${d.projectCode}`, d);
      if (usccs.has(d.uscc)) add(`enterprise:${d.uscc}`, d);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

export function createHousingDataLayer(conn: Connection): DataLayer<HousingData> {
  const models = createHousingModels(conn);
  const cache = new CollectionCache(conn);
  return {
    forRequest: () => new HousingData(models, cache.forRequest()),
    // The collections HousingData's loaders read through the cache (issue 17: no cold first request).
    warm: () => cache.warm([models.Project, models.Permit, models.Participant, models.Enterprise, models.Progress, models.Inspection], 'housing'),
  };
}
