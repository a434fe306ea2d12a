import type { SubgraphContext } from '../../common/context';
import type { JointData } from '../data';

type Ctx = SubgraphContext<JointData>;

export const jointResolvers = {
  Query: {
    catalog(_: unknown, args: { subgraph?: string | null; type?: string | null }, ctx: Ctx) {
      return ctx.data.catalogFields(args);
    },
  },
};
