import { validateProjectCode } from '../../../domain/projectCode';
import { checkUscc } from '../../../domain/uscc';
import { badInput } from '../../../lib/errors';
import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  project(_, args, ctx) {
    const problem = validateProjectCode(args.code);
    if (problem) throw badInput('code', problem);
    return ctx.data.projectByCode.load(args.code);
  },
  projects(_, args, ctx) {
    return ctx.data.projectPage(args);
  },
  enterprise(_, args, ctx) {
    const check = checkUscc(args.uscc);
    // A checksum mismatch is still looked up: such codes are stored and flagged for review.
    if (check.status === 'invalid') throw badInput('uscc', check.reason);
    return ctx.data.enterpriseByUscc.load(args.uscc);
  },
};
