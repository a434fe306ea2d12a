/**
 * Where the data lives: MONGODB_URI (or MONGODB_URI_<SUBGRAPH>) when set; otherwise the embedded
 * store — the one `npm start` is already running on the same data dir, or a new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { dataDir, databaseName, mongoUriFor } from '../../lib/config';
import { startEmbeddedStore } from './embedded';
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


/** The embedded store that another Xietong process runs on this data dir, if any. */
export function findRunningStore(dir = dataDir()): string | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(runningStoreFile(dir), 'utf8')) as { uri: string; pid: number; ownerPid: number };
    return isAlive(info.pid) && isAlive(info.ownerPid) ? info.uri : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves the store to use. With `advertise`, a store started here is recorded in the data dir so
 * that `npm run ingest` and other tools can reuse it while this process runs.
 */
export async function openStore(options: { advertise?: boolean; log?: (m: string) => void } = {}): Promise<StoreHandle> {
  const configured = mongoUriFor();
  if (configured) return { uri: configured, source: 'MONGODB_URI', release: async () => undefined };
  const dir = dataDir();
  const running = findRunningStore(dir);
  if (running) return { uri: running, source: 'running-embedded', release: async () => undefined };
  fs.mkdirSync(dir, { recursive: true });
  const store = await startEmbeddedStore({ dataDir: dir, log: options.log });
  const file = runningStoreFile(dir);
  if (options.advertise) {
    fs.writeFileSync(file, JSON.stringify({ uri: store.uri, pid: store.pid, ownerPid: process.pid }) + '\n');
  }
  return {
    uri: store.uri,
    source: 'started-embedded',
    async release() {
      if (options.advertise) fs.rmSync(file, { force: true });
      await store.stop();
    },
  };
}

/** A mongoose connection to one silo's own database. */
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
    serverSelectionTimeoutMS: 10_000,
  });
  await conn.asPromise();
  return conn;
}
