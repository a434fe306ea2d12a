/**
 * Seeds the demo city: generates the city model, has every department's generator write its native
 * files, and ingests them THROUGH THE ADAPTERS into each department's own database — the demo
 * exercises the real path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { adapterFor } from '../registry';
import { ingestFile } from '../ingest';
import { checkAccounting, type IngestReport } from '../common/sink';
import { connectSilo } from '../store/connection';
import { generateCity, type DemoCity } from './city';
import { DEMO_WRITERS } from './writers';

export interface SeedOptions {
  uri: string;
  projects?: number;
  seed?: number;
  workersPerProject?: number;
  monitoringDays?: number;
  /** Where the native files are written (kept, so they can be inspected or re-ingested). */
  dir: string;
  /** Database name per silo; default: the configured one. */
  dbName?: (silo: string) => string | undefined;
  log?: (message: string) => void;
}

export interface SeedResult {
  city: DemoCity;
  seconds: number;
  files: { source: string; file: string; seconds: number; report: IngestReport }[];
}

export async function seedDemoCity(options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const city = generateCity({
    projects: options.projects,
    seed: options.seed,
    workersPerProject: options.workersPerProject,
    monitoringDays: options.monitoringDays,
  });
  fs.mkdirSync(options.dir, { recursive: true });
  const connections = new Map<string, Connection>();
  const files: SeedResult['files'] = [];
  try {
    for (const writer of DEMO_WRITERS) {
      const written = await writer(city, options.dir);
      for (const { source, file } of written) {
        const adapter = adapterFor(source);
        if (!adapter) throw new Error(`demo writer produced ${file} for unknown source "${source}"`);
        let conn = connections.get(adapter.department);
        if (!conn) {
          conn = await connectSilo(options.uri, adapter.department, options.dbName?.(adapter.department));
          connections.set(adapter.department, conn);
        }
        const t0 = Date.now();
        const report = await ingestFile(adapter, file, conn, { batchSize: 2000 });
        const seconds = (Date.now() - t0) / 1000;
        files.push({ source, file, seconds, report });
        log(`[seed] ${source} ${path.basename(file)}: ${report.read} read, ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.rejected} rejected in ${seconds.toFixed(1)} s`);
        // The generator's files are valid: a mismatch is an adapter's bug, said where it shows.
        const mismatch = checkAccounting(report);
        if (mismatch) log(`[seed] ${source} ${path.basename(file)}: ${mismatch}`);
      }
    }
  } finally {
    for (const c of connections.values()) await c.close();
  }
  return { city, seconds: (Date.now() - started) / 1000, files };
}
