/** `attendance`: daily punches → worker-month blocks; every rejection reason; duplicates; bounded grouping. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testStore } from '../../test/harness/db';
import { workerIdFor } from '../../domain/pseudonym';
import { createQuarantineModel } from '../common/quarantine';
import { IngestSink } from '../common/sink';
import { ingestFile } from '../ingest';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { csv, OTHER_VALID_ID, PROJECT, VALID_ID, writeCsv } from '../workers/fixtures';
import { attendanceAdapter, ingestAttendanceFile } from '.';
import { AttendanceBlocks } from './blocks';
import { ATTENDANCE_COLUMNS, parseAttendanceRow } from './record';

const SECRET = 'test-secret';
process.env.WORKER_PSEUDONYM_SECRET = SECRET;
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const punch = (over: Record<string, string> = {}): Record<string, string> => ({
  项目代码: PROJECT, 姓名: '王建国', 身份证号: VALID_ID, 考勤日期: '2026-10-08', 进场时间: '07:30', 离场时间: '17:30', ...over,
});

test('a valid punch names the worker by pseudonym only', () => {
  expect(parseAttendanceRow(punch({ 进场时间: '', 身份证号: VALID_ID.toLowerCase() }), SECRET).doc).toEqual({
    workerId: workerIdFor(VALID_ID, SECRET), projectCode: PROJECT, date: '2026-10-08',
  });
});

test.each([
  ['malformed project code', { 项目代码: 'X-371302' }, /项目代码: must be 24 characters/],
  ['empty name', { 姓名: '' }, /姓名: is empty/],
  ['invalid ID number', { 身份证号: '11010519491231002' }, /身份证号: ID number must be 18 characters/],
  ['malformed date', { 考勤日期: '10/08/2026' }, /考勤日期: .*not a date/],
  ['impossible date', { 考勤日期: '2026-02-30' }, /考勤日期: .*not a calendar date/],
  ['malformed time', { 进场时间: '25:00' }, /进场时间: .*not a time/],
  ['no entry and no exit time', { 进场时间: '', 离场时间: '' }, /neither entry nor exit/],
  ['exit before entry', { 进场时间: '18:00', 离场时间: '07:00' }, /离场时间: exit 07:00 is before entry 18:00/],
])('rejects %s', (_label, over, reason) => {
  expect(parseAttendanceRow(punch(over as Record<string, string>), SECRET).reason).toMatch(reason);
});

test('blocks group a worker-month, and write everything out when too many groups are open', () => {
  const blocks = new AttendanceBlocks(2);
  const p = (workerId: string, date: string) => ({ workerId, projectCode: PROJECT, date });
  expect(blocks.add(p('A', '2026-10-02'))).toEqual([]);
  expect(blocks.add(p('A', '2026-10-01'))).toEqual([]);
  expect(blocks.add(p('A', '2026-10-01'))).toEqual([]); // the same day twice counts once
  expect(blocks.add(p('A', '2026-11-01'))).toEqual([]);
  const flushed = blocks.add(p('B', '2026-10-05'));
  expect(flushed).toEqual([
    { workerId: 'A', projectCode: PROJECT, district: '371302', month: '2026-10', firstDate: '2026-10-01', days: '01,02' },
    { workerId: 'A', projectCode: PROJECT, district: '371302', month: '2026-11', firstDate: '2026-11-01', days: '01' },
  ]);
  expect(blocks.drain()).toEqual([{ workerId: 'B', projectCode: PROJECT, district: '371302', month: '2026-10', firstDate: '2026-10-05', days: '05' }]);
});

test('ingests blocks, quarantines bad rows raw with file and line, and re-ingesting leaves the same documents', async () => {
  const conn = await store.connect('hrss');
  const models = createHrssModels(conn);
  const rows = [
    punch({ 考勤日期: '2026-10-01' }), punch({ 考勤日期: '2026-10-02' }), punch({ 考勤日期: '2026-10-03', 进场时间: 'soon' }),
    punch({ 身份证号: OTHER_VALID_ID, 姓名: '张三丰', 考勤日期: '2026-10-01' }), punch({ 考勤日期: '2026-11-02' }),
  ];
  const file = writeCsv(path.join(dir, 'attendance.csv'), csv(ATTENDANCE_COLUMNS, rows));
  const first = await ingestFile(attendanceAdapter, file, conn);
  // Rows are counted (4 good rows in 3 blocks), so that accepted + duplicates + rejected = read.
  expect(first).toMatchObject({ read: 5, accepted: 4, duplicates: 0, rejected: 1, reasons: [{ where: `${file}:4`, reason: '进场时间: "soon" is not a time (HH:MM)' }] });
  const stored = await models.AttendanceBlock.find({}, { _id: 0 }).sort({ workerId: 1, firstDate: 1 }).lean();
  const w1 = workerIdFor(VALID_ID, SECRET);
  expect(stored.filter((b) => b.workerId === w1).map((b) => [b.month, b.days])).toEqual([['2026-10', '01,02'], ['2026-11', '02']]);
  expect((await createQuarantineModel(conn).findOne({ source: 'attendance' }).lean())?.raw).toBe(`${PROJECT},王建国,${VALID_ID},2026-10-03,soon,17:30`);

  const again = await ingestFile(attendanceAdapter, file, conn);
  expect(again).toMatchObject({ read: 5, accepted: 0, duplicates: 4, rejected: 1 });
  expect(await models.AttendanceBlock.find({}, { _id: 0 }).sort({ workerId: 1, firstDate: 1 }).lean()).toEqual(stored);
});

test('a file in date order still groups into one block per worker-month', async () => {
  const conn = await store.connect('hrss2');
  const rows = [];
  for (const day of ['01', '02', '03']) for (const id of [VALID_ID, OTHER_VALID_ID]) rows.push(punch({ 身份证号: id, 考勤日期: `2026-10-${day}` }));
  const file = writeCsv(path.join(dir, 'attendance-by-date.csv'), csv(ATTENDANCE_COLUMNS, rows), 'gb18030');
  const sink = new IngestSink(conn, { source: 'attendance' });
  await ingestAttendanceFile(file, sink, conn);
  expect(await sink.finish()).toMatchObject({ read: 6, accepted: 6, rejected: 0 });
  const blocks = await createHrssModels(conn).AttendanceBlock.find({}).lean();
  expect(blocks.map((b) => b.days)).toEqual(['01,02,03', '01,02,03']);
});
