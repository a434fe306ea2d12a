import type { Resolvers } from '../generated/resolvers';
import { caseResolvers } from './cases';
import { riskResolvers } from './risk';

export const jointResolvers: Resolvers = {
  JSON: caseResolvers.JSON,
  Query: {
    catalog(_, args, ctx) {
      return ctx.data.catalogFields(args);
    },
    ...caseResolvers.Query,
    ...riskResolvers.Query,
  },
  Mutation: { ...caseResolvers.Mutation, ...riskResolvers.Mutation },
  JointCase: caseResolvers.JointCase,
  Project: riskResolvers.Project,
  Enterprise: riskResolvers.Enterprise,
};
