import { validateProjectCode } from '../../../domain/projectCode';
import { badInput } from '../../../lib/errors';
import type { SubgraphContext } from '../../common/context';
import type { HousingData } from '../data';

type Ctx = SubgraphContext<HousingData>;

export const Query = {
  project(_: unknown, args: { code: string }, ctx: Ctx) {
    const problem = validateProjectCode(args.code);
    if (problem) throw badInput('code', problem);
    return ctx.data.projectByCode.load(args.code);
  },
};
