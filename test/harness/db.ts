/**
 * Each test file gets its own databases on the run's embedded store: `t<random>_<name>`.
 * Call `testStore()` at the top of a test file; `connect(name)` opens a silo database,
 * `closeAll()` (in afterAll) drops and closes them.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectSilo } from '../../adapters/store/connection';

export interface TestStore {
  uri: string;
  prefix: string;
  /** With monitorCommands, count driver commands: conn.getClient().on('commandStarted', …). */
  connect(name: string, options?: { monitorCommands?: boolean }): Promise<Connection>;
  closeAll(): Promise<void>;
}

export function testStoreUri(): string {
  const uri = process.env.XIETONG_TEST_MONGODB_URI;
  if (!uri) throw new Error('XIETONG_TEST_MONGODB_URI is not set: run the tests through jest (globalSetup starts the store)');
  return uri;
}

export function testStore(): TestStore {
  const uri = testStoreUri();
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const open: Connection[] = [];
  return {
    uri,
    prefix,
    async connect(name, options) {
      const c = await connectSilo(uri, name, `${prefix}_${name}`, options);
      open.push(c);
      return c;
    },
    async closeAll() {
      for (const c of open.splice(0)) {
        await c.dropDatabase().catch(() => undefined);
        await c.close();
      }
    },
  };
}
