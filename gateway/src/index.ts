import { hostToBind, portFor } from '../../lib/config';
import { log } from '../../lib/log';
import { gatewayOptionsFromEnv } from './config';
import { createGateway } from './server';

async function main() {
  const gateway = await createGateway(gatewayOptionsFromEnv());
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
