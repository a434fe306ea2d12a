/**
 * bench/graph: our gateway against Hive Gateway, against the busiest subgraph driven directly, and
 * against itself without security — on a seeded demo city, in one run, in alternating rounds.
 *
 *   npx tsx bench/graph/run.ts [--seconds 10] [--connections 20] [--rounds 2] [--warmup 3]
 *                              [--projects 100] [--subgraphs all|a,b,c] [--exclude Type.field,subgraph:Type.field]
 *                              [--with-computed] [--store-uri mongodb://…] [--tokens 2000] [--seed-timeout 600] [--verbose]
 *
 * The store, the subgraphs (one secure child process, one unsecured) and each gateway (its own child
 * process) run apart from autocannon, which runs here. Prints ONE JSON object on stdout (progress goes
 * to stderr) and writes it to bench/results/graph-<timestamp>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCity } from '../../adapters/demo/city';
import { connectSilo } from '../../adapters/store/connection';
import { startEmbeddedStore, type EmbeddedStore } from '../../adapters/store/embedded';
import { DEPARTMENTS, ROOT_DIR } from '../../lib/config';
import { assertClean, canonical, postGraphQL, probeLatency, projectsOf, type GraphQLBody } from './check';
import { killAllChildren, startChild, type Child } from './children';
import { coresUsed, sampleCpu, waitUntilIdle } from './cpu';
import { runLoad, stopLoad, type Measurement } from './load';
import { buildQueries, LIST_SIZE, loadModels, subgraphPart, writeQueryFiles } from './queries';
import type { SeedReport } from './seed';
import type { SeedChildConfig } from './seedChild';
import type { SubgraphsConfig, SubgraphsInfo } from './serveSubgraphs';
import type { GatewayChildConfig, GatewayInfo } from './serveOurs';
import { QUERIES, ratio, summarize, VARIANTS, warnings, type QueryName, type Variant } from './stats';
import { chooseSubgraphs, composeWith } from './subgraphSet';
import { benchTokenSettings, createTokenPool, verifyOnly } from './tokens';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    projects: { type: 'string', default: '100' },
    subgraphs: { type: 'string' },
    'store-uri': { type: 'string' },
    exclude: { type: 'string' },
    tokens: { type: 'string', default: '2000' },
    'seed-timeout': { type: 'string', default: '600' },
    'with-computed': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const int = (name: keyof typeof opts, min: number) => {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const settings = {
  seconds: int('seconds', 1),
  connections: int('connections', 1),
  rounds: int('rounds', 1),
  warmupSeconds: int('warmup', 0),
  projects: int('projects', 1),
  tokenPool: int('tokens', 100),
  seedTimeoutSeconds: int('seed-timeout', 10),
  listSize: LIST_SIZE,
};
const loadSeconds = (settings.warmupSeconds + settings.rounds * settings.seconds) * VARIANTS.length * QUERIES.length;
/** Hard limit on the whole run: setup (build, seeding, children) plus the load, generously. */
const LIMIT_SECONDS = settings.seedTimeoutSeconds + 600 + Math.ceil(loadSeconds * 1.5);

const log = (m: string) => process.stderr.write(`[bench/graph] ${m}\n`);
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    stopLoad();
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => log(`cleanup: ${String(e)}`));
    killAllChildren();
  })();
  return cleaning;
}
let aborted = false;
function abort(why: string, code: number): void {
  aborted = true;
  log(why);
  void cleanup().finally(() => process.exit(code));
}
process.once('SIGINT', () => abort('interrupted (SIGINT): stopping every child', 130));
process.once('SIGTERM', () => abort('terminated (SIGTERM): stopping every child', 143));
setTimeout(() => abort(`run time limit of ${LIMIT_SECONDS} s reached`, 1), LIMIT_SECONDS * 1000).unref();

function peakRssMB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const TMP_PREFIX = 'xietong-bench-graph-';

/** Temp dirs of earlier runs that were killed outright (SIGKILL leaves no chance to clean up). */
function removeStaleTempDirs(): void {
  for (const d of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(TMP_PREFIX))) {
    const dir = path.join(os.tmpdir(), d);
    try {
      const pid = Number(fs.readFileSync(path.join(dir, 'runner.pid'), 'utf8'));
      try {
        process.kill(pid, 0);
        continue; // that run is still going
      } catch {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } catch {
      /* not ours, or being created */
    }
  }
}

/** A URI without its credentials, for logs and the report. */
const redact = (text: string) => text.replace(/\/\/[^/@\s]+@/g, '//***@');

const loopback = (url: string) => url.replace('//localhost:', '//127.0.0.1:');

async function main() {
  const started = Date.now();
  removeStaleTempDirs();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
  fs.writeFileSync(path.join(tmp, 'runner.pid'), String(process.pid));
  cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));

  // The graph and the queries, from the SDL files present now.
  const choice = chooseSubgraphs(opts.subgraphs);
  const excluded = opts.exclude ? opts.exclude.split(',').map((x) => x.trim()).filter(Boolean) : [];
  // --with-computed: also the fields with required arguments (wage status of a month, exceedances in
  // the monitoring window) in the one-project view, with values from the demo city the seeding writes.
  const city = generateCity({ projects: settings.projects });
  const to = new Date(Date.parse(`${city.monitoringFrom}T00:00:00Z`) + city.monitoringDays * 86_400_000).toISOString().slice(0, 10);
  const knownArgs = opts['with-computed'] ? { month: city.months[city.months.length - 1], from: city.monitoringFrom, to } : undefined;
  const built = buildQueries(loadModels(choice.names, excluded), knownArgs);

  // Store and city (the seeding runs in a child, so that its time is bounded).
  // The embedded store in the temp dir; or --store-uri (e.g. a MongoDB whose indexes serve the
  // subgraphs' queries), with databases of this run only, dropped at the end.
  let store: Pick<EmbeddedStore, 'uri' | 'pid'>;
  let dbPrefix = 'bench';
  if (opts['store-uri']) {
    store = { uri: opts['store-uri'], pid: -1 };
    dbPrefix = `bench${process.pid}`;
    const uri = store.uri;
    cleanups.push(async () => {
      for (const d of DEPARTMENTS) {
        const c = await connectSilo(uri, d, `${dbPrefix}_${d}`);
        await c.dropDatabase().catch(() => undefined);
        await c.close();
      }
    });
  } else {
    const embedded = await startEmbeddedStore({ dataDir: tmp, log });
    cleanups.push(() => embedded.stop());
    store = embedded;
  }
  const dbName = (silo: string) => `${dbPrefix}_${silo}`;
  log(`store ${redact(store.uri)}; seeding ${settings.projects} projects (at most ${settings.seedTimeoutSeconds} s)`);
  const seeder = await startChild<SeedReport>('seed', 'seedChild.ts', {
    uri: store.uri,
    projects: settings.projects,
    dir: path.join(tmp, 'city'),
    dbPrefix,
    departments: DEPARTMENTS.filter((d) => choice.names.includes(d)),
  } satisfies SeedChildConfig, { verbose: true, readyTimeoutMs: settings.seedTimeoutSeconds * 1000 });
  await seeder.stop();
  const seed = seeder.info;
  log(`seeded (${seed.mode}) in ${seed.seconds.toFixed(1)} s${seed.missing.length ? `; missing: ${seed.missing.map((m) => m.what).join(', ')}` : ''}`);
  const queryFiles = writeQueryFiles(built);
  const caller = { dept: 'joint' as const, roles: [], purposes: built.purposes };
  const tokenSettings = benchTokenSettings();
  const tokens = createTokenPool(tokenSettings, caller, settings.tokenPool, LIMIT_SECONDS + 600);
  log(`subgraphs: ${choice.names.join(', ')}; caller dept ${caller.dept}, purposes [${caller.purposes.join(', ')}]; ${tokens.size} tokens`);

  // Children: subgraphs (secure and unsecured), then the three gateways.
  const databases = Object.fromEntries(choice.names.map((n) => [n, dbName(n)]));
  const subgraphChild = (unsafe: boolean) =>
    startChild<SubgraphsInfo>(unsafe ? 'subgraphs-unsecured' : 'subgraphs', 'serveSubgraphs.ts', {
      uri: store.uri,
      databases,
      names: choice.names,
      tokens: verifyOnly(tokenSettings),
      unsafeBenchmarkWithoutSecurity: unsafe,
    } satisfies SubgraphsConfig, { verbose: opts.verbose });
  const [secureSubgraphs, unsecuredSubgraphs] = await Promise.all([subgraphChild(false), subgraphChild(true)]);
  const children: Child<unknown>[] = [secureSubgraphs, unsecuredSubgraphs];
  cleanups.push(() => Promise.all(children.map((c) => c.stop())).then(() => undefined));
  const secureUrls = Object.fromEntries(Object.entries(secureSubgraphs.info).map(([n, u]) => [n, loopback(u)]));
  const unsecuredUrls = Object.fromEntries(Object.entries(unsecuredSubgraphs.info).map(([n, u]) => [n, loopback(u)]));
  const gatewayChild = (name: string, script: string, supergraphSdl: string, unsafe: boolean) =>
    startChild<GatewayInfo>(name, script, {
      supergraphSdl,
      tokens: verifyOnly(tokenSettings),
      unsafeBenchmarkWithoutSecurity: unsafe,
    } satisfies GatewayChildConfig, { verbose: opts.verbose });
  const secureSupergraph = composeWith(secureUrls);
  const gateways = await Promise.all([
    gatewayChild('ours', 'serveOurs.ts', secureSupergraph, false),
    gatewayChild('hive', 'serveHive.ts', secureSupergraph, false),
    gatewayChild('ours-unsecured', 'serveOurs.ts', composeWith(unsecuredUrls), true),
  ]);
  children.push(...gateways);
  const [ours, hive, oursUnsecured] = gateways.map((g) => loopback(g.info.url));
  log(`children ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Check every variant before measuring; pick the project; find the busiest subgraph per query.
  const listBody: GraphQLBody = { query: built.list, variables: { first: LIST_SIZE } };
  const listed = projectsOf(assertClean('ours, list query', await postGraphQL(ours, listBody, tokens.next()), 'projects'));
  const projectBody: GraphQLBody = { query: built.project, variables: { code: listed.best } };
  const bodies: Record<QueryName, GraphQLBody> = { project: projectBody, list: listBody };
  const roots: Record<QueryName, string> = { project: 'project', list: 'projects' };
  for (const q of QUERIES) {
    const a = assertClean(`ours, ${q} query`, await postGraphQL(ours, bodies[q], tokens.next()), roots[q]);
    const h = assertClean(`hive, ${q} query`, await postGraphQL(hive, bodies[q], tokens.next()), roots[q]);
    assertClean(`ours unsecured, ${q} query`, await postGraphQL(oursUnsecured, bodies[q], tokens.next()), roots[q]);
    if (canonical(a) !== canonical(h)) throw new Error(`ours and Hive return different data for the ${q} query`);
  }
  const directBodies = {} as Record<QueryName, { subgraph: string; url: string; body: GraphQLBody; probeMs: Record<string, number> }>;
  for (const q of QUERIES) {
    const codes = q === 'project' ? [listed.best] : listed.codes;
    const probeMs: Record<string, number> = {};
    const parts: Record<string, GraphQLBody> = {};
    for (const s of choice.names) {
      const fields = (q === 'project' ? built.projectFields : built.listFields)[s];
      if (!fields?.length && s !== built.rootSubgraph) continue;
      const query = subgraphPart(built, q, s);
      parts[s] =
        s === built.rootSubgraph
          ? { query, variables: q === 'project' ? { code: listed.best } : { first: LIST_SIZE } }
          : { query, variables: { representations: codes.map((code) => ({ __typename: 'Project', code })) } };
      probeMs[s] = await probeLatency(secureUrls[s], parts[s], s === built.rootSubgraph ? roots[q] : '_entities', tokens);
    }
    const busiest = Object.entries(probeMs).sort((a, b) => b[1] - a[1])[0][0];
    directBodies[q] = { subgraph: busiest, url: secureUrls[busiest], body: parts[busiest], probeMs };
    log(`${q}: busiest subgraph ${busiest} (median ms alone: ${JSON.stringify(probeMs)})`);
  }

  // Load: warm-up, then rounds; variants alternate, and their order rotates from round to round.
  const target = (v: Variant, q: QueryName) =>
    v === 'direct'
      ? { url: directBodies[q].url, body: directBodies[q].body }
      : { url: { ours, hive, oursUnsecured }[v], body: bodies[q] };
  const pids = { ...(store.pid > 0 ? { store: store.pid } : {}), runner: process.pid, ...Object.fromEntries(children.map((c) => [c.name, c.pid])) };
  const { runner: _runner, ...serving } = pids;
  await waitUntilIdle(serving);
  const measure = async (v: Variant, q: QueryName, seconds: number) => {
    if (aborted) throw new Error('aborted');
    const t = target(v, q);
    const before = sampleCpu(pids);
    const m = await runLoad({ url: t.url, body: JSON.stringify(t.body), tokens, connections: settings.connections, seconds });
    m.cpu = coresUsed(before, sampleCpu(pids));
    await waitUntilIdle(serving);
    return m;
  };
  if (settings.warmupSeconds) {
    log(`warm-up: ${settings.warmupSeconds} s per variant and query`);
    for (const q of QUERIES) for (const v of VARIANTS) await measure(v, q, settings.warmupSeconds);
  }
  const raw = Object.fromEntries(QUERIES.map((q) => [q, Object.fromEntries(VARIANTS.map((v) => [v, [] as Measurement[]]))])) as Record<
    QueryName,
    Record<Variant, Measurement[]>
  >;
  for (let r = 0; r < settings.rounds; r++) {
    for (const q of QUERIES) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + r) % VARIANTS.length]);
      for (const v of order) {
        const m = await measure(v, q, settings.seconds);
        raw[q][v].push(m);
        log(`round ${r + 1}/${settings.rounds} ${q.padEnd(7)} ${v.padEnd(13)} ${m.reqPerSec} req/s p50 ${m.p50} ms p99 ${m.p99} ms` +
          (m.errors + m.non2xx + m.graphqlErrors ? ` errors ${m.errors} non2xx ${m.non2xx} graphqlErrors ${m.graphqlErrors}` : '') +
          ` | cores: ${Object.entries(m.cpu ?? {}).filter(([, c]) => c >= 0.05).sort((a, b) => b[1] - a[1]).map(([p, c]) => `${p} ${c}`).join(', ')}`);
      }
    }
  }

  const results = Object.fromEntries(QUERIES.map((q) => [q, Object.fromEntries(VARIANTS.map((v) => [v, summarize(raw[q][v])]))]));
  const ratios = Object.fromEntries(
    QUERIES.map((q) => [
      q,
      {
        oursOverHive: ratio(raw[q].ours, raw[q].hive),
        oursOverDirect: ratio(raw[q].ours, raw[q].direct),
        securedOverUnsecured: ratio(raw[q].ours, raw[q].oursUnsecured),
      },
    ]),
  ) as Record<QueryName, Record<'oursOverHive' | 'oursOverDirect' | 'securedOverUnsecured', { value: number; perRound: number[] }>>;
  const processes = Object.fromEntries(children.map((c) => [c.name, { pid: c.pid, peakRssMB: peakRssMB(c.pid) }]));
  const report = {
    benchmark: 'bench/graph',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGB: Math.round(os.totalmem() / 2 ** 30) },
    settings: {
      ...settings,
      command: redact(`npx tsx bench/graph/run.ts ${process.argv.slice(2).join(' ')}`.trim()),
      store: opts['store-uri'] ? 'external (--store-uri)' : 'embedded FerretDB (SQLite) in a temp dir',
      medians: 'reqPerSec, p50 and p99 (ms) are medians over the rounds; errors, non2xx and graphqlErrors are totals over all rounds',
      uniqueAuthorization: `a pool of ${tokens.size} pre-signed RS256 tokens (distinct jti and sub), one per request, round robin`,
      hive: 'in-flight deduplication off, landing page and GraphiQL off, JWT verified (same key) and Authorization propagated',
      betweenMeasurements: 'wait until the store and the children are idle (< 0.2 cores, at most 60 s)',
    },
    graph: {
      subgraphs: choice.names,
      subgraphsFrom: choice.source,
      skipped: choice.skipped,
      rootSubgraph: built.rootSubgraph,
      contributesNothing: built.contributesNothing,
      excluded,
      computedFields: knownArgs ? { included: true, arguments: knownArgs } : { included: false },
      caller,
      project: listed.best,
      queryFiles: Object.fromEntries(Object.entries(queryFiles).map(([k, f]) => [k, path.relative(ROOT_DIR, f)])),
      direct: Object.fromEntries(QUERIES.map((q) => [q, { subgraph: directBodies[q].subgraph, probeMedianMs: directBodies[q].probeMs }])),
      seed,
    },
    results,
    ratios,
    targets: {
      oursOverHiveAtLeast1: Object.fromEntries(QUERIES.map((q) => [q, ratios[q].oursOverHive.value >= 1]) as [string, boolean][]),
      securityCostAtMost15Percent: Object.fromEntries(QUERIES.map((q) => [q, 1 - ratios[q].securedOverUnsecured.value <= 0.15]) as [string, boolean][]),
      securityCost: Object.fromEntries(QUERIES.map((q) => [q, Math.round((1 - ratios[q].securedOverUnsecured.value) * 1000) / 10 + ' %'])),
    },
    warnings: warnings(raw),
    processes,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const text = JSON.stringify(report, null, 2);
  const outDir = path.join(ROOT_DIR, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `graph-${report.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(outFile, text + '\n');
  process.stdout.write(text + '\n');
  log(`written to ${path.relative(ROOT_DIR, outFile)}`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    log(`FAILED: ${(e as Error).stack ?? String(e)}`);
    void cleanup().finally(() => process.exit(1));
  });
