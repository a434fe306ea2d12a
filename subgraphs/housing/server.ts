import type { SubgraphDefinition } from '../common/createSubgraph';
import { createHousingDataLayer, type HousingData } from './data';
import { housingResolvers } from './resolvers';

/** 住建 housing & construction: project registry, permits, participants, progress, inspections. */
export const housingSubgraph: SubgraphDefinition<HousingData> = {
  name: 'housing',
  resolvers: housingResolvers,
  createDataLayer: createHousingDataLayer,
};
