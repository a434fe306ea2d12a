import { badInput } from '../../../lib/errors';
import type { QueryResolvers } from '../generated/resolvers';
import { asOfArg, districtArg, monthArg, WORKER_ID_PATTERN } from './args';
import { toWageArrears } from './wage';

export const Query: QueryResolvers = {
  worker(_, args, ctx) {
    if (!WORKER_ID_PATTERN.test(args.workerId)) throw badInput('workerId', 'must be "W" followed by 20 upper-case hex characters');
    return ctx.data.currentRegistration(args.workerId);
  },
  async wageArrears(_, args, ctx) {
    const month = monthArg(args.month);
    const district = districtArg(args.district);
    const asOf = asOfArg(args.asOf);
    return (await ctx.data.wageArrears(month, asOf, district)).map((a) => toWageArrears(a, asOf));
  },
};
