import { runSubgraph } from '../common/runSubgraph';
import { jointSubgraph } from './server';

void runSubgraph(jointSubgraph);
