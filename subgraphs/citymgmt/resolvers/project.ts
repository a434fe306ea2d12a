import { period } from '../filters';
import type { ProjectComplaintsArgs, ProjectResolvers, ResolversParentTypes } from '../generated/resolvers';
import type { ComplaintDoc } from '../models/complaint';
import { OPEN_CASE_STATES } from '../models/vocabulary';
import type { Ctx } from './context';

/** The project's work orders within the period and category asked for (all loaded in one query). */
async function complaintsOf(p: ResolversParentTypes['Project'], args: Partial<ProjectComplaintsArgs>, ctx: Ctx): Promise<ComplaintDoc[]> {
  const { from, to } = period(args);
  const all = await ctx.data.complaintsByProject.load(p.code);
  return all.filter((c) => {
    const t = new Date(c.receivedAt).getTime();
    return (!from || t >= from.getTime()) && (!to || t < to.getTime()) && (!args.category || c.category === args.category);
  });
}

/** 住建 owns the registry: any code is accepted here and the fields simply come back empty. */
export const Project: ProjectResolvers = {
  __resolveReference(ref) {
    return { code: ref.code };
  },
  complaints: complaintsOf,
  async complaintCount(p, args, ctx) {
    return (await complaintsOf(p, args, ctx)).length;
  },
  violations(p, _, ctx) {
    return ctx.data.violationsByProject.load(p.code);
  },
  enforcementCases(p, _, ctx) {
    return ctx.data.casesByProject.load(p.code);
  },
  async openEnforcementCases(p, _, ctx) {
    return (await ctx.data.casesByProject.load(p.code)).filter((c) => OPEN_CASE_STATES.includes(c.state));
  },
};
