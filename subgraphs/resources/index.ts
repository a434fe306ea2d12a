import { runSubgraph } from '../common/runSubgraph';
import { resourcesSubgraph } from './server';

void runSubgraph(resourcesSubgraph);
