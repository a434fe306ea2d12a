import type { SubgraphDefinition } from '../common/createSubgraph';
import { createHrssDataLayer, type HrssData } from './data';
import { hrssResolvers } from './resolvers';

/** 人社 HR & social security: real-name workers, attendance, 总包代发 payroll, wage arrears. */
export const hrssSubgraph: SubgraphDefinition<HrssData> = {
  name: 'hrss',
  resolvers: hrssResolvers,
  createDataLayer: createHrssDataLayer,
};
