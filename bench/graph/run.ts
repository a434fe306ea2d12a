/**
 * bench/graph: our gateway against Hive Gateway, against the busiest subgraph driven directly, and
 * against itself without security — on a seeded demo city, in one run, in alternating rounds.
 * Usage: settings.ts (USAGE); README.md beside this file.
 *
 * The store, the seeding, the subgraphs (one secure child process, one unsecured) and each gateway
 * (its own child process) run apart from autocannon, which runs here. Prints ONE JSON object on stdout
 * (progress goes to stderr) and writes it to bench/results/graph-<timestamp>.json.
 */
import path from 'node:path';
import { generateCity } from '../../adapters/demo/city';
import { connectSilo } from '../../adapters/store/connection';
import { startEmbeddedStore } from '../../adapters/store/embedded';
import { DEPARTMENTS, ROOT_DIR } from '../../lib/config';
import { startChild, subgraphChildEnv, type Child } from './children';
import { coresUsed, peakRssMB, sampleCpu, waitUntilIdle } from './cpu';
import { cleanup, installStopHandlers, isAborted, log, makeTempDir, onCleanup, redact } from './lifecycle';
import { runLoad } from './load';
import { prepare } from './prepare';
import { buildQueries, loadModels, writeQueryFiles } from './queries';
import { buildReport, emptyResults, writeReport } from './report';
import type { SeedReport } from './seed';
import type { SeedChildConfig } from './seedChild';
import type { HiveChildConfig } from './serveHive';
import type { GatewayChildConfig, GatewayInfo } from './serveOurs';
import type { SubgraphsConfig, SubgraphsInfo } from './serveSubgraphs';
import { excludedFields, LIMIT_SECONDS, opts, settings } from './settings';
import { QUERIES, type QueryName, type Variant } from './stats';
import { chooseSubgraphs, composeWith } from './subgraphSet';
import { benchTokenSettings, createTokenPool, verifyOnly } from './tokens';

installStopHandlers(LIMIT_SECONDS);

const loopback = (url: string) => url.replace('//localhost:', '//127.0.0.1:');
const byName = (urls: Record<string, string>) => Object.fromEntries(Object.entries(urls).map(([n, u]) => [n, loopback(u)]));

/** The embedded store in the temp dir; or --store-uri, with databases of this run only, dropped at the end. */
async function openStore(tmp: string): Promise<{ uri: string; pid: number; dbPrefix: string }> {
  const external = opts['store-uri'];
  if (!external) {
    const embedded = await startEmbeddedStore({ dataDir: tmp, log });
    onCleanup(() => embedded.stop());
    return { uri: embedded.uri, pid: embedded.pid, dbPrefix: 'bench' };
  }
  const dbPrefix = `bench${process.pid}`;
  onCleanup(async () => {
    for (const d of DEPARTMENTS) {
      const c = await connectSilo(external, d, `${dbPrefix}_${d}`);
      await c.dropDatabase().catch(() => undefined);
      await c.close();
    }
  });
  return { uri: external, pid: -1, dbPrefix };
}

async function main() {
  const startedAt = Date.now();
  const tmp = makeTempDir();

  // The graph and the queries, from the SDL files present now. --with-computed: also the fields with
  // required arguments (wage status of a month, exceedances in the monitoring window) in the
  // one-project view, with values from the demo city that the seeding writes.
  const choice = chooseSubgraphs(opts.subgraphs);
  const city = generateCity({ projects: settings.projects });
  const to = new Date(Date.parse(`${city.monitoringFrom}T00:00:00Z`) + city.monitoringDays * 86_400_000).toISOString().slice(0, 10);
  const knownArgs = opts['with-computed'] ? { month: city.months[city.months.length - 1], from: city.monitoringFrom, to } : undefined;
  const built = buildQueries(loadModels(choice.names, excludedFields), knownArgs);
  const queryFiles = writeQueryFiles(built);

  // Store and city (the seeding runs in a child, so that its time is bounded).
  const store = await openStore(tmp);
  log(`store ${redact(store.uri)}; seeding ${settings.projects} projects (at most ${settings.seedTimeoutSeconds} s)`);
  const seeder = await startChild<SeedReport>('seed', 'seedChild.ts', {
    uri: store.uri,
    projects: settings.projects,
    dir: path.join(tmp, 'city'),
    dbPrefix: store.dbPrefix,
    departments: DEPARTMENTS.filter((d) => choice.names.includes(d)),
  } satisfies SeedChildConfig, { verbose: true, readyTimeoutMs: settings.seedTimeoutSeconds * 1000 });
  await seeder.stop();
  const seed = seeder.info;
  log(`seeded (${seed.mode}) in ${seed.seconds.toFixed(1)} s${seed.missing.length ? `; missing: ${seed.missing.map((m) => m.what).join(', ')}` : ''}`);

  const caller = { dept: 'joint' as const, roles: [], purposes: built.purposes };
  const tokenSettings = benchTokenSettings();
  const tokens = createTokenPool(tokenSettings, caller, settings.tokenPool, LIMIT_SECONDS + 600);
  log(`subgraphs: ${choice.names.join(', ')}; caller dept ${caller.dept}, purposes [${caller.purposes.join(', ')}]; ${tokens.size} tokens`);

  // Children: the subgraphs (secure and unsecured), then the three gateways.
  const subgraphEnv = subgraphChildEnv(LIMIT_SECONDS);
  const children: Child<unknown>[] = [];
  onCleanup(() => Promise.all(children.map((c) => c.stop())).then(() => undefined));
  const subgraphChild = (unsafe: boolean) =>
    startChild<SubgraphsInfo>(unsafe ? 'subgraphs-unsecured' : 'subgraphs', 'serveSubgraphs.ts', {
      uri: store.uri,
      databases: Object.fromEntries(choice.names.map((n) => [n, `${store.dbPrefix}_${n}`])),
      names: choice.names,
      tokens: verifyOnly(tokenSettings),
      unsafeBenchmarkWithoutSecurity: unsafe,
    } satisfies SubgraphsConfig, { verbose: opts.verbose, env: subgraphEnv });
  const subgraphs = await Promise.all([subgraphChild(false), subgraphChild(true)]);
  children.push(...subgraphs);
  const [secureUrls, unsecuredUrls] = subgraphs.map((c) => byName(c.info));
  const gatewayChild = (name: string, script: string, supergraphSdl: string, unsafe: boolean, rustPlanner = false) =>
    startChild<GatewayInfo>(name, script, {
      supergraphSdl,
      tokens: verifyOnly(tokenSettings),
      unsafeBenchmarkWithoutSecurity: unsafe,
      ...(rustPlanner ? { rustPlanner } : {}),
    } satisfies GatewayChildConfig | HiveChildConfig, { verbose: opts.verbose });
  const secureSupergraph = composeWith(secureUrls);
  const gatewayChildren = await Promise.all([
    gatewayChild('ours', 'serveOurs.ts', secureSupergraph, false),
    gatewayChild('hive', 'serveHive.ts', secureSupergraph, false),
    gatewayChild('hive-rust', 'serveHive.ts', secureSupergraph, false, true),
    gatewayChild('ours-unsecured', 'serveOurs.ts', composeWith(unsecuredUrls), true),
  ]);
  children.push(...gatewayChildren);
  const [ours, hive, hiveRust, oursUnsecured] = gatewayChildren.map((g) => loopback(g.info.url));
  log(`children ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  const prepared = await prepare({ built, subgraphUrls: secureUrls, gateways: { ours, hive, hiveRust, oursUnsecured }, tokens, log });

  // Load: warm-up, then rounds; variants alternate, and their order rotates from round to round.
  // Between two loads, wait until the store and the children are idle again (no backlog carried over).
  const target = (v: Variant, q: QueryName) =>
    v === 'direct' ? prepared.direct[q] : { url: { ours, hive, hiveRust, oursUnsecured }[v], body: prepared.bodies[q] };
  const serving = { ...(store.pid > 0 ? { store: store.pid } : {}), ...Object.fromEntries(children.map((c) => [c.name, c.pid])) };
  const mainThreads = Object.fromEntries(
    children.filter((c) => c.name.startsWith('subgraphs')).map((c) => [`${c.name}/main`, { mainThreadOf: c.pid }]),
  );
  const pids = { ...serving, ...mainThreads, runner: process.pid };
  await waitUntilIdle(serving);
  const measure = async (v: Variant, q: QueryName, seconds: number) => {
    if (isAborted()) throw new Error('aborted');
    const t = target(v, q);
    const before = sampleCpu(pids);
    const m = await runLoad({ url: t.url, body: JSON.stringify(t.body), tokens, connections: settings.connections, seconds });
    m.cpu = coresUsed(before, sampleCpu(pids));
    await waitUntilIdle(serving);
    return m;
  };
  if (settings.warmupSeconds) {
    log(`warm-up: ${settings.warmupSeconds} s per variant and query`);
    for (const q of settings.queries) for (const v of settings.variants) await measure(v, q, settings.warmupSeconds);
  }
  const raw = emptyResults();
  for (let r = 0; r < settings.rounds; r++) {
    for (const q of settings.queries) {
      const vs = settings.variants;
      for (const v of vs.map((_, i) => vs[(i + r) % vs.length])) {
        const m = await measure(v, q, settings.seconds);
        raw[q][v].push(m);
        const failed = m.errors + m.non2xx + m.graphqlErrors ? ` errors ${m.errors} non2xx ${m.non2xx} graphqlErrors ${m.graphqlErrors}` : '';
        const cores = Object.entries(m.cpu ?? {}).filter(([, c]) => c >= 0.05).sort((a, b) => b[1] - a[1]);
        log(`round ${r + 1}/${settings.rounds} ${q.padEnd(7)} ${v.padEnd(13)} ${m.reqPerSec} req/s p50 ${m.p50} ms p99 ${m.p99} ms${failed}` +
          ` | cores: ${cores.map(([p, c]) => `${p} ${c}`).join(', ')}`);
      }
    }
  }

  const report = buildReport(raw, {
    startedAt,
    settings: {
      ...settings,
      command: redact(`npx tsx bench/graph/run.ts ${process.argv.slice(2).join(' ')}`.trim()),
      store: opts['store-uri'] ? 'external (--store-uri)' : 'embedded FerretDB (SQLite) in a temp dir',
      medians: 'reqPerSec, p50 and p99 (ms) are medians over the rounds; errors, non2xx, graphqlErrors and requests are totals over all rounds',
      uniqueAuthorization: `a pool of ${tokens.size} pre-signed RS256 tokens (distinct jti and sub), one per request, round robin`,
      hive: 'in-flight deduplication off, landing page and GraphiQL off, JWT verified (same key) and Authorization propagated',
      hiveRust: 'the same Hive Gateway with the Rust query planner (@graphql-hive/router-runtime unifiedGraphHandler)',
      betweenMeasurements: 'wait until the store and the children are idle (< 0.2 cores, at most 60 s)',
      readCacheMaxAgeSeconds: Number(subgraphEnv.READ_CACHE_MAX_AGE_SECONDS),
    },
    graph: {
      subgraphs: choice.names,
      subgraphsFrom: choice.source,
      skipped: choice.skipped,
      rootSubgraph: built.rootSubgraph,
      contributesNothing: built.contributesNothing,
      excluded: excludedFields,
      computedFields: knownArgs ? { included: true, arguments: knownArgs } : { included: false },
      caller,
      project: prepared.project,
      queryFiles: Object.fromEntries(Object.entries(queryFiles).map(([k, f]) => [k, path.relative(ROOT_DIR, f)])),
      direct: Object.fromEntries(QUERIES.map((q) => [q, { subgraph: prepared.direct[q].subgraph, probeMedianMs: prepared.direct[q].probeMedianMs }])),
      seed,
    },
    processes: Object.fromEntries(children.map((c) => [c.name, { pid: c.pid, peakRssMB: peakRssMB(c.pid) }])),
  });
  log(`written to ${writeReport(report)}`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    log(`FAILED: ${(e as Error).stack ?? String(e)}`);
    void cleanup().finally(() => process.exit(1));
  });
