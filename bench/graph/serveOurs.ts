/** Child process: our gateway (createGateway: Apollo Gateway in Apollo Server) on port 0. */
import type { TokenSettings } from '../../lib/auth/keys';
import { createGateway } from '../../gateway/src/server';
import { childConfig, runChild } from './childRuntime';

export interface GatewayChildConfig {
  supergraphSdl: string;
  tokens: TokenSettings;
  unsafeBenchmarkWithoutSecurity: boolean;
}

export interface GatewayInfo {
  url: string;
}

runChild<GatewayInfo>('ours', async () => {
  const cfg = childConfig<GatewayChildConfig>();
  const gateway = await createGateway({
    tokens: cfg.tokens,
    supergraphSdl: cfg.supergraphSdl,
    unsafeBenchmarkWithoutSecurity: cfg.unsafeBenchmarkWithoutSecurity,
  });
  const running = await gateway.listen(0);
  return { info: { url: running.url }, stop: () => gateway.stop() };
});
