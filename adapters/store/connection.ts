/**
 * Where the data lives: MONGODB_URI (or MONGODB_URI_<SUBGRAPH>) when set; otherwise the embedded
 * store — the one `npm start` is already running on the same data dir, or a new one (reached over its
 * owner-only Unix socket, embedded.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { dataDir, databaseName, mongoUriFor } from '../../lib/config';
import { startEmbeddedStore, type StoreLog } from './embedded';
import { serverSelectionTimeoutMs } from './unavailable';
import { isAlive } from '../../lib/process/alive';

export interface StoreHandle {
  uri: string;
  /** Where the URI came from. */
  source: 'MONGODB_URI' | 'running-embedded' | 'started-embedded';
  /** Stops the store when this handle started it; otherwise does nothing. */
  release(): Promise<void>;
}

const RUNNING_FILE = 'store.json';

function runningStoreFile(dir: string): string {
  return path.join(dir, RUNNING_FILE);
}


/** What store.json records: the store's URI, its current pid, and the pid of the process that owns (and restarts) it. */
export interface RunningStoreInfo { uri: string; pid: number; ownerPid: number }

export function readRunningStoreInfo(dir = dataDir()): RunningStoreInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(runningStoreFile(dir), 'utf8')) as RunningStoreInfo;
  } catch {
    return undefined;
  }
}

/**
 * The embedded store that another Xietong process runs on this data dir, if any. Its owner being alive
 * is what counts: a store that just died is being restarted by its owner on the same socket, and a
 * second store on the same files must never be started meanwhile.
 */
export function findRunningStore(dir = dataDir()): string | undefined {
  try {
    const info = readRunningStoreInfo(dir);
    return info && isAlive(info.ownerPid) ? info.uri : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves the store to use. With `advertise`, a store started here is recorded in the data dir so
 * that `npm run ingest` and other tools can reuse it while this process runs.
 */
export async function openStore(options: { advertise?: boolean; log?: StoreLog } = {}): Promise<StoreHandle> {
  const configured = mongoUriFor();
  if (configured) return { uri: configured, source: 'MONGODB_URI', release: async () => undefined };
  const dir = dataDir();
  const running = findRunningStore(dir);
  if (running) return { uri: running, source: 'running-embedded', release: async () => undefined };
  fs.mkdirSync(dir, { recursive: true });
  const file = runningStoreFile(dir);
  const advertise = (pid: number) => {
    const info: RunningStoreInfo = { uri: store.uri, pid, ownerPid: process.pid };
    // Written aside and renamed: a tool reading it while the store is restarted never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(info) + '\n');
    fs.renameSync(tmp, file);
  };
  // The store is restarted when it dies (embedded.ts); store.json follows its pid.
  const store = await startEmbeddedStore({ dataDir: dir, log: options.log, onRestart: options.advertise ? advertise : undefined });
  if (options.advertise) advertise(store.pid);
  return {
    uri: store.uri,
    source: 'started-embedded',
    async release() {
      if (options.advertise) fs.rmSync(file, { force: true });
      await store.stop();
    },
  };
}

/**
 * A mongoose connection to one silo's own database.
 *
 * No command buffering: with mongoose's default, an operation while the store is down waited in a queue
 * (and then for the driver's 30 s server selection), so every request hung for a minute after a kill -9
 * of the store. Now it goes straight to the driver and fails within STORE_SERVER_SELECTION_TIMEOUT_MS
 * (unavailable.ts), and the error becomes STORE_UNAVAILABLE. This returns only once the connection is
 * open, so no model is used before it (the one case bufferCommands: false refuses); the driver
 * reconnects by itself when the store returns.
 */
export async function connectSilo(
  uri: string,
  name: string,
  dbName = databaseName(name),
  options: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    monitorCommands: options.monitorCommands ?? false,
    // FerretDB v1 has no retryable writes.
    retryWrites: false,
    serverSelectionTimeoutMS: serverSelectionTimeoutMs(),
    bufferCommands: false,
  });
  await conn.asPromise();
  return conn;
}
