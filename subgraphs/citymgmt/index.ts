import { runSubgraph } from '../common/runSubgraph';
import { citymgmtSubgraph } from './server';

void runSubgraph(citymgmtSubgraph);
