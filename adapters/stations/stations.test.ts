/** `stations` adapter: valid rows, every rejection reason, ingesting twice leaves the same documents. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { IngestSink } from '../common/sink';
import { createQuarantineModel } from '../common/quarantine';
import { createStationModel } from '../../subgraphs/environment/models/station';
import { stationsAdapter } from './index';
import { hashPassword, verifyPassword } from './password';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stations-'));
beforeAll(async () => { conn = await store.connect('environment'); });
afterAll(async () => { await store.closeAll(); fs.rmSync(dir, { recursive: true, force: true }); });

const HEADER = 'mn,projectCode,district,lng,lat,vendor,st,installedOn,pw';
const GOOD = [
  '888888800000000001CSD371,2024-371302-47-01-A1B2C3,371302,118.35,35.06,恒测科技,39,2024-05-01,123456',
  '888888800000000002CSD371,2024-371311-47-02-B2C3D4,371311,118.28,34.99,恒测科技,39,2024-06-12,654321',
];
const BAD: [string, RegExp][] = [
  ['8888-1,2024-371302-47-01-A1B2C3,371302,118.35,35.06,v,39,2024-05-01,111111', /mn: MN "8888-1"/],
  ['888888800000000003CSD371,2024-37130-47-01-A1B2C3,371302,118.35,35.06,v,39,2024-05-01,111111', /projectCode "2024-37130-47-01-A1B2C3" must be 24 characters/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,37130X,118.35,35.06,v,39,2024-05-01,111111', /district "37130X" is not a 6-digit/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,35.06,118.35,v,39,2024-05-01,111111', /lng "35.06" is not a longitude/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,118.35,,v,39,2024-05-01,111111', /lat "" is not a latitude/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,118.35,35.06,,39,2024-05-01,111111', /vendor is empty/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,118.35,35.06,v,99,2024-05-01,111111', /st "99" is not an HJ 212 system code/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,118.35,35.06,v,39,2024-02-30,111111', /installedOn "2024-02-30" is not a date/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,118.35,35.06,v,39,2024-05-01,', /pw \(access password\) is empty/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302,118.35,35.06,v,39,2024-05-01,12;34', /pw must be printable ASCII without/],
  ['888888800000000003CSD371,2024-371302-47-01-A1B2C3,371302', /expected 9 fields/],
];

test('valid rows stored, every bad row quarantined with file:line and reason, twice = same documents', async () => {
  const file = path.join(dir, 'stations.csv');
  fs.writeFileSync(file, [HEADER, ...GOOD, ...BAD.map(([row]) => row)].join('\n') + '\n');
  const run = async () => {
    const sink = new IngestSink(conn, { source: 'stations' });
    await stationsAdapter.ingestFile(file, sink, conn, {});
    return sink.finish();
  };
  const first = await run();
  expect(first).toMatchObject({ accepted: 2, rejected: BAD.length });
  BAD.forEach(([, reason], i) => {
    expect(first.reasons[i].where).toBe(`${file}:${i + 4}`);
    expect(first.reasons[i].reason).toMatch(reason);
  });
  const Station = createStationModel(conn);
  const before = await Station.find({}, { _id: 0 }).sort({ mn: 1 }).lean();
  expect(before[0]).toEqual({
    mn: '888888800000000001CSD371', projectCode: '2024-371302-47-01-A1B2C3', district: '371302', lng: 118.35, lat: 35.06, vendor: '恒测科技', st: '39', installedOn: '2024-05-01',
    pwHash: expect.stringMatching(/^scrypt\$4096\$8\$1\$[0-9a-f]{64}$/),
  });
  // The password is kept only hashed, salted per station: the same password gives different hashes.
  expect(JSON.stringify(before)).not.toMatch(/123456|654321/);
  expect(verifyPassword(before[0].mn, '123456', before[0].pwHash)).toBe(true);
  expect(verifyPassword(before[0].mn, '123457', before[0].pwHash)).toBe(false);
  expect(hashPassword(before[1].mn, '123456')).not.toBe(before[0].pwHash);
  const second = await run();
  expect(second).toMatchObject({ accepted: 0, duplicates: 2, updated: 0, rejected: BAD.length });
  expect(await Station.find({}, { _id: 0 }).sort({ mn: 1 }).lean()).toEqual(before);
  const q = await createQuarantineModel(conn).find({ source: 'stations' }).lean();
  expect(q.map((r) => r.raw.trim()).sort()).toEqual(BAD.map(([row]) => row).sort());
});
