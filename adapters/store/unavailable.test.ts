/**
 * Which failures are "the store is unavailable": real driver errors from a socket nobody listens on are;
 * a server's refusal (duplicate key) is not; the formatted error names the service and no path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { connectSilo } from './connection';
import { formatStoreUnavailable, isStoreUnavailable } from './unavailable';
import { testStore } from '../../test/harness/db';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-unavail-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a store nobody answers for is unavailable; a duplicate key is not', async () => {
  const socket = path.join(dir, 'nobody.sock');
  const saved = process.env.STORE_SERVER_SELECTION_TIMEOUT_MS;
  process.env.STORE_SERVER_SELECTION_TIMEOUT_MS = '300';
  let failure: unknown;
  const t0 = Date.now();
  try {
    await connectSilo(`mongodb://${encodeURIComponent(socket)}/`, 'nobody');
  } catch (e) {
    failure = e;
  } finally {
    if (saved === undefined) delete process.env.STORE_SERVER_SELECTION_TIMEOUT_MS;
    else process.env.STORE_SERVER_SELECTION_TIMEOUT_MS = saved;
  }
  expect(Date.now() - t0).toBeLessThan(5_000);
  expect(isStoreUnavailable(failure)).toBe(true);
  // Wrapped (a resolver's own error with the driver's as its cause) it is still recognised.
  expect(isStoreUnavailable(new Error('loading projects failed', { cause: failure }))).toBe(true);

  const formatted = formatStoreUnavailable('hrss', { message: (failure as Error).message, path: ['workers'] }, failure)!;
  expect(formatted).toEqual({
    message: expect.stringMatching(/^hrss: its store is not answering/),
    path: ['workers'],
    extensions: { code: 'STORE_UNAVAILABLE', service: 'hrss' },
  });
  expect(JSON.stringify(formatted)).not.toContain(dir);

  const conn = await store.connect('unavail');
  await conn.db!.collection('x').insertOne({ _id: 'k' as never });
  const duplicate = await conn.db!.collection('x').insertOne({ _id: 'k' as never }).catch((e: unknown) => e);
  expect((duplicate as { code?: number }).code).toBe(11000);
  expect(isStoreUnavailable(duplicate)).toBe(false);
  expect(isStoreUnavailable(new GraphQLError('Invalid argument'))).toBe(false);
  expect(formatStoreUnavailable('hrss', { message: 'x' }, duplicate)).toBeUndefined();
});
