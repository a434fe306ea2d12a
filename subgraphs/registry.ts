/** Every subgraph definition by name, for the single-machine start and the tests. */
import type { SubgraphName } from '../lib/config';
import type { SubgraphDefinition } from './common/createSubgraph';
import { housingSubgraph } from './housing/server';
import { resourcesSubgraph } from './resources/server';
import { citymgmtSubgraph } from './citymgmt/server';
import { hrssSubgraph } from './hrss/server';
import { environmentSubgraph } from './environment/server';
import { jointSubgraph } from './joint/server';

export const SUBGRAPHS: Partial<Record<SubgraphName, SubgraphDefinition<any>>> = {
  housing: housingSubgraph,
  resources: resourcesSubgraph,
  citymgmt: citymgmtSubgraph,
  hrss: hrssSubgraph,
  environment: environmentSubgraph,
  joint: jointSubgraph,
};
