import type { SubgraphContext } from '../../common/context';
import type { CitymgmtData } from '../data';
import { caseCriteria, complaintCriteria, violationCriteria } from '../filters';
import { pageRequest } from '../pagination';

type Ctx = SubgraphContext<CitymgmtData>;
interface ListArgs {
  filter?: Record<string, unknown> | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  complaints(_: unknown, args: ListArgs, ctx: Ctx) {
    return ctx.data.complaints(complaintCriteria(args.filter), pageRequest(args.first, args.after));
  },
  violations(_: unknown, args: ListArgs, ctx: Ctx) {
    return ctx.data.violations(violationCriteria(args.filter), pageRequest(args.first, args.after));
  },
  enforcementCases(_: unknown, args: ListArgs, ctx: Ctx) {
    return ctx.data.enforcementCases(caseCriteria(args.filter), pageRequest(args.first, args.after));
  },
};
