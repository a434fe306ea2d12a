/**
 * bench/scale: a city of N projects (default 1,000), the way a user runs it: seeded through the
 * adapters into a fresh embedded store (timed per source), then `npm start`'s supervised system on that
 * data dir (test/harness/supervised.ts: one process per subgraph, the gateway and the HJ 212 listener,
 * each with its own heap, which is what peak RSS per process must be measured on), and one caller
 * asking in sequence:
 *   1. the 50-project list and the unified view of one project, once each right after the start (cold:
 *      nothing asked them before), then the unified view `--samples` times over the listed projects and
 *      the list `--samples / 2` times (p50 / p99);
 *   2. `wageArrears` for a month and `exceedances` for 30 days, each once (cold) and `--warm` more times
 *      (warm p50). The finders come last: one that times out at the gateway goes on computing in its
 *      subgraph and the store, and would slow whatever is measured next.
 * Prints JSON: seed seconds by source, those latencies (client side, with any error codes), the store's
 * size and the peak RSS of every process (seeding: this process and the store; serving: each service).
 * The gateway gives up on a subgraph after SUBGRAPH_TIMEOUT_MS (10 s): a finder slower than that
 * answers SUBGRAPH_UNAVAILABLE, counted in the errors. `exceedances` spans 30 days (EXCEEDANCES_MAX_DAYS
 * is 31).
 *
 *   npm run bench:scale -- [--projects 1000] [--store-uri URI] [--samples 200] [--warm 5] [--keep]
 *
 * `--store-uri`: a MongoDB (or a running embedded store) to use instead: seeded with `--projects` when
 * it holds no project; otherwise used as it is (N is the projects it holds, no seed times). The data dir
 * (`<XIETONG_DATA_DIR>/bench-scale/<N>-<pid>`: the fresh store, keys, demo files) is removed at the end
 * unless `--keep`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateCity } from '../../adapters/demo/city';
import { seedDemoCity } from '../../adapters/demo/seed';
import { connectSilo } from '../../adapters/store/connection';
import { startEmbeddedStore } from '../../adapters/store/embedded';
import { dataDir, ROOT_DIR, type SubgraphName } from '../../lib/config';
import { listedSubgraphs } from '../../schema/compose';
import { startSupervised } from '../../test/harness/supervised';
import { buildQueries, LIST_SIZE, loadModels } from '../graph/queries';
import { watchPeakRss } from '../overload/rss';
import { round1 } from '../common/round';
import { flag, machineInfo } from '../common/storeRun';
import { bytesOnDisk, mb, siloSizes } from './storeSize';
import { coldAndWarm, latency, timedQuery } from './timing';

const BUILT = buildQueries(loadModels(Object.keys(listedSubgraphs()) as SubgraphName[]));
const WAGE_ARREARS = 'query ScaleWageArrears($month: String!) { wageArrears(month: $month) { project { code } month workersAffected amountOwed } }';
const EXCEEDANCES = 'query ScaleExceedances($from: String!, $to: String!) { exceedances(from: $from, to: $to) { mn pollutant rule periodStart value } }';

function textFlag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The commit measured, and whether the finders' subgraphs had uncommitted changes (read models in progress). */
function codeMeasured() {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommitted: git('status', '--porcelain', '--', 'subgraphs', 'adapters', 'lib').split('\n').filter(Boolean) };
}

async function projectCount(uri: string): Promise<number> {
  const housing = await connectSilo(uri, 'housing');
  try {
    return await housing.db!.collection('projects').estimatedDocumentCount();
  } finally {
    await housing.close();
  }
}

/** Seeds `uri` through the adapters; seconds in total, generating + writing the native files, and per source. */
async function seed(uri: string, projects: number, dir: string) {
  const result = await seedDemoCity({ uri, projects, dir, log: (m) => process.stderr.write(`  ${m}\n`) });
  const ingestSeconds = result.files.reduce((a, f) => a + f.seconds, 0);
  return {
    seconds: round1(result.seconds),
    generateAndWriteSeconds: round1(result.seconds - ingestSeconds),
    bySource: Object.fromEntries(result.files.map((f) => [f.source, { seconds: round1(f.seconds), accepted: f.report.accepted, rejected: f.report.rejected }])),
  };
}

async function main() {
  let projects = flag('--projects', 1000);
  const samples = flag('--samples', 200);
  const warm = flag('--warm', 5);
  const storeUri = textFlag('--store-uri');
  const keep = process.argv.includes('--keep');
  const dir = path.join(dataDir(), 'bench-scale', `${projects}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  // Removed however the run ends (the stores and services are stopped before: finally blocks below).
  if (!keep) process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const log = (m: string) => process.stderr.write(`[bench:scale] ${m}\n`);
  const code = codeMeasured();

  // 1. Seeding, in this process (the adapters), into the embedded store on `dir` or into --store-uri.
  let seeded: Awaited<ReturnType<typeof seed>> | 'existing' = 'existing';
  let seedPeakRssMb: Record<string, number> = {};
  const seedRss = watchPeakRss(process.pid);
  if (storeUri) {
    const found = await projectCount(storeUri);
    if (found) projects = found;
    else seeded = await seed(storeUri, projects, path.join(dir, 'demo'));
    seedPeakRssMb = seedRss.stop();
  } else {
    const store = await startEmbeddedStore({ dataDir: dir });
    try {
      log(`seeding ${projects} projects into ${dir}`);
      seeded = await seed(store.uri, projects, path.join(dir, 'demo'));
    } finally {
      seedPeakRssMb = seedRss.stop();
      await store.stop();
    }
  }
  // watchPeakRss names its root `supervisor`: here it is this process, which ran the adapters.
  seedPeakRssMb = Object.fromEntries(Object.entries(seedPeakRssMb).map(([k, v]) => [k === 'supervisor' ? 'seeder' : k, v]));
  // The native files are not part of the store; they would only count in a later `du` of the dir.
  fs.rmSync(path.join(dir, 'demo'), { recursive: true, force: true });

  // 2. npm start's system on that data (nothing left to seed). It loads the code as it is now: in a
  // checkout shared with others, what it runs may differ from what seeded (both are reported).
  const codeAtServe = codeMeasured();
  log('starting the supervised system');
  const t0 = Date.now();
  const system = await startSupervised({
    dataDir: dir,
    env: { XIETONG_SEED: 'off', XIETONG_BUILD_DIR: path.join(ROOT_DIR, '.build'), ...(storeUri ? { MONGODB_URI: storeUri } : {}) },
  });
  const startSeconds = round1((Date.now() - t0) / 1000);
  const rss = watchPeakRss(system.child.pid!);
  try {
    const purposes = [...new Set([...BUILT.purposes, 'wage-enforcement', 'pollution-enforcement'])];
    const token = system.token({ sub: 'bench-scale', dept: 'joint', purposes });
    const ask = (query: string, variables: Record<string, unknown>) => timedQuery(system.url, token, query, variables);
    const city = generateCity({ projects: 1 }); // only its calendar: months and monitoring window
    const month = city.months[city.months.length - 1];
    const from = city.monitoringFrom;
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);

    // Cold: the first request of each kind after the start.
    log('cold requests');
    const listCold = await ask(BUILT.list, { first: LIST_SIZE });
    const codes = ((listCold.data as { projects?: { edges: { node: { code: string } }[] } } | undefined)?.projects?.edges ?? []).map((e) => e.node.code);
    if (!codes.length) throw new Error(`the list answered no projects (${listCold.errors.join(', ')})`);
    const projectCold = await ask(BUILT.project, { code: codes[0] });
    log(`list cold ${round1(listCold.ms)} ms, unified view cold ${round1(projectCold.ms)} ms`);
    // The views before the finders: a finder that times out at the gateway goes on computing in its
    // subgraph (and the store) for a while, and would be measured again in whatever follows it.
    const unified = await latency(samples, (i) => ask(BUILT.project, { code: codes[i % codes.length] }));
    log(`unified view ${JSON.stringify(unified)}`);
    const list = await latency(Math.max(1, Math.floor(samples / 2)), () => ask(BUILT.list, { first: LIST_SIZE }));
    log(`list ${JSON.stringify(list)}`);
    const wageArrears = await coldAndWarm(warm, () => ask(WAGE_ARREARS, { month }), (d) => (d as { wageArrears?: unknown[] } | undefined)?.wageArrears?.length);
    log(`wageArrears ${JSON.stringify(wageArrears)}`);
    const exceedances = await coldAndWarm(warm, () => ask(EXCEEDANCES, { from, to }), (d) => (d as { exceedances?: unknown[] } | undefined)?.exceedances?.length);
    log(`exceedances ${JSON.stringify(exceedances)}`);
    const servePeakRssMb = rss.stop();

    const storeSizeMb = storeUri ? Object.fromEntries(Object.entries(await siloSizes(storeUri)).map(([k, v]) => [k, mb(v)])) : mb(bytesOnDisk(path.join(dir, 'ferretdb')));
    const supergraph = fs.readFileSync(path.join(ROOT_DIR, 'schema', 'supergraph.graphql'), 'utf8');
    process.stdout.write(
      JSON.stringify(
        {
          bench: 'scale',
          ...code,
          ...(JSON.stringify(codeAtServe) !== JSON.stringify(code) ? { codeAtServe } : {}),
          at: new Date().toISOString(),
          projects,
          store: storeUri ? 'external (--store-uri)' : 'embedded FerretDB (SQLite), fresh',
          seed: seeded,
          startSeconds,
          list: { first: LIST_SIZE, coldMs: round1(listCold.ms), coldErrors: listCold.errors, ...list },
          unifiedView: { coldMs: round1(projectCold.ms), coldErrors: projectCold.errors, ...unified },
          wageArrears: { month, ...wageArrears },
          exceedances: { from, to, days: 30, ...exceedances },
          riskBoard: /\briskBoard\b/.test(supergraph) ? 'in the supergraph, not measured yet by this bench' : null,
          storeSizeMb,
          peakRssMb: { seeding: seedPeakRssMb, serving: servePeakRssMb },
          machine: machineInfo(),
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    rss.stop();
    await system.stop();
  }
}

main().then(() => process.exit(0)).catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
