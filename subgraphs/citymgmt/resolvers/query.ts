import { caseCriteria, complaintCriteria, violationCriteria } from '../filters';
import type { QueryResolvers } from '../generated/resolvers';
import { pageRequest } from '../pagination';

export const Query: QueryResolvers = {
  complaints(_, args, ctx) {
    return ctx.data.complaints(complaintCriteria(args.filter), pageRequest(args.first, args.after));
  },
  violations(_, args, ctx) {
    return ctx.data.violations(violationCriteria(args.filter), pageRequest(args.first, args.after));
  },
  enforcementCases(_, args, ctx) {
    return ctx.data.enforcementCases(caseCriteria(args.filter), pageRequest(args.first, args.after));
  },
};
