import type { SubgraphDefinition } from '../common/createSubgraph';
import { createEnvironmentDataLayer, type EnvironmentData } from './data';
import { environmentResolvers } from './resolvers';

/** 生态环境 ecology & environment: site monitoring stations (HJ 212), readings, exceedances, night-work permits. */
export const environmentSubgraph: SubgraphDefinition<EnvironmentData> = {
  name: 'environment',
  resolvers: environmentResolvers,
  createDataLayer: createEnvironmentDataLayer,
};
