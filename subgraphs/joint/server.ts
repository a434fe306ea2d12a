import type { SubgraphDefinition } from '../common/createSubgraph';
import { createJointDataLayer, type JointData, type JointOptions } from './data';
import { jointResolvers } from './resolvers';

/** 联合监管 joint supervision: cross-department views, the resource catalogue and the joint case file. */
export function createJointSubgraph(options: JointOptions = {}): SubgraphDefinition<JointData> {
  return {
    name: 'joint',
    resolvers: jointResolvers,
    createDataLayer: (conn) => createJointDataLayer(conn, options),
  };
}

export const jointSubgraph: SubgraphDefinition<JointData> = createJointSubgraph();
