import { runSubgraph } from '../common/runSubgraph';
import { environmentSubgraph } from './server';

void runSubgraph(environmentSubgraph);
