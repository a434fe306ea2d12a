/**
 * bench:risk --in-process: the whole graph in the benchmark's own process, on the city already seeded in the
 * data dir's store (`XIETONG_DATA_DIR=… npm run seed -- --projects N`): every subgraph and the gateway on port 0
 * (test/harness/services, verifying with a throwaway key pair that joint's evaluator also signs with), then one
 * `reevaluateRisk`, timed. For a machine too loaded for `npm start`'s six processes to report ready within their
 * 60 s; the figures are then those of one process serving everything (said in the output).
 */
import type { Connection } from 'mongoose';
import { connectSilo, openStore } from '../../adapters/store/connection';
import { signToken, type TokenRequest } from '../../lib/auth/tokens';
import type { SubgraphName } from '../../lib/config';
import { listedSubgraphs } from '../../schema/compose';
import { createJointSubgraph } from '../../subgraphs/joint/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { startGateway, startSubgraph, type Started } from '../../test/harness/services';
import { testTokenSettings } from '../../test/harness/tokens';

export interface InProcessGraph {
  url: string;
  token(req: TokenRequest): string;
  stop(): Promise<void>;
}

export async function startInProcess(): Promise<InProcessGraph> {
  // Every request logs a line at info: the benchmark's output is its JSON.
  process.env.LOG_LEVEL ??= 'warn';
  const store = await openStore({ log: (m) => process.stderr.write(m + '\n') });
  const connections: Connection[] = [];
  const started: Started[] = [];
  const urls: Record<string, string> = {};
  let gatewayUrl = '';
  for (const name of Object.keys(listedSubgraphs()) as SubgraphName[]) {
    const conn = await connectSilo(store.uri, name);
    connections.push(conn);
    // joint reads the gateway's URL when it evaluates: the gateway starts after the subgraphs.
    const s = await startSubgraph(name === 'joint' ? createJointSubgraph({ gatewayUrl: () => gatewayUrl, tokens: testTokenSettings }) : SUBGRAPHS[name]!, conn);
    started.push(s);
    urls[name] = s.url;
  }
  const gateway = await startGateway(urls);
  gatewayUrl = gateway.url;
  return {
    url: gateway.url,
    token: (req) => signToken(testTokenSettings(), req),
    async stop() {
      await gateway.stop();
      await Promise.all(started.map((s) => s.stop()));
      await Promise.all(connections.map((c) => c.close()));
      await store.release();
    },
  };
}
