/**
 * npm start: the whole system on one machine — the embedded store (or MONGODB_URI), the demo city on
 * an empty store, every subgraph and the gateway — and prints the URLs. Subgraphs run in this one
 * process here (each with its own database and port); docker-compose runs each as its own service.
 * Ctrl-C / SIGTERM stops everything; the store child also exits if this process is killed outright.
 */
import path from 'node:path';
import { seedDemoCity } from '../adapters/demo/seed';
import { connectSilo, openStore } from '../adapters/store/connection';
import { createGateway } from '../gateway/src/server';
import { gatewayOptionsFromEnv } from '../gateway/src/config';
import { createHj212Listener } from '../adapters/hj212/tcp';
import { tokenSettingsFromEnv } from '../lib/auth/keys';
import { dataDir, envInt, hostToBind, portFor, readEnv, type SubgraphName } from '../lib/config';
import { log } from '../lib/log';
import { listedSubgraphs } from '../schema/compose';
import { createSubgraphServer, type SubgraphServer } from '../subgraphs/common/createSubgraph';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { Connection } from 'mongoose';

async function main() {
  const t0 = Date.now();
  const store = await openStore({ advertise: true, log: (m) => log.info(m) });
  const connections: Connection[] = [];
  const servers: SubgraphServer[] = [];
  let stopFrontEnds: (() => Promise<void>) | undefined;
  let stopping = false;

  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { reason });
    await stopFrontEnds?.().catch(() => undefined);
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
    await store.release();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('uncaughtException', (e) => {
    log.error('uncaught exception', { error: e.stack });
    void stop('uncaught exception', 1);
  });

  const tokens = tokenSettingsFromEnv();

  const housing = await connectSilo(store.uri, 'housing');
  connections.push(housing);
  const seedProjects = envInt('XIETONG_DEMO_PROJECTS', 100);
  if (readEnv('XIETONG_SEED') !== 'off' && (await housing.db!.collection('projects').estimatedDocumentCount()) === 0) {
    log.info('empty store: seeding the demo city through the adapters', { projects: seedProjects });
    const result = await seedDemoCity({
      uri: store.uri,
      projects: seedProjects,
      dir: path.join(dataDir(), 'demo', `default-${seedProjects}`),
      log: (m) => log.info(m),
    });
    log.info('demo city seeded', { seconds: result.seconds, projects: result.city.projects.length });
  }

  const urls: Record<string, string> = {};
  const siloConnections: Partial<Record<SubgraphName, Connection>> = { housing };
  for (const name of Object.keys(listedSubgraphs()) as SubgraphName[]) {
    const def = SUBGRAPHS[name];
    if (!def) throw new Error(`schema/subgraphs.json lists "${name}" but subgraphs/registry.ts has no definition for it`);
    const conn = siloConnections[name] ?? (await connectSilo(store.uri, name));
    if (conn !== housing) connections.push(conn);
    siloConnections[name] = conn;
    const server = await createSubgraphServer(def, { connection: conn, tokens });
    servers.push(server);
    urls[name] = (await server.listen(portFor(name), hostToBind())).url;
  }

  const gateway = await createGateway(gatewayOptionsFromEnv({ tokens, subgraphUrls: urls }));
  const running = await gateway.listen(portFor('gateway'), hostToBind());
  stopFrontEnds = () => gateway.stop();

  // Monitoring devices stream HJ 212 packets here (HJ212_PORT, default 9212; "off" disables it).
  let hj212Line = '';
  const hj212Port = readEnv('HJ212_PORT') ?? '9212';
  if (hj212Port !== 'off' && siloConnections.environment) {
    const listener = await createHj212Listener({ port: Number(hj212Port), host: hostToBind(), conn: siloConnections.environment });
    const previousStop = stopFrontEnds;
    stopFrontEnds = async () => {
      await previousStop?.();
      await listener.stop();
    };
    hj212Line = `  ${"hj212 tcp".padEnd(12)} ${hostToBind()}:${listener.port}`;
  }

  const lines = [
    '',
    `Xietong is running (started in ${((Date.now() - t0) / 1000).toFixed(1)} s, store: ${store.source === 'MONGODB_URI' ? 'MONGODB_URI' : 'embedded FerretDB ' + store.uri})`,
    `  ${"gateway".padEnd(12)} ${running.url}`,
    ...Object.entries(urls).map(([n, u]) => `  ${n.padEnd(12)} ${u}`),
    ...(hj212Line ? [hj212Line] : []),
    '',
    '  get a token:  npm run token -- --dept housing --roles admin',
    `  try it:       curl -s ${running.url} -H "authorization: Bearer $(npm run -s token -- --dept housing)" -H 'content-type: application/json' -d '{"query":"{ __typename }"}'`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  process.stdout.write(`XIETONG_GATEWAY_URL=${running.url}\n`);
}

main().catch((e) => {
  log.error('start failed', { error: (e as Error).stack ?? String(e) });
  process.exit(1);
});
