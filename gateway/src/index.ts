import { hostToBind, portFor } from '../../lib/config';
import { announceReady } from '../../lib/process/ready';
import { gatewayOptionsFromEnv } from './config';
import { createGateway } from './server';

async function main() {
  const gateway = await createGateway(gatewayOptionsFromEnv());
  const running = await gateway.listen(portFor('gateway'), hostToBind());
  announceReady('gateway', running.url, running.port);
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
