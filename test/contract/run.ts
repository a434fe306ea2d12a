/**
 * npm run contract -- --url <gateway URL> --token <JWT> [--subgraph name=url …]
 * Runs the contract suite against any deployment; prints one line per check and a closing
 * "N passed, M failed" line; exits 1 when a check failed. CONTRACT_TOKEN may hold the token.
 */
import { runContract } from './checks';

function values(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => a === name && args[i + 1] && out.push(args[i + 1]));
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const url = values(args, '--url')[0];
  const token = values(args, '--token')[0] ?? process.env.CONTRACT_TOKEN;
  if (!url || !token) {
    process.stderr.write('usage: npm run contract -- --url <gateway URL> --token <JWT> [--subgraph name=url …]\n');
    process.exit(2);
  }
  const subgraphs = Object.fromEntries(values(args, '--subgraph').map((s) => s.split('=', 2) as [string, string]));
  const results = await runContract({ gatewayUrl: url, token, subgraphs });
  for (const r of results) process.stdout.write(`${r.ok ? 'ok    ' : 'FAILED'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}\n`);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
  process.exitCode = failed ? 1 : 0;
}

void main();
