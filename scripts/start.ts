/**
 * npm start: the whole system on one machine — the embedded store (or MONGODB_URI), the demo city on
 * an empty store, then every subgraph, the gateway and the HJ 212 listener, each as its own supervised
 * process (ADR 0008): a crash costs one service and is restarted with a back-off, the rest keep
 * serving, and a saturated subgraph cannot stall the gateway's event loop. Ctrl-C / SIGTERM stops
 * everything; the children and the store child also exit if this process is killed outright. The
 * embedded store is restarted on its socket when it dies (adapters/store/embedded.ts).
 *
 * SUBGRAPH_URL_<NAME> set by the user names a subgraph that runs elsewhere (e.g. a department's own
 * network, DESIGN §2): it is not started here and the gateway routes to that URL. Honoured rather than
 * refused, because a mixed deployment (some departments remote) is what the variable is for.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { seedDemoCity } from '../adapters/demo/seed';
import { connectSilo, openStore } from '../adapters/store/connection';
import { tokenSettingsFromEnv } from '../lib/auth/keys';
import { dataDir, envInt, hostToBind, mongoUriFor, portFor, readEnv, ROOT_DIR, type SubgraphName } from '../lib/config';
import { requestIdSecret } from '../lib/http/requestId';
import { freePort } from '../lib/process/freePort';
import { log } from '../lib/log';
import { SERVICE_NODE_FLAGS } from '../lib/nodeFlags';
import { Supervisor } from '../lib/process/supervisor';
import { listedSubgraphs } from '../schema/compose';
import { externalSubgraphUrls } from '../lib/process/externalSubgraphs';
import { SUBGRAPHS } from '../subgraphs/registry';
import { buildWageReadModel, wageReadModelToBuild } from './wageReadModelAtStart';

async function seedIfEmpty(storeUri: string): Promise<void> {
  const housing = await connectSilo(storeUri, 'housing');
  try {
    const projects = envInt('XIETONG_DEMO_PROJECTS', 100);
    if (readEnv('XIETONG_SEED') === 'off' || (await housing.db!.collection('projects').estimatedDocumentCount()) > 0) return;
    log.info('empty store: seeding the demo city through the adapters', { projects });
    const result = await seedDemoCity({ uri: storeUri, projects, dir: path.join(dataDir(), 'demo', `default-${projects}`), log: (m) => log.info(m) });
    log.info('demo city seeded', { seconds: result.seconds, projects: result.city.projects.length });
  } finally {
    await housing.close();
  }
}

/** The socket path of an embedded store's URI (its host, percent-encoded). */
function socketOf(uri: string): string {
  return decodeURIComponent(uri.replace(/^mongodb:\/\//, '').replace(/\/$/, ''));
}

async function main() {
  const t0 = Date.now();
  const names = Object.keys(listedSubgraphs()) as SubgraphName[];
  // Checked before anything starts: a malformed URL stops the start with a message naming the variable.
  const external = externalSubgraphUrls(names);
  const store = await openStore({ advertise: true, log: (m, level) => log[level ?? 'info'](m) });
  const supervisor = new Supervisor({ log: (level, msg, fields) => log[level](msg, fields) });
  // For tests and tools that watch this process: which pid serves what, at every start and restart.
  supervisor.on('ready', (name, info) => process.stdout.write(`XIETONG_SERVICE ${name} ${info.pid} ${info.url}\n`));
  let stopping = false;
  let wageBuild: ChildProcess | undefined;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { reason });
    wageBuild?.kill('SIGTERM'); // its state stays `building`: the next start builds again
    // The front doors first, so that nothing new arrives while the subgraphs finish.
    await supervisor.stopAll(['gateway', 'hj212']).catch(() => undefined);
    await store.release();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('uncaughtException', (e) => {
    log.error('uncaught exception', { error: e.stack });
    void stop('uncaught exception', 1);
  });

  // Dev keys and the pseudonym secret are generated here, once, before any child could race for them.
  tokenSettingsFromEnv();
  requestIdSecret();
  await seedIfEmpty(store.uri);
  // A store seeded before the wage read model existed (issue 17): built once the services are up.
  const hrssUri = mongoUriFor('hrss') ?? store.uri;
  const wageToBuild = await wageReadModelToBuild(hrssUri);

  // Children reach the store this process opened (a MONGODB_URI_<SUBGRAPH> set by the user still wins).
  // joint calls the gateway (evidence capture, risk evaluation) and starts before it: with GATEWAY_PORT=0
  // it would call port 0 for ever, so a free port is chosen here and given to every child.
  const gatewayPort = portFor('gateway') === 0 ? await freePort(hostToBind()) : portFor('gateway');
  const childEnv = { MONGODB_URI: store.uri, GATEWAY_PORT: String(gatewayPort) };
  const service = (name: string, script: string, portVariable: string, env: Record<string, string> = {}) =>
    supervisor.start({ name, script: path.join(ROOT_DIR, script), portVariable, env: { ...childEnv, ...env }, nodeArgs: SERVICE_NODE_FLAGS });

  for (const name of names) {
    if (!SUBGRAPHS[name]) throw new Error(`schema/subgraphs.json lists "${name}" but subgraphs/registry.ts has no definition for it`);
  }
  const local = names.filter((name) => !external[name]);
  const started = await Promise.all(
    local.map((name) => service(name, `subgraphs/${name}/index.ts`, `${name.toUpperCase()}_PORT`).ready.then((r) => [name, r.url] as const)),
  );
  const urls: Record<string, string> = { ...Object.fromEntries(started), ...external };
  const gatewayEnv = Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url]));
  const gateway = await service('gateway', 'gateway/src/index.ts', 'GATEWAY_PORT', gatewayEnv).ready;

  // Monitoring devices stream HJ 212 packets here (HJ212_PORT, default 9212; "off" disables it).
  const hj212 = readEnv('HJ212_PORT') === 'off' ? undefined : await service('hj212', 'adapters/hj212/listen.ts', 'HJ212_PORT').ready;

  if (wageToBuild && !stopping) wageBuild = buildWageReadModel(hrssUri, wageToBuild);

  const lines = [
    '',
    `Xietong is running (started in ${((Date.now() - t0) / 1000).toFixed(1)} s, store: ${store.source === 'MONGODB_URI' ? 'MONGODB_URI' : `embedded FerretDB on the owner-only socket ${socketOf(store.uri)}`}; each service its own process, restarted if it dies)`,
    `  ${'gateway'.padEnd(12)} ${gateway.url}`,
    ...names.map((n) => `  ${n.padEnd(12)} ${urls[n]}${external[n] ? `  (SUBGRAPH_URL_${n.toUpperCase()}: not started here)` : ''}`),
    ...(hj212 ? [`  ${'hj212 tcp'.padEnd(12)} ${hj212.url}`] : []),
    '',
    '  get a token:  npm run token -- --dept housing --roles admin',
    `  try it:       curl -s ${gateway.url} -H "authorization: Bearer $(npm run -s token -- --dept housing)" -H 'content-type: application/json' -d '{"query":"{ __typename }"}'`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  process.stdout.write(`XIETONG_GATEWAY_URL=${gateway.url}\n`);
}

main().catch((e) => {
  log.error('start failed', { error: (e as Error).stack ?? String(e) });
  process.exit(1);
});
