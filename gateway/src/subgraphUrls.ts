import { readEnv, type SubgraphName } from '../../lib/config';

const NAMES: SubgraphName[] = ['housing', 'resources', 'citymgmt', 'hrss', 'environment', 'joint'];

/** SUBGRAPH_URL_<NAME> overrides the URL composed into the supergraph (e.g. per deployment). */
export function subgraphUrlsFromEnv(): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const n of NAMES) {
    const v = readEnv(`SUBGRAPH_URL_${n.toUpperCase()}`);
    if (v) urls[n] = v;
  }
  return urls;
}
