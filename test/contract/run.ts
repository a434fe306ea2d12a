/**
 * npm run contract -- --url <gateway URL> --token <JWT> [--subgraph name=url …] [--subgraphs-from-supergraph]
 *                     [--expired-token <JWT>] [--key Type=value …] [--junit FILE]
 *
 * Runs the contract suite against any deployment (docs/contract-testing.md); prints one line per check
 * and a closing "N passed, M failed, K skipped" line; writes JUnit XML with --junit; exits 1 when a
 * check failed (2 on a usage error). CONTRACT_TOKEN / CONTRACT_EXPIRED_TOKEN may hold the tokens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../lib/config';
import { runContract } from './checks';
import { junitXml } from './junit';
import { counts } from './results';

const USAGE =
  'usage: npm run contract -- --url <gateway URL> --token <JWT> [--subgraph name=url …] [--subgraphs-from-supergraph] [--expired-token <JWT>] [--key Type=value …] [--junit FILE]\n';

function values(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => a === name && args[i + 1] && out.push(args[i + 1]));
  return out;
}

function pairs(list: string[], flag: string): [string, string][] {
  return list.map((s) => {
    const i = s.indexOf('=');
    if (i <= 0 || i === s.length - 1) {
      process.stderr.write(`${flag} expects name=value, got "${s}"\n${USAGE}`);
      process.exit(2);
    }
    return [s.slice(0, i), s.slice(i + 1)];
  });
}

/** The subgraph URLs composed into the committed supergraph (npm start's: localhost:4001…4006). */
function subgraphsFromSupergraph(): Record<string, string> {
  const sdl = fs.readFileSync(path.join(ROOT_DIR, 'schema', 'supergraph.graphql'), 'utf8');
  return Object.fromEntries([...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((m) => [m[1], m[2]]));
}

async function main() {
  const args = process.argv.slice(2);
  const url = values(args, '--url')[0];
  const token = values(args, '--token')[0] ?? process.env.CONTRACT_TOKEN;
  if (!url || !token) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const subgraphs = {
    ...(args.includes('--subgraphs-from-supergraph') ? subgraphsFromSupergraph() : {}),
    ...Object.fromEntries(pairs(values(args, '--subgraph'), '--subgraph')),
  };
  const keys: Record<string, string[]> = {};
  for (const [type, key] of pairs(values(args, '--key'), '--key')) (keys[type] ??= []).push(key);
  const results = await runContract({
    gatewayUrl: url,
    token,
    subgraphs,
    expiredToken: values(args, '--expired-token')[0] ?? process.env.CONTRACT_EXPIRED_TOKEN,
    keys,
  });
  const mark = { passed: 'ok     ', failed: 'FAILED ', skipped: 'skipped' } as const;
  for (const r of results) process.stdout.write(`${mark[r.status]} [${r.suite}] ${r.name}${r.detail ? ` — ${r.detail}` : ''}\n`);
  const c = counts(results);
  process.stdout.write(`${c.tests} checks: ${c.passed} passed, ${c.failures} failed, ${c.skipped} skipped\n`);
  const junitFile = values(args, '--junit')[0];
  if (junitFile) {
    fs.mkdirSync(path.dirname(path.resolve(junitFile)), { recursive: true });
    fs.writeFileSync(junitFile, junitXml(results));
    process.stdout.write(`JUnit XML written to ${junitFile}\n`);
  }
  process.exitCode = c.failures ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`contract suite could not run: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
