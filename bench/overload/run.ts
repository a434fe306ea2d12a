/**
 * bench/overload: `npm start`'s system (scripts/start.ts, supervised processes) on a demo city, then
 * N concurrent callers (default 200), each with its own token, for S seconds (default 20), alternating
 * bench/graph's 50-project list and unified view of one project (as a `joint` caller with the purposes
 * they need), plus a `{ __typename }` probe every 250 ms.
 * Prints JSON: requests served / shed / failed by code, p50/p99 of the served ones, the probe's latency,
 * and the peak RSS of every process. `--root <checkout>` runs another checkout's start (e.g. the
 * single-process start before ADR 0008) against the same data and load.
 *
 *   npm run bench:overload -- [--callers 200] [--seconds 20] [--projects 100] [--root DIR]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, ROOT_DIR, type SubgraphName } from '../../lib/config';
import { listedSubgraphs } from '../../schema/compose';
import { buildQueries, LIST_SIZE, loadModels } from '../graph/queries';
import { flag, machineInfo } from '../common/storeRun';
import { startSupervised } from '../../test/harness/supervised';
import { runCallers } from './callers';
import { watchPeakRss } from './rss';

// bench/graph's two queries: the unified view of one project (every readable field of every
// department) and the 50-project list, built from the SDL files and catalogues present now.
const BUILT = buildQueries(loadModels(Object.keys(listedSubgraphs()) as SubgraphName[]));

function textFlag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const callers = flag('--callers', 200);
  const seconds = flag('--seconds', 20);
  const projects = flag('--projects', 100);
  const root = path.resolve(textFlag('--root') ?? ROOT_DIR);
  const dir = path.join(dataDir(), 'bench-overload', String(projects));
  fs.mkdirSync(dir, { recursive: true });

  const t0 = Date.now();
  // HJ212_PORT=off in our environment is kept (a checkout without the listener's own process).
  const keep: Record<string, string> = process.env.HJ212_PORT === 'off' ? { HJ212_PORT: 'off' } : {};
  const system = await startSupervised({ dataDir: dir, root, env: { XIETONG_DEMO_PROJECTS: String(projects), XIETONG_BUILD_DIR: path.join(ROOT_DIR, '.build'), ...keep } });
  try {
    const startSeconds = (Date.now() - t0) / 1000;
    const token = (sub: string) => system.token({ sub, dept: 'joint', purposes: BUILT.purposes });
    const first = await fetch(system.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token('overload-setup')}` },
      body: JSON.stringify({ query: BUILT.list, variables: { first: LIST_SIZE } }),
    }).then((r) => r.json() as Promise<{ data: { projects: { edges: { node: { code: string } }[] } } }>);
    const code = first.data.projects.edges[0].node.code;
    const rss = watchPeakRss(system.child.pid!);
    const result = await runCallers({
      url: system.url,
      tokens: Array.from({ length: callers }, (_, i) => token(`overload-caller-${i}`)),
      probeToken: token('overload-probe'),
      operations: [
        { query: BUILT.list, variables: { first: LIST_SIZE } },
        { query: BUILT.project, variables: { code } },
      ],
      seconds,
    });
    const peakRssMb = rss.stop();
    const cpuSeconds = rss.cpuSeconds();
    const cpuMs = Object.values(cpuSeconds).reduce((a, b) => a + b, 0) * 1000;
    // Per answer of any kind, and per served answer (what the work that got done cost, refusals included).
    const cpuMsPerRequest = Math.round((cpuMs * 10) / result.requests) / 10;
    const cpuMsPerServed = Math.round((cpuMs * 10) / Math.max(1, result.served)) / 10;
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    process.stdout.write(
      JSON.stringify({ bench: 'overload', commit, callers, seconds, projects, startSeconds, ...result, peakRssMb, cpuSeconds, cpuMsPerRequest, cpuMsPerServed, machine: machineInfo() }, null, 2) + '\n',
    );
  } finally {
    await system.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
