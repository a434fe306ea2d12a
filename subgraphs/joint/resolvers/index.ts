import type { Resolvers } from '../generated/resolvers';
import { caseResolvers } from './cases';

export const jointResolvers: Resolvers = {
  JSON: caseResolvers.JSON,
  Query: {
    catalog(_, args, ctx) {
      return ctx.data.catalogFields(args);
    },
    ...caseResolvers.Query,
  },
  Mutation: caseResolvers.Mutation,
  JointCase: caseResolvers.JointCase,
};
