import type { SubgraphDefinition } from '../common/createSubgraph';
import { createCitymgmtDataLayer, type CitymgmtData } from './data';
import { citymgmtResolvers } from './resolvers';

/** 城管 city management: 12345 hotline work orders, violations on sites, enforcement cases (首违不罚 included). */
export const citymgmtSubgraph: SubgraphDefinition<CitymgmtData> = {
  name: 'citymgmt',
  resolvers: citymgmtResolvers,
  createDataLayer: createCitymgmtDataLayer,
};
