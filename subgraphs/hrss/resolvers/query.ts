import { badInput } from '../../../lib/errors';
import type { SubgraphContext } from '../../common/context';
import type { HrssData } from '../data';
import { asOfArg, districtArg, monthArg, WORKER_ID_PATTERN } from './args';
import { toWageArrears } from './wage';

type Ctx = SubgraphContext<HrssData>;

export const Query = {
  worker(_: unknown, args: { workerId: string }, ctx: Ctx) {
    if (!WORKER_ID_PATTERN.test(args.workerId)) throw badInput('workerId', 'must be "W" followed by 20 upper-case hex characters');
    return ctx.data.currentRegistration(args.workerId);
  },
  async wageArrears(_: unknown, args: { month: string; district?: string | null; asOf?: string | null }, ctx: Ctx) {
    const month = monthArg(args.month);
    const district = districtArg(args.district);
    const asOf = asOfArg(args.asOf);
    return (await ctx.data.wageArrears(month, asOf, district)).map((a) => toWageArrears(a, asOf));
  },
};
