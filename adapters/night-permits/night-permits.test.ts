/** `night-permits` adapter: valid rows, every rejection reason, ingesting twice leaves the same documents. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { IngestSink } from '../common/sink';
import { createQuarantineModel } from '../common/quarantine';
import { createNightPermitModel } from '../../subgraphs/environment/models/nightPermit';
import { nightPermitsAdapter } from './index';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'night-permits-'));
beforeAll(async () => { conn = await store.connect('environment'); });
afterAll(async () => { await store.closeAll(); fs.rmSync(dir, { recursive: true, force: true }); });

const HEADER = 'permitNo,projectCode,from,to,nightFrom,nightTo,issuer,contactPhone';
const GOOD = [
  'YJ-371302-2026-001,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,22:00,06:00,临沂市生态环境局兰山分局,13812345678',
  'YJ-371311-2026-002,2024-371311-47-02-B2C3D4,2026-10-05,2026-10-06,22:00,02:00,临沂市生态环境局罗庄分局,',
];
const BAD: [string, RegExp][] = [
  [',2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,22:00,06:00,局,', /permitNo "" is empty/],
  ['YJ-3,2024-371302-47-01,2026-10-01,2026-10-31,22:00,06:00,局,', /projectCode "2024-371302-47-01" must be 24/],
  ['YJ-4,2024-371302-47-01-A1B2C3,2026/10/01,2026-10-31,22:00,06:00,局,', /from "2026\/10\/01" is not a date/],
  ['YJ-5,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-32,22:00,06:00,局,', /to "2026-10-32" is not a date/],
  ['YJ-6,2024-371302-47-01-A1B2C3,2026-10-05,2026-10-01,22:00,06:00,局,', /to 2026-10-01 is before from 2026-10-05/],
  ['YJ-7,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,24:00,06:00,局,', /nightFrom "24:00" is not a time/],
  ['YJ-8,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,22:00,6,局,', /nightTo "6" is not a time/],
  ['YJ-9,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,22:00,22:00,局,', /an empty period/],
  ['YJ-10,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,22:00,06:00,,', /issuer is empty/],
  ['YJ-11,2024-371302-47-01-A1B2C3,2026-10-01,2026-10-31,22:00,06:00,局,12345', /contactPhone "12345"/],
  ['YJ-12,2024-371302-47-01-A1B2C3', /expected 8 fields/],
];

test('valid rows stored, every bad row quarantined with file:line and reason, twice = same documents', async () => {
  const file = path.join(dir, 'night-permits.csv');
  fs.writeFileSync(file, [HEADER, ...GOOD, ...BAD.map(([row]) => row)].join('\n') + '\n');
  const run = async () => {
    const sink = new IngestSink(conn, { source: 'night-permits' });
    await nightPermitsAdapter.ingestFile(file, sink, conn, {});
    return sink.finish();
  };
  const first = await run();
  expect(first).toMatchObject({ accepted: 2, rejected: BAD.length });
  BAD.forEach(([, reason], i) => {
    expect(first.reasons[i].where).toBe(`${file}:${i + 4}`);
    expect(first.reasons[i].reason).toMatch(reason);
  });
  const Permit = createNightPermitModel(conn);
  const before = await Permit.find({}, { _id: 0 }).sort({ permitNo: 1 }).lean();
  expect(before).toEqual([
    { permitNo: 'YJ-371302-2026-001', projectCode: '2024-371302-47-01-A1B2C3', from: '2026-10-01', to: '2026-10-31', nightFrom: '22:00', nightTo: '06:00', issuer: '临沂市生态环境局兰山分局', contactPhone: '13812345678' },
    { permitNo: 'YJ-371311-2026-002', projectCode: '2024-371311-47-02-B2C3D4', from: '2026-10-05', to: '2026-10-06', nightFrom: '22:00', nightTo: '02:00', issuer: '临沂市生态环境局罗庄分局', contactPhone: null },
  ]);
  const second = await run();
  expect(second).toMatchObject({ accepted: 0, duplicates: 2, updated: 0, rejected: BAD.length });
  expect(await Permit.find({}, { _id: 0 }).sort({ permitNo: 1 }).lean()).toEqual(before);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'night-permits' })).toBe(BAD.length);
});
