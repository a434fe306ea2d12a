import type { SubgraphDefinition } from '../common/createSubgraph';
import { createJointDataLayer, type JointData } from './data';
import { jointResolvers } from './resolvers';

/** 联合监管 joint supervision: cross-department views and the resource catalogue. */
export const jointSubgraph: SubgraphDefinition<JointData> = {
  name: 'joint',
  resolvers: jointResolvers as SubgraphDefinition<JointData>['resolvers'],
  createDataLayer: createJointDataLayer,
};
