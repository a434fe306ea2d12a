/**
 * The embedded store: FerretDB (MongoDB wire protocol on SQLite) as a child process.
 * It listens on a free port, keeps its files under <dataDir>/ferretdb, and exits when our process
 * goes away: it watches its stdin, which only we hold, so even a SIGKILL of the parent ends it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '../../lib/config';
import { ensureFerretBuild } from './build-ferretdb';

export interface EmbeddedStore {
  /** mongodb:// URI of the running store (no database name). */
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** Defaults to 127.0.0.1:0 (a free port). */
  listen?: string;
  log?: (message: string) => void;
  /** SQLite `synchronous`: `normal` (default; no fsync per commit in WAL mode) or `full`. Env EMBEDDED_STORE_SYNC. */
  sync?: 'normal' | 'full';
}

export function syncSetting(option: string | undefined): 'normal' | 'full' {
  const v = (option ?? readEnv('EMBEDDED_STORE_SYNC') ?? 'normal').toLowerCase();
  if (v !== 'normal' && v !== 'full') throw new Error(`EMBEDDED_STORE_SYNC must be normal or full, got "${v}"`);
  return v;
}

/**
 * The store's Go GC target. Go's collector took a tenth of the store's CPU under load at the default
 * GOGC=100; the store's heap is small (tens of MB), so collecting less often costs little memory
 * (bench/graph: the store's CPU per request fell by a fifth at 400). EMBEDDED_STORE_GOGC overrides.
 */
export function storeGoGc(env: NodeJS.ProcessEnv = process.env): string {
  const v = (env.EMBEDDED_STORE_GOGC ?? '400').trim().toLowerCase();
  if (v !== 'off' && !/^[1-9]\d{0,4}$/.test(v)) throw new Error(`EMBEDDED_STORE_GOGC must be a percentage (e.g. 100, 400) or off, got "${v}"`);
  return v;
}

const START_TIMEOUT_MS = 60_000;

export async function startEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const { binary } = ensureFerretBuild({ log: options.log });
  const storeDir = path.join(options.dataDir, 'ferretdb');
  fs.mkdirSync(storeDir, { recursive: true });
  const sync = syncSetting(options.sync);
  const child = spawn(binary, ['-listen', options.listen ?? '127.0.0.1:0', '-data', storeDir, '-sync', sync], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GOGC: storeGoGc() },
  });
  const uri = await waitForUri(child);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  // Do not let the child keep our event loop alive once we are done with everything else.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return {
    uri,
    pid: child.pid ?? -1,
    async stop() {
      if (exited) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

function waitForUri(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`embedded store did not start within ${START_TIMEOUT_MS / 1000}s: ${err.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => { err = (err + d).slice(-8000); });
    child.stdout?.on('data', (d: string) => {
      out += d;
      const m = /MONGODB_URI=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded store exited (code ${code}, signal ${signal}) before listening: ${err.slice(-2000)}`));
    });
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}
