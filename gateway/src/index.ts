import { keysReady } from '../../lib/auth/keys';
import { hostToBind, portFor } from '../../lib/config';
import { log } from '../../lib/log';
import { announceReady } from '../../lib/process/ready';
import { gatewayOptionsFromEnv } from './config';
import { createGateway } from './server';

async function main() {
  const options = gatewayOptionsFromEnv();
  // With JWT_JWKS_URL, every token is refused until the key set's first fetch: wait for it (bounded).
  if (!(await keysReady(options.tokens, 30_000))) log.warn('no verification keys fetched yet; tokens are refused until the key set is fetched');
  const gateway = await createGateway(options);
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
