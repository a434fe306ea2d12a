import { validateProjectCode } from '../../../domain/projectCode';
import { checkUscc } from '../../../domain/uscc';
import { badInput } from '../../../lib/errors';
import type { SubgraphContext } from '../../common/context';
import type { HousingData } from '../data';
import type { ProjectsArgs } from '../projectFilter';

type Ctx = SubgraphContext<HousingData>;

export const Query = {
  project(_: unknown, args: { code: string }, ctx: Ctx) {
    const problem = validateProjectCode(args.code);
    if (problem) throw badInput('code', problem);
    return ctx.data.projectByCode.load(args.code);
  },
  projects(_: unknown, args: ProjectsArgs, ctx: Ctx) {
    return ctx.data.projectPage(args);
  },
  enterprise(_: unknown, args: { uscc: string }, ctx: Ctx) {
    const check = checkUscc(args.uscc);
    // A checksum mismatch is still looked up: such codes are stored and flagged for review.
    if (check.status === 'invalid') throw badInput('uscc', check.reason);
    return ctx.data.enterpriseByUscc.load(args.uscc);
  },
};
