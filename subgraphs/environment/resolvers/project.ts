import { parseExceedancePeriod } from '../period';
import { exceedanceView } from './exceedance';
import { pollutantCode, type Ctx } from './shared';

export const Project = {
  __resolveReference(ref: { code: string }) {
    // 住建 owns the registry; this subgraph's fields load by code through the data layer.
    return { code: ref.code };
  },
  stations(p: { code: string }, _: unknown, ctx: Ctx) {
    return ctx.data.stationsByProject.load(p.code);
  },
  nightWorkPermits(p: { code: string }, _: unknown, ctx: Ctx) {
    return ctx.data.permitsByProject.load(p.code);
  },
  async exceedances(p: { code: string }, args: { from: string; to: string; pollutant?: string | null }, ctx: Ctx) {
    const period = parseExceedancePeriod(args.from, args.to);
    const all = await ctx.data.exceedances(period, pollutantCode(args.pollutant, ctx.data.rules));
    return all.filter((e) => e.projectCode === p.code).map((e) => exceedanceView(e, ctx));
  },
  async exceedanceSummary(p: { code: string }, args: { from: string; to: string }, ctx: Ctx) {
    const period = parseExceedancePeriod(args.from, args.to);
    const own = (await ctx.data.exceedances(period)).filter((e) => e.projectCode === p.code);
    const days = new Set(own.map((e) => new Date(e.periodStart.getTime() + ctx.data.rules.utcOffsetHours * 3_600_000).toISOString().slice(0, 10)));
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      total: own.length,
      nightNoise: own.filter((e) => e.kind === 'noise' && e.timeOfDay === 'NIGHT').length,
      dayNoise: own.filter((e) => e.kind === 'noise' && e.timeOfDay === 'DAY').length,
      dust: own.filter((e) => e.kind !== 'noise').length,
      daysWithExceedances: days.size,
    };
  },
};
