/** Child process: seeds the city (seed.ts) and reports; the runner bounds its time and kills it. */
import type { Department } from '../../lib/config';
import { childConfig, runChild } from './childRuntime';
import { seedBenchCity, type SeedReport } from './seed';

export interface SeedChildConfig {
  uri: string;
  projects: number;
  dir: string;
  dbPrefix: string;
  departments: Department[];
}

runChild<SeedReport>('seed', async () => {
  const cfg = childConfig<SeedChildConfig>();
  const report = await seedBenchCity({
    uri: cfg.uri,
    projects: cfg.projects,
    dir: cfg.dir,
    dbName: (silo) => `${cfg.dbPrefix}_${silo}`,
    departments: cfg.departments,
    log: (m) => process.stderr.write(m + '\n'),
  });
  return { info: report, stop: async () => undefined };
});
