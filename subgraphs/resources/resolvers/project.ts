/**
 * 自然资源's fields of a project: the APPROVED side of the post-approval check. The project
 * registry belongs to 住建, so a reference resolves to its key and every field loads the project's
 * permits through one batched query.
 */
import type { ProjectResolvers, ResolversParentTypes } from '../generated/resolvers';
import type { PermitKind, PlanningPermitDoc } from '../models/planningPermit';
import type { Ctx } from './context';

type ProjectRef = ResolversParentTypes['Project'];

function permitsOf(p: ProjectRef, ctx: Ctx): Promise<PlanningPermitDoc[]> {
  return ctx.data.permitsByProject.load(p.code);
}

/** Permits come oldest first, so the last one of a kind is the one in force. */
function latest(permits: PlanningPermitDoc[], kind: PermitKind): PlanningPermitDoc | null {
  for (let i = permits.length - 1; i >= 0; i--) if (permits[i].kind === kind) return permits[i];
  return null;
}

function engineering(permits: PlanningPermitDoc[]): PlanningPermitDoc[] {
  return permits.filter((p) => p.kind === 'ENGINEERING');
}

export const Project: ProjectResolvers = {
  __resolveReference(ref) {
    return { code: ref.code };
  },
  planningPermits(p, _, ctx) {
    return permitsOf(p, ctx);
  },
  async landUsePlanningPermit(p, _, ctx) {
    return latest(await permitsOf(p, ctx), 'LAND_USE');
  },
  async engineeringPlanningPermit(p, _, ctx) {
    return latest(await permitsOf(p, ctx), 'ENGINEERING');
  },
  async parcel(p, _, ctx) {
    const permits = await permitsOf(p, ctx);
    const source = latest(permits, 'ENGINEERING') ?? latest(permits, 'LAND_USE');
    return source ? ctx.data.parcelByCode.load(source.parcelCode) : null;
  },
  async approvedFloorArea(p, _, ctx) {
    const areas = engineering(await permitsOf(p, ctx)).map((e) => e.approvedFloorArea).filter((a): a is number => a !== null);
    return areas.length ? areas.reduce((sum, a) => sum + a, 0) : null;
  },
  async approvedHeight(p, _, ctx) {
    const heights = engineering(await permitsOf(p, ctx)).map((e) => e.approvedHeight).filter((h): h is number => h !== null);
    return heights.length ? Math.max(...heights) : null;
  },
  async approvedUse(p, _, ctx) {
    const permits = await permitsOf(p, ctx);
    return (latest(permits, 'ENGINEERING') ?? latest(permits, 'LAND_USE'))?.approvedUse ?? null;
  },
};
