import type { SubgraphContext } from '../../common/context';
import type { CitymgmtData } from '../data';
import { period } from '../filters';
import type { ComplaintDoc } from '../models/complaint';
import { OPEN_CASE_STATES, type ComplaintCategory } from '../models/vocabulary';

type Ctx = SubgraphContext<CitymgmtData>;
type ProjectRef = { code: string };
interface ComplaintArgs {
  from?: string | null;
  to?: string | null;
  category?: ComplaintCategory | null;
}

/** The project's work orders within the period and category asked for (all loaded in one query). */
async function complaintsOf(p: ProjectRef, args: ComplaintArgs, ctx: Ctx): Promise<ComplaintDoc[]> {
  const { from, to } = period(args);
  const all = await ctx.data.complaintsByProject.load(p.code);
  return all.filter((c) => {
    const t = new Date(c.receivedAt).getTime();
    return (!from || t >= from.getTime()) && (!to || t < to.getTime()) && (!args.category || c.category === args.category);
  });
}

/** 住建 owns the registry: any code is accepted here and the fields simply come back empty. */
export const Project = {
  __resolveReference(ref: ProjectRef) {
    return { code: ref.code };
  },
  complaints: complaintsOf,
  async complaintCount(p: ProjectRef, args: ComplaintArgs, ctx: Ctx) {
    return (await complaintsOf(p, args, ctx)).length;
  },
  violations(p: ProjectRef, _: unknown, ctx: Ctx) {
    return ctx.data.violationsByProject.load(p.code);
  },
  enforcementCases(p: ProjectRef, _: unknown, ctx: Ctx) {
    return ctx.data.casesByProject.load(p.code);
  },
  async openEnforcementCases(p: ProjectRef, _: unknown, ctx: Ctx) {
    return (await ctx.data.casesByProject.load(p.code)).filter((c) => OPEN_CASE_STATES.includes(c.state));
  },
};
