/** The 住建 subgraph's data access: resolvers call this, never mongoose. */
import type { Connection } from 'mongoose';
import type { DataLayer } from '../common/createSubgraph';
import { byKeyLoader, groupLoader } from '../common/loaders';
import { createHousingModels, type HousingModels } from './models';
import type { EnterpriseDoc } from './models/enterprise';
import type { ParticipantDoc } from './models/participant';
import type { PermitDoc } from './models/permit';
import type { ProgressDoc } from './models/progress';
import type { ProjectDoc } from './models/project';
import { encodeProjectCursor, projectPageQuery, type ProjectsArgs } from './projectFilter';

export interface ProjectPage {
  edges: { cursor: string; node: ProjectDoc }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export class HousingData {
  readonly projectByCode;
  readonly permitByProject;
  readonly participantsByProject;
  readonly participantsByUscc;
  readonly enterpriseByUscc;
  /** Oldest first: the latest report is the last one. */
  readonly progressByProject;

  constructor(private readonly models: HousingModels) {
    this.projectByCode = byKeyLoader<ProjectDoc>(models.Project, 'code');
    this.permitByProject = byKeyLoader<PermitDoc>(models.Permit, 'projectCode');
    this.participantsByProject = groupLoader<ParticipantDoc>(models.Participant, 'projectCode', { sort: { role: 1, uscc: 1 } });
    this.participantsByUscc = groupLoader<ParticipantDoc>(models.Participant, 'uscc', { sort: { projectCode: 1, role: 1 } });
    this.enterpriseByUscc = byKeyLoader<EnterpriseDoc>(models.Enterprise, 'uscc');
    this.progressByProject = groupLoader<ProgressDoc>(models.Progress, 'projectCode', { sort: { reportDate: 1 } });
  }

  async latestProgress(projectCode: string): Promise<ProgressDoc | null> {
    const reports = await this.progressByProject.load(projectCode);
    return reports.length ? reports[reports.length - 1] : null;
  }

  /** One page of the registry in code order; validates the arguments (BAD_USER_INPUT naming the argument). */
  async projectPage(args: ProjectsArgs): Promise<ProjectPage> {
    const q = projectPageQuery(args);
    const [docs, totalCount] = await Promise.all([
      this.models.Project.find(q.pageFilter).sort({ code: 1 }).limit(q.limit + 1).lean<ProjectDoc[]>(),
      this.models.Project.countDocuments(q.countFilter),
    ]);
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

export function createHousingDataLayer(conn: Connection): DataLayer<HousingData> {
  const models = createHousingModels(conn);
  return { forRequest: () => new HousingData(models) };
}
