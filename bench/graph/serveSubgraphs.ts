/**
 * Child process: every chosen subgraph, each on its own port 0, each with its own silo database on
 * the run's store. Secure (token check, catalogue enforcement, masking, audit) unless the config
 * says `unsafeBenchmarkWithoutSecurity` — the second subgraph child, for the cost of security.
 */
import type { Connection } from 'mongoose';
import type { TokenSettings } from '../../lib/auth/keys';
import type { SubgraphName } from '../../lib/config';
import { connectSilo } from '../../adapters/store/connection';
import { createSubgraphServer, type SubgraphServer } from '../../subgraphs/common/createSubgraph';
import { childConfig, runChild } from './childRuntime';
import { watchLoop } from './loopWatch';
import { subgraphDefinition } from './subgraphSet';

export interface SubgraphsConfig {
  uri: string;
  /** Silo name → database name. */
  databases: Record<string, string>;
  names: SubgraphName[];
  tokens: TokenSettings;
  unsafeBenchmarkWithoutSecurity: boolean;
}

/** Subgraph name → its /graphql URL. */
export type SubgraphsInfo = Record<string, string>;

runChild<SubgraphsInfo>('subgraphs', async () => {
  const cfg = childConfig<SubgraphsConfig>();
  const loop = watchLoop();
  const connections: Connection[] = [];
  const servers: SubgraphServer[] = [];
  const urls: SubgraphsInfo = {};
  for (const name of cfg.names) {
    const def = subgraphDefinition(name);
    if (!def) throw new Error(`no definition for subgraph ${name}`);
    const connection = await connectSilo(cfg.uri, name, cfg.databases[name]);
    connections.push(connection);
    const server = await createSubgraphServer(def, {
      connection,
      tokens: cfg.tokens,
      unsafeBenchmarkWithoutSecurity: cfg.unsafeBenchmarkWithoutSecurity,
    });
    servers.push(server);
    urls[name] = (await server.listen(0)).url;
  }
  return {
    info: urls,
    async stop() {
      // Shown with --verbose: how well the audit group commit batched (records per insert) and where
      // an append's wait went; what kept the event loop busy over the child's life (loopWatch.ts).
      process.stderr.write(`event loop: ${JSON.stringify(loop.stop())}\n`);
      for (const s of servers) {
        const a = s.audit.stats;
        if (a.appends) process.stderr.write(`audit ${s.name}: ${a.appends} appends, ${a.inserts} inserts, ${(a.records / a.inserts).toFixed(2)} records per insert, ${(a.appendMs / a.appends).toFixed(2)} ms per append; per insert ${(a.delayMs / a.inserts).toFixed(2)} ms commit delay, ${(a.insertMs / a.inserts).toFixed(2)} ms round trip\n`);
      }
      await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
      await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
    },
  };
});
