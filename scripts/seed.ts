/**
 * npm run seed -- [--projects N] [--seed S]
 * Seeds a demo city (default 100 projects, seed 20261123) through the adapters into the store
 * (MONGODB_URI, the running embedded store, or a new one on XIETONG_DATA_DIR). Prints a JSON summary.
 */
import path from 'node:path';
import { DEFAULT_PROJECTS } from '../adapters/demo/city';
import { seedDemoCity } from '../adapters/demo/seed';
import { openStore } from '../adapters/store/connection';
import { dataDir } from '../lib/config';

function intFlag(args: string[], name: string, fallback: number, min: number, max: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`${name} must be an integer from ${min} to ${max}, got "${args[i + 1]}"\n`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const args = process.argv.slice(2);
  const projects = intFlag(args, '--projects', DEFAULT_PROJECTS, 1, 12_000);
  const seed = intFlag(args, '--seed', 20261123, 0, 2 ** 31 - 1);
  const store = await openStore({ log: (m) => process.stderr.write(m + '\n') });
  try {
    const result = await seedDemoCity({
      uri: store.uri,
      projects,
      seed,
      dir: path.join(dataDir(), 'demo', `${seed}-${projects}`),
      log: (m) => process.stderr.write(m + '\n'),
    });
    const rejected = result.files.reduce((n, f) => n + f.report.rejected, 0);
    process.stdout.write(JSON.stringify({
      projects, seed, seconds: result.seconds, rejected,
      files: result.files.map((f) => ({ source: f.source, file: f.file, seconds: f.seconds, accepted: f.report.accepted, duplicates: f.report.duplicates, rejected: f.report.rejected })),
      planted: result.city.planted,
    }, null, 2) + '\n');
  } finally {
    await store.release();
  }
}

main().catch((e) => {
  process.stderr.write(`seed failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
