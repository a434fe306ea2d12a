import { runSubgraph } from '../common/runSubgraph';
import { housingSubgraph } from './server';

void runSubgraph(housingSubgraph);
