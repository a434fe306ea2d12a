import type { SubgraphContext } from '../../common/context';
import type { HrssData } from '../data';
import { listingInForce } from '../models/blacklist';
import { asOfArg, monthArg } from './args';
import { toProjectWageStatus, toWageArrears } from './wage';

type Ctx = SubgraphContext<HrssData>;

/** hrss does not own the registry: a reference is its key, and its fields load through DataLoaders. */
export const Project = {
  __resolveReference(ref: { code: string }) {
    return { code: ref.code };
  },
  workforce(p: { code: string }, _: unknown, ctx: Ctx) {
    return ctx.data.workforceByProject.load(p.code);
  },
  async wageStatus(p: { code: string }, args: { month: string; asOf?: string | null }, ctx: Ctx) {
    const asOf = asOfArg(args.asOf);
    return toProjectWageStatus(await ctx.data.projectWageStatus.load(`${monthArg(args.month)}|${asOf}|${p.code}`), asOf);
  },
};

export const Enterprise = {
  __resolveReference(ref: { uscc: string }) {
    return { uscc: ref.uscc };
  },
  workforce(e: { uscc: string }, _: unknown, ctx: Ctx) {
    return ctx.data.workforceByEmployer.load(e.uscc);
  },
  async wageArrears(e: { uscc: string }, args: { month: string; asOf?: string | null }, ctx: Ctx) {
    const asOf = asOfArg(args.asOf);
    const all = await ctx.data.wageArrears(monthArg(args.month), asOf);
    return all.filter((a) => a.employerUsccs.includes(e.uscc)).map((a) => toWageArrears(a, asOf));
  },
  async arrearsBlacklisting(e: { uscc: string }, args: { asOf?: string | null }, ctx: Ctx) {
    const date = asOfArg(args.asOf);
    const entries = await ctx.data.blacklistByUscc.load(e.uscc);
    return entries.filter((x) => listingInForce(x, date)).pop() ?? null;
  },
};
