import type { SubgraphContext } from '../../common/context';
import type { JointData } from '../data';
import { caseResolvers } from './cases';

type Ctx = SubgraphContext<JointData>;

export const jointResolvers = {
  JSON: caseResolvers.JSON,
  Query: {
    catalog(_: unknown, args: { subgraph?: string | null; type?: string | null }, ctx: Ctx) {
      return ctx.data.catalogFields(args);
    },
    ...caseResolvers.Query,
  },
  Mutation: caseResolvers.Mutation,
  JointCase: caseResolvers.JointCase,
};
