/**
 * The whole graph for end-to-end tests: a demo city seeded through the adapters into this test file's
 * own databases, every subgraph and the gateway on port 0. Returns the gateway handle, the city model
 * (with its planted situations) and stop().
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Connection } from 'mongoose';
import { seedDemoCity } from '../../adapters/demo/seed';
import type { DemoCity } from '../../adapters/demo/city';
import { listedSubgraphs } from '../../schema/compose';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { createJointSubgraph } from '../../subgraphs/joint/server';
import type { SubgraphName } from '../../lib/config';
import { testStore } from './db';
import { testTokenSettings } from './tokens';
import { startGateway, startSubgraph, type GatewayHandle, type Started } from './services';

export interface SystemHandle {
  gateway: GatewayHandle;
  city: DemoCity;
  connections: Record<string, Connection>;
  subgraphUrls: Record<string, string>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  projects?: number;
  seed?: number;
  workersPerProject?: number;
  /** Days of monitoring data in the demo city (default 7 here, to seed quickly). */
  monitoringDays?: number;
  monitorCommands?: boolean;
}

export async function startSystem(options: SystemOptions = {}): Promise<SystemHandle> {
  const store = testStore();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-city-'));
  const names = Object.keys(listedSubgraphs()) as SubgraphName[];
  const { city } = await seedDemoCity({
    uri: store.uri,
    projects: options.projects ?? 24,
    seed: options.seed,
    workersPerProject: options.workersPerProject,
    monitoringDays: options.monitoringDays ?? 7,
    dir,
    dbName: (silo) => `${store.prefix}_${silo}`,
  });
  const connections: Record<string, Connection> = {};
  const services: Started[] = [];
  const subgraphUrls: Record<string, string> = {};
  // joint captures case evidence through the gateway, which starts after the subgraphs: it reads the URL when it needs it.
  let gatewayUrl = '';
  const definition = (name: SubgraphName) => (name === 'joint' ? createJointSubgraph({ gatewayUrl: () => gatewayUrl, tokens: testTokenSettings }) : SUBGRAPHS[name]!);
  for (const name of names) {
    connections[name] = await store.connect(name, { monitorCommands: options.monitorCommands });
    // The audit anchors reach this system's gateway (port 0), not a default one.
    const s = await startSubgraph(definition(name), connections[name], { gatewayUrl: () => gatewayUrl });
    services.push(s);
    subgraphUrls[name] = s.url;
  }
  const gateway = await startGateway(subgraphUrls);
  gatewayUrl = gateway.url;
  return {
    gateway,
    city,
    connections,
    subgraphUrls,
    async stop() {
      await gateway.stop();
      await Promise.all(services.map((s) => s.stop()));
      await store.closeAll();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
