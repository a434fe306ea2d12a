/** Runs one subgraph as its own process (npm start's supervisor, docker-compose, or `npx tsx subgraphs/<name>/index.ts`). */
import { openStore, connectSilo } from '../../adapters/store/connection';
import { observeStoreCommands, storeCommandMetricsEnabled } from '../../adapters/store/commandMetrics';
import { keysReady, tokenSettingsFromEnv } from '../../lib/auth/keys';
import { hostToBind, portFor } from '../../lib/config';
import { log } from '../../lib/log';
import { announceReady } from '../../lib/process/ready';
import { createSubgraphServer, type SubgraphDefinition } from './createSubgraph';
import { countStoreQueries, storeQueryMetricsEnabled } from './storeQueryMetrics';

export async function runSubgraph<Data>(def: SubgraphDefinition<Data>): Promise<void> {
  const store = await openStore({ log: (m) => log.info(m) });
  // Command monitoring feeds the store round-trip histogram (commandMetrics.ts; STORE_COMMAND_METRICS).
  const monitorCommands = storeCommandMetricsEnabled();
  const connection = await connectSilo(store.uri, def.name, undefined, { monitorCommands });
  if (monitorCommands) observeStoreCommands(connection, def.name);
  if (storeQueryMetricsEnabled()) countStoreQueries(connection, def.name);
  const tokens = tokenSettingsFromEnv();
  // With JWT_JWKS_URL every token is refused until the first fetch of the key set has returned.
  if (!(await keysReady(tokens, 30_000))) log.warn(`subgraph ${def.name}: no JWKS yet; tokens are refused until it is fetched`);
  const server = await createSubgraphServer(def, { connection, tokens });
  const running = await server.listen(portFor(def.name), hostToBind());
  announceReady(def.name, running.url, running.port);
  const shutdown = async (signal: string) => {
    log.info(`subgraph ${def.name} stopping`, { signal });
    await server.stop();
    await connection.close();
    await store.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
