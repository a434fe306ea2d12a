import { tokenSettingsFromEnv } from '../../lib/auth/keys';
import { envInt, hostToBind, portFor, readEnv } from '../../lib/config';
import { log } from '../../lib/log';
import { createGateway } from './server';
import { subgraphUrlsFromEnv } from './subgraphUrls';

async function main() {
  const gateway = await createGateway({
    tokens: tokenSettingsFromEnv(),
    supergraphPath: readEnv('SUPERGRAPH_PATH'),
    subgraphUrls: subgraphUrlsFromEnv(),
    subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 10_000),
  });
  const running = await gateway.listen(portFor('gateway'), hostToBind());
  log.info('gateway ready', { url: running.url });
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
