import { runSubgraph } from '../common/runSubgraph';
import { hrssSubgraph } from './server';

void runSubgraph(hrssSubgraph);
