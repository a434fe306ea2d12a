import type { EnterpriseResolvers, ProjectResolvers } from '../generated/resolvers';
import { listingInForce } from '../models/blacklist';
import { asOfArg, monthArg } from './args';
import { toProjectWageStatus, toWageArrears } from './wage';

/** hrss does not own the registry: a reference is its key, and its fields load through DataLoaders. */
export const Project: ProjectResolvers = {
  __resolveReference(ref) {
    return { code: ref.code };
  },
  workforce(p, _, ctx) {
    return ctx.data.workforceByProject.load(p.code);
  },
  async wageStatus(p, args, ctx) {
    const asOf = asOfArg(args.asOf);
    return toProjectWageStatus(await ctx.data.projectWageStatus.load(`${monthArg(args.month)}|${asOf}|${p.code}`), asOf);
  },
};

export const Enterprise: EnterpriseResolvers = {
  __resolveReference(ref) {
    return { uscc: ref.uscc };
  },
  workforce(e, _, ctx) {
    return ctx.data.workforceByEmployer.load(e.uscc);
  },
  async wageArrears(e, args, ctx) {
    const asOf = asOfArg(args.asOf);
    const all = await ctx.data.wageArrears(monthArg(args.month), asOf);
    return all.filter((a) => a.employerUsccs.includes(e.uscc)).map((a) => toWageArrears(a, asOf));
  },
  async arrearsBlacklisting(e, args, ctx) {
    const date = asOfArg(args.asOf);
    const entries = await ctx.data.blacklistByUscc.load(e.uscc);
    return entries.filter((x) => listingInForce(x, date)).pop() ?? null;
  },
};
