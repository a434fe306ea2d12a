/** Station authentication: registered MN + password; registry changes taken up after the refresh interval; a repeated wrong password costs no scrypt. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { registerStations } from '../stations/registerForTests';
import * as password from '../stations/password';
import { StationAuth } from './stationAuth';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-auth-'));
const A = '888888800000000001CSD371';
const B = '888888800000000002CSD371';

beforeAll(async () => {
  conn = await store.connect('environment');
  await registerStations(conn, dir, [{ mn: A, pw: '123456' }]);
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('right password, wrong password (QnRtn 3), unknown MN (QnRtn 4); a registration or a new password is taken up after the refresh', async () => {
  let now = 1_000_000;
  const auth = new StationAuth(conn, () => now);
  expect(await auth.check(A, '123456')).toEqual({ ok: true });
  expect(await auth.check(A, '654321')).toMatchObject({ ok: false, qnRtn: 3 });
  expect(await auth.check(B, '123456')).toMatchObject({ ok: false, qnRtn: 4 });

  // A repeated wrong password is answered from memory until the registry may have changed.
  const verify = jest.spyOn(password, 'verifyPassword');
  expect(await auth.check(A, '654321')).toMatchObject({ ok: false, qnRtn: 3 });
  expect(verify).not.toHaveBeenCalled();
  verify.mockRestore();

  await registerStations(conn, dir, [{ mn: A, pw: '654321' }, { mn: B, pw: '111111' }]);
  // Within the refresh interval the registry in memory still answers.
  expect(await auth.check(B, '111111')).toMatchObject({ ok: false, qnRtn: 4 });
  now += 6_000;
  expect(await auth.check(B, '111111')).toEqual({ ok: true });
  now += 6_000;
  expect(await auth.check(A, '654321')).toEqual({ ok: true });
  expect(await auth.check(A, '123456')).toMatchObject({ ok: false, qnRtn: 3 });
});

test('a password that passed is not verified again by the next ingest (another StationAuth), unless the station was re-keyed', async () => {
  const C = '888888800000000003CSD371';
  await registerStations(conn, dir, [{ mn: C, pw: '222222' }]);
  expect(await new StationAuth(conn).check(C, '222222')).toEqual({ ok: true });
  const verify = jest.spyOn(password, 'verifyPassword');
  try {
    const next = new StationAuth(conn);
    expect(await next.check(C, '222222')).toEqual({ ok: true });
    expect(await next.check(C, '333333')).toMatchObject({ ok: false, qnRtn: 3 });
    expect(verify).toHaveBeenCalledTimes(1); // the wrong password only
    verify.mockClear();
    // Re-keyed: the new stored hash is verified, the old password no longer passes from memory.
    await registerStations(conn, dir, [{ mn: C, pw: '444444' }]);
    const after = new StationAuth(conn);
    expect(await after.check(C, '222222')).toMatchObject({ ok: false, qnRtn: 3 });
    expect(await after.check(C, '444444')).toEqual({ ok: true });
    expect(verify).toHaveBeenCalledTimes(2);
  } finally {
    verify.mockRestore();
  }
});
