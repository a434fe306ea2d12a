/**
 * Which subgraphs the benchmark serves: by default those schema/subgraphs.json lists at run time;
 * `--subgraphs all` takes every subgraph with an SDL file and a definition (subgraphs/registry.ts,
 * or `<name>Subgraph` exported by subgraphs/<name>/server.ts while the registry does not list it yet).
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { ROOT_DIR, SUBGRAPH_NAMES, type SubgraphName } from '../../lib/config';
import { listedSubgraphs } from '../../schema/compose';
import type { SubgraphDefinition } from '../../subgraphs/common/createSubgraph';
import { loadSubgraphSdl, subgraphSdlPath } from '../../subgraphs/common/createSubgraph';
import { SUBGRAPHS } from '../../subgraphs/registry';

export function subgraphDefinition(name: SubgraphName): SubgraphDefinition<unknown> | undefined {
  const registered = SUBGRAPHS[name];
  if (registered) return registered;
  const file = path.join(ROOT_DIR, 'subgraphs', name, 'server.ts');
  if (!fs.existsSync(file)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Record<string, unknown>;
  return mod[`${name}Subgraph`] as SubgraphDefinition<unknown> | undefined;
}

/** Why a subgraph cannot be served now, or undefined when it can. */
function unusable(name: SubgraphName): string | undefined {
  if (!fs.existsSync(subgraphSdlPath(name))) return 'no SDL file';
  try {
    parse(fs.readFileSync(subgraphSdlPath(name), 'utf8'));
  } catch (e) {
    return `SDL does not parse: ${(e as Error).message.split('\n')[0]}`;
  }
  try {
    if (!subgraphDefinition(name)) return 'no subgraph definition';
  } catch (e) {
    return `definition does not load: ${(e as Error).message.split('\n')[0]}`;
  }
  return undefined;
}

export interface SubgraphChoice {
  names: SubgraphName[];
  /** Asked for (listed, named or `all`) but not served, and why. */
  skipped: { name: string; why: string }[];
  source: 'schema/subgraphs.json' | '--subgraphs';
}

export function chooseSubgraphs(option: string | undefined): SubgraphChoice {
  const wanted =
    option === undefined ? Object.keys(listedSubgraphs()) : option === 'all' ? [...SUBGRAPH_NAMES] : option.split(',').map((s) => s.trim());
  const names: SubgraphName[] = [];
  const skipped: SubgraphChoice['skipped'] = [];
  for (const n of wanted) {
    const why = (SUBGRAPH_NAMES as readonly string[]).includes(n) ? unusable(n as SubgraphName) : 'not a subgraph name';
    if (why) skipped.push({ name: n, why });
    else names.push(n as SubgraphName);
  }
  // Only `all` may leave some out: a listed or named subgraph that cannot be served is an error.
  if (option !== 'all' && skipped.length) {
    throw new Error(`cannot serve ${skipped.map((s) => `${s.name} (${s.why})`).join(', ')}`);
  }
  if (!names.length) throw new Error('no subgraph to serve');
  return { names, skipped, source: option === undefined ? 'schema/subgraphs.json' : '--subgraphs' };
}

/** Composes the chosen subgraphs' SDL files with the URLs of the subgraphs this run started. */
export function composeWith(urls: Record<string, string>): string {
  const result = composeServices(
    Object.entries(urls).map(([name, url]) => ({ name, url, typeDefs: parse(loadSubgraphSdl(name as SubgraphName)) })),
  );
  if (result.errors) throw new Error('composition failed:\n' + result.errors.map((e) => `- ${e.message}`).join('\n'));
  return result.supergraphSdl;
}
