/**
 * Composes schema/<name>.graphql of every subgraph listed in schema/subgraphs.json into the
 * supergraph. `npm run compose` writes schema/supergraph.graphql, and its copy in the Helm chart (a chart cannot
 * read outside its folder; deploy.test.ts checks the two are equal); it fails on composition errors.
 * The supergraph is never edited by hand: a test compares the committed file with a fresh composition.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const SCHEMA_DIR = __dirname;
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
/** The Helm chart's copy, served from a ConfigMap (deploy/helm/xietong/templates). */
export const CHART_SUPERGRAPH_PATH = path.join(SCHEMA_DIR, '..', 'deploy', 'helm', 'xietong', 'files', 'supergraph.graphql');

export function listedSubgraphs(): Record<string, string> {
  const cfg = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'subgraphs.json'), 'utf8')) as { subgraphs: Record<string, string> };
  return cfg.subgraphs;
}

export function composeSupergraph(): string {
  const services = Object.entries(listedSubgraphs()).map(([name, url]) => {
    const file = path.join(SCHEMA_DIR, `${name}.graphql`);
    return { name, url, typeDefs: parse(fs.readFileSync(file, 'utf8')) };
  });
  const result = composeServices(services);
  if (result.errors) {
    throw new Error('Composition failed:\n' + result.errors.map((e) => `- ${e.message}`).join('\n'));
  }
  return result.supergraphSdl;
}

if (require.main === module) {
  try {
    const sdl = composeSupergraph();
    fs.writeFileSync(SUPERGRAPH_PATH, sdl);
    fs.writeFileSync(CHART_SUPERGRAPH_PATH, sdl);
    process.stdout.write(`wrote ${path.relative(process.cwd(), SUPERGRAPH_PATH)} (${Object.keys(listedSubgraphs()).length} subgraphs)\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
