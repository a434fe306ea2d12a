/**
 * A 20 MB line in an HJ 212 log through `npm run ingest` (issue 18: it crashed with a BSON RangeError,
 * exit 1, no report, nothing quarantined, and the readings written before it never reached the graph):
 * now exit 3 with a report, the line kept truncated with its length and hash, the valid packets around
 * it stored and in the read model.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { runScript } from '../../test/harness/script';
import { createQuarantineModel } from '../common/quarantine';
import { createEnvironmentModels } from '../../subgraphs/environment/models';
import { registerStations } from '../stations/registerForTests';
import { buildFrame } from './frame';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj212-huge-'));
const MN = '888888800000000001CSD371';

beforeAll(async () => {
  conn = await store.connect('environment');
  await registerStations(conn, dir, [{ mn: MN, pw: '123456' }]);
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

function frame(time: string, pm10: number): string {
  return buildFrame(`QN=${time}000;ST=39;CN=2051;PW=123456;MN=${MN};Flag=4;CP=&&DataTime=${time};a34002-Avg=${pm10},a34002-Flag=N;LA-Avg=55.2,LA-Flag=N&&`).trimEnd();
}

test('a 20 MB line: exit 3 with a report, kept truncated with length and sha256; the packets around it stored and in the read model', async () => {
  const huge = '##' + 'x'.repeat(20 * 1024 * 1024);
  const file = path.join(dir, 'huge.log');
  fs.writeFileSync(file, [frame('20261001000000', 41), huge, frame('20261001001500', 42)].join('\r\n') + '\r\n');

  const { code, stdout } = await runScript('scripts/ingest.ts', ['hj212', file, '--json'], store);
  expect(code).toBe(3);
  const report = JSON.parse(stdout) as { read: number; accepted: number; rejected: number; reasons: { where: string; reason: string }[] };
  expect(report).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
  const sha256 = createHash('sha256').update(huge).digest('hex');
  expect(report.reasons).toEqual([{ where: `${file}:2`, reason: expect.stringContaining(`line of ${huge.length} bytes is over HJ212_MAX_LINE_BYTES (4096)`) }]);
  expect(report.reasons[0].reason).toContain(sha256);

  const q = await createQuarantineModel(conn).findOne({ source: 'hj212' }).lean();
  expect(q).toMatchObject({ where: `${file}:2`, raw: huge.slice(0, 4096), truncated: { length: huge.length, unit: 'bytes', sha256 } });
  const models = createEnvironmentModels(conn);
  expect(await models.Reading.countDocuments({ mn: MN })).toBe(2);
  expect(await models.ReadingChunk.countDocuments({ mn: MN, day: '2026-10-01' })).toBeGreaterThan(0);
  expect(await models.StationLatest.findById(MN).lean()).toMatchObject({ dataTime: new Date('2026-09-30T16:15:00Z') });
}, 120_000);
