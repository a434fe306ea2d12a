/**
 * What the store-backed benchmarks (bench/ingest, bench/demo) share: numeric flags, the
 * machine's description, and a run on a freshly started embedded store in a temp dir that prints the
 * figures as JSON and removes everything afterwards (exit 1 with the stack when the run fails).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore, type EmbeddedStore } from '../../adapters/store/embedded';
import { round2 } from './round';

/** `--name N` from the command line, or the fallback. */
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export function machineInfo() {
  return { cpus: os.cpus().length, loadAverage: os.loadavg().map(round2), node: process.version };
}

export function runOnFreshStore(name: string, body: (store: EmbeddedStore, dir: string) => Promise<unknown>): void {
  const main = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xietong-bench-${name}-`));
    const store = await startEmbeddedStore({ dataDir: path.join(dir, 'store') });
    try {
      process.stdout.write(JSON.stringify(await body(store, dir), null, 2) + '\n');
    } finally {
      await store.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  main().catch((e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
