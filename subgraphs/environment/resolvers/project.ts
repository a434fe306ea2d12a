import { parseExceedancePeriod } from '../period';
import { exceedanceView } from './exceedance';
import type { ProjectResolvers } from '../generated/resolvers';
import { pollutantCode } from './shared';

export const Project: ProjectResolvers = {
  __resolveReference(ref) {
    // 住建 owns the registry; this subgraph's fields load by code through the data layer.
    return { code: ref.code };
  },
  stations(p, _, ctx) {
    return ctx.data.stationsByProject.load(p.code);
  },
  nightWorkPermits(p, _, ctx) {
    return ctx.data.permitsByProject.load(p.code);
  },
  async exceedances(p, args, ctx) {
    const period = parseExceedancePeriod(args.from, args.to);
    const all = await ctx.data.exceedances(period, pollutantCode(args.pollutant, ctx.data.rules));
    return all.filter((e) => e.projectCode === p.code).map((e) => exceedanceView(e, ctx));
  },
  async exceedanceSummary(p, args, ctx) {
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
