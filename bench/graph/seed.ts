/**
 * Seeds the demo city for the benchmark. When every department is served: the real thing
 * (adapters/demo/seed: every department's generator, ingested through the adapters). While some
 * department has not landed yet (it is not served, or the full seeding fails): the served departments
 * only, department by department, through the same generators and adapters, saying what is missing.
 * Runs in its own child process (seedChild.ts) so that the runner can bound its time.
 */
import path from 'node:path';
import type { Connection } from 'mongoose';
import { DEPARTMENTS, ROOT_DIR, type Department } from '../../lib/config';
import { connectSilo } from '../../adapters/store/connection';
import type { Adapter } from '../../adapters/common/adapter';

export interface SeedReport {
  mode: 'full' | 'partial';
  seconds: number;
  projects: number;
  /** Per ingested file: source, accepted and rejected records. */
  files: { source: string; accepted: number; rejected: number }[];
  /** Departments (or sources) that could not be seeded, and why. */
  missing: { what: string; why: string }[];
  /** Why the full seeding failed (partial mode). */
  fullSeedError?: string;
}

export interface SeedArgs {
  uri: string;
  projects: number;
  dir: string;
  dbName(silo: string): string;
  /** The departments the benchmark serves; all of them → try the full seeding first. */
  departments: readonly Department[];
  log(message: string): void;
}

type Written = { source: string; file: string }[];

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0];
}

function load(modulePath: string): Record<string, unknown> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(modulePath) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function findAdapter(source: string): Adapter | undefined {
  const registry = load(path.join(ROOT_DIR, 'adapters', 'registry')) as { adapterFor?: (s: string) => Adapter | undefined } | undefined;
  const registered = registry?.adapterFor?.(source);
  if (registered) return registered;
  const mod = load(path.join(ROOT_DIR, 'adapters', source));
  return Object.values(mod ?? {}).find(
    (v): v is Adapter => typeof v === 'object' && v !== null && (v as Adapter).source === source && typeof (v as Adapter).ingestFile === 'function',
  );
}

async function dropSilos(args: SeedArgs): Promise<void> {
  for (const d of DEPARTMENTS) {
    const c = await connectSilo(args.uri, d, args.dbName(d));
    await c.dropDatabase().catch(() => undefined);
    await c.close();
  }
}

export async function seedBenchCity(args: SeedArgs): Promise<SeedReport> {
  const t0 = Date.now();
  let fullSeedError: string | undefined;
  if (DEPARTMENTS.every((d) => args.departments.includes(d))) {
    try {
      const { seedDemoCity } = await import('../../adapters/demo/seed');
      const result = await seedDemoCity({ uri: args.uri, projects: args.projects, dir: args.dir, dbName: args.dbName, log: args.log });
      return {
        mode: 'full',
        seconds: (Date.now() - t0) / 1000,
        projects: result.city.projects.length,
        files: result.files.map((f) => ({ source: f.source, accepted: f.report.accepted, rejected: f.report.rejected })),
        missing: [],
      };
    } catch (e) {
      fullSeedError = firstLine(e);
      args.log(`[seed] the full demo city cannot be seeded yet (${fullSeedError}); seeding department by department`);
      await dropSilos(args);
    }
  }

  const { generateCity } = await import('../../adapters/demo/city');
  const { ingestFile } = await import('../../adapters/ingest');
  const city = generateCity({ projects: args.projects });
  const files: SeedReport['files'] = [];
  const missing: SeedReport['missing'] = [];
  const connections = new Map<string, Connection>();
  try {
    for (const dept of DEPARTMENTS) {
      if (!args.departments.includes(dept)) {
        missing.push({ what: dept, why: 'not served by this run (no usable subgraph yet, or not listed)' });
        continue;
      }
      const fn = `write${dept[0].toUpperCase()}${dept.slice(1)}Files`;
      const writer = load(path.join(ROOT_DIR, 'adapters', 'demo', dept))?.[fn] as
        | ((c: typeof city, dir: string) => Promise<Written>)
        | undefined;
      if (!writer) {
        missing.push({ what: dept, why: `no demo generator adapters/demo/${dept}.ts (${fn})` });
        continue;
      }
      let written: Written;
      try {
        written = await writer(city, args.dir);
      } catch (e) {
        missing.push({ what: dept, why: `demo generator failed: ${firstLine(e)}` });
        continue;
      }
      for (const { source, file } of written) {
        const adapter = findAdapter(source);
        if (!adapter) {
          missing.push({ what: `${dept}/${source}`, why: `no adapter for source "${source}"` });
          continue;
        }
        let conn = connections.get(adapter.department);
        if (!conn) {
          conn = await connectSilo(args.uri, adapter.department, args.dbName(adapter.department));
          connections.set(adapter.department, conn);
        }
        try {
          const report = await ingestFile(adapter, file, conn, { batchSize: 2000 });
          files.push({ source, accepted: report.accepted, rejected: report.rejected });
          args.log(`[seed] ${source}: ${report.accepted} accepted, ${report.rejected} rejected`);
        } catch (e) {
          missing.push({ what: `${dept}/${source}`, why: `ingest failed: ${firstLine(e)}` });
        }
      }
    }
  } finally {
    for (const c of connections.values()) await c.close();
  }
  return { mode: 'partial', seconds: (Date.now() - t0) / 1000, projects: city.projects.length, files, missing, fullSeedError };
}
