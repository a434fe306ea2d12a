/**
 * One embedded store (FerretDB on SQLite) per test run, in a temporary directory, unless
 * MONGODB_URI is set. Workers read the URI from XIETONG_TEST_MONGODB_URI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore } from '../../adapters/store/embedded';

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.XIETONG_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-test-'));
  const store = await startEmbeddedStore({ dataDir: dir, log: (m) => process.stderr.write(m + '\n') });
  process.env.XIETONG_TEST_MONGODB_URI = store.uri;
  (globalThis as Record<string, unknown>).__XIETONG_TEST_STORE__ = { store, dir };
}
