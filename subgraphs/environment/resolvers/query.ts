import { validateMn } from '../../../domain/mn';
import { badInput } from '../../../lib/errors';
import { parseExceedancePeriod } from '../period';
import { exceedanceView } from './exceedance';
import type { QueryResolvers } from '../generated/resolvers';
import { pollutantCode } from './shared';

export const Query: QueryResolvers = {
  station(_, args, ctx) {
    const problem = validateMn(args.mn);
    if (problem) throw badInput('mn', problem);
    return ctx.data.stationByMn.load(args.mn);
  },
  async exceedances(_, args, ctx) {
    const period = parseExceedancePeriod(args.from, args.to);
    const pollutant = pollutantCode(args.pollutant, ctx.data.rules);
    const district = args.district ?? undefined;
    if (district !== undefined && !/^\d{6}$/.test(district)) throw badInput('district', `"${district}" is not a 6-digit GB/T 2260 code`);
    const all = await ctx.data.exceedances(period, pollutant);
    return all.filter((e) => district === undefined || e.district === district).map((e) => exceedanceView(e, ctx));
  },
};
