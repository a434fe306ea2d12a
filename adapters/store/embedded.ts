/**
 * The embedded store: FerretDB (MongoDB wire protocol on SQLite) as a child process.
 *
 * It listens only on a Unix domain socket inside a 0700 directory of the data dir, never on TCP:
 * FerretDB v1 on SQLite has no authentication, so a port on 127.0.0.1 let any local user read and
 * rewrite every department's data and audit trail; the socket's directory lets in its owner (and root)
 * only. Its SQLite files (<dataDir>/ferretdb) are 0700 too. The URI is `mongodb://<encoded socket path>/`.
 *
 * It exits when our process goes away: it watches its stdin, which only we hold, so even a SIGKILL of
 * the parent ends it. When it dies by itself (crash, kill -9, OOM) it is started again on the same
 * socket after a back-off (lib/process/supervisor.ts's), so connected services reconnect by themselves;
 * stop() ends it for good.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEnv } from '../../lib/config';
import { DEFAULT_BACK_OFF, type BackOff } from '../../lib/process/supervisor';
import { ensureFerretBuild } from './build-ferretdb';

export interface EmbeddedStore {
  /** mongodb:// URI of the running store (the socket path, no database name). Unchanged by restarts. */
  readonly uri: string;
  /** The socket the store listens on. */
  readonly socketPath: string;
  /** pid of the current store process (the latest start). */
  readonly pid: number;
  /** Times the store was started again after it died. */
  restarts(): number;
  stop(): Promise<void>;
}

export type StoreLog = (message: string, level?: 'info' | 'warn' | 'error') => void;

export interface EmbeddedStoreOptions {
  dataDir: string;
  log?: StoreLog;
  /** SQLite `synchronous`: `normal` (default; no fsync per commit in WAL mode) or `full`. Env EMBEDDED_STORE_SYNC. */
  sync?: 'normal' | 'full';
  /** Restart back-off (default: the service supervisor's, 0.5 s doubling to 30 s). */
  backOff?: Partial<BackOff>;
  /** Called with the new pid after each restart (npm start rewrites store.json). */
  onRestart?(pid: number): void;
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

/** Linux's limit on a socket path (sun_path is 108 bytes with the terminating NUL). */
export const SOCKET_PATH_MAX_BYTES = 107;

/**
 * Where the store's socket goes: `<dataDir>/run/store.sock`; when that path is too long for a socket
 * (a deep data dir), a fresh 0700 directory under the system's temporary directory (`temporary`: the
 * caller removes it when the store stops).
 */
export function socketPathFor(dataDir: string): { socketPath: string; temporary?: string } {
  const inDataDir = path.join(path.resolve(dataDir), 'run', 'store.sock');
  if (Buffer.byteLength(inDataDir) <= SOCKET_PATH_MAX_BYTES) return { socketPath: inDataDir };
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-store-')); // mkdtemp creates it 0700
  return { socketPath: path.join(temporary, 'store.sock'), temporary };
}

const START_TIMEOUT_MS = 60_000;

export async function startEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const { binary } = ensureFerretBuild({ log: options.log });
  const log: StoreLog = options.log ?? (() => undefined);
  const backOff: BackOff = { ...DEFAULT_BACK_OFF, ...options.backOff };
  const storeDir = path.join(options.dataDir, 'ferretdb');
  fs.mkdirSync(storeDir, { recursive: true, mode: 0o700 });
  const { socketPath, temporary } = socketPathFor(options.dataDir);
  const sync = syncSetting(options.sync);
  const args = ['-unix', socketPath, '-data', storeDir, '-sync', sync];
  const env = { ...process.env, GOGC: storeGoGc() };

  let current = await launch(binary, args, env);
  const uri = current.uri;
  let stopped = false;
  let restarts = 0;
  let delay = backOff.initialMs;
  let restartTimer: NodeJS.Timeout | undefined;

  const watch = (running: Launched) => {
    void running.exited.then(({ code, signal }) => {
      if (stopped) return;
      if (Date.now() - running.startedAt >= backOff.resetAfterMs) delay = backOff.initialMs;
      const restartInMs = delay;
      delay = Math.min(delay * 2, backOff.maxMs);
      log(`embedded store (pid ${running.pid}) exited (code ${code}, signal ${signal}); restarting in ${restartInMs} ms`, 'error');
      restartTimer = setTimeout(relaunch, restartInMs);
    });
  };
  const relaunch = async () => {
    restartTimer = undefined;
    if (stopped) return;
    try {
      const next = await launch(binary, args, env);
      if (stopped) return void next.stop();
      current = next;
      restarts++;
      log(`embedded store restarted (pid ${next.pid}) on ${socketPath}`, 'warn');
      options.onRestart?.(next.pid);
      watch(next);
    } catch (e) {
      const restartInMs = delay;
      delay = Math.min(delay * 2, backOff.maxMs);
      log(`embedded store could not be restarted (${(e as Error).message.split('\n')[0]}); trying again in ${restartInMs} ms`, 'error');
      restartTimer = setTimeout(relaunch, restartInMs);
    }
  };
  watch(current);

  return {
    uri,
    socketPath,
    get pid() {
      return current.pid;
    },
    restarts: () => restarts,
    async stop() {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      await current.stop();
      if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
    },
  };
}

interface Launched {
  uri: string;
  pid: number;
  startedAt: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

async function launch(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<Launched> {
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const uri = await waitForUri(child);
  let gone = false;
  void exited.then(() => { gone = true; });
  // Do not let the child keep our event loop alive once we are done with everything else.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return {
    uri,
    pid: child.pid ?? -1,
    startedAt: Date.now(),
    exited,
    async stop() {
      if (gone) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
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
