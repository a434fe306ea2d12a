import type { SubgraphDefinition } from '../common/createSubgraph';
import { createResourcesDataLayer, type ResourcesData } from './data';
import { resourcesResolvers } from './resolvers';

/** 自然资源 natural resources and planning: parcels and red lines, land-use and engineering planning permits. */
export const resourcesSubgraph: SubgraphDefinition<ResourcesData> = {
  name: 'resources',
  resolvers: resourcesResolvers,
  createDataLayer: createResourcesDataLayer,
};
