/** `workers`: the real-name roster — every rejection reason, the flagged credit code, duplicates. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testStore } from '../../test/harness/db';
import { workerIdFor } from '../../domain/pseudonym';
import { createQuarantineModel } from '../common/quarantine';
import { ingestFile } from '../ingest';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { csv, MISMATCH_USCC, OTHER_VALID_ID, PROJECT, VALID_ID, VALID_USCC, writeCsv } from './fixtures';
import { workersAdapter } from '.';
import { parseRosterRow, ROSTER_COLUMNS } from './record';

const SECRET = 'test-secret';
process.env.WORKER_PSEUDONYM_SECRET = SECRET;
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workers-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const row = (over: Record<string, string> = {}): Record<string, string> => ({
  项目代码: PROJECT, 用工单位统一社会信用代码: VALID_USCC, 姓名: '王建国', 身份证号: VALID_ID, 手机号码: '138 0013 8000', 工种: '木工',
  日工资: '350', 工资卡号: '6217000012345678901', 进场日期: '2026-09-01', ...over,
});

test('a valid row becomes a registration with the raw ID number kept only here', () => {
  expect(parseRosterRow(row(), SECRET).doc).toEqual({
    workerId: workerIdFor(VALID_ID, SECRET), idNumber: VALID_ID, name: '王建国', phone: '13800138000', bankAccount: '6217000012345678901',
    employerUscc: VALID_USCC, employerUsccFlag: null, projectCode: PROJECT, district: '371302', trade: '木工', dailyWageFen: 35_000, enteredOn: '2026-09-01',
  });
  expect(parseRosterRow(row({ 用工单位统一社会信用代码: MISMATCH_USCC }), SECRET).doc?.employerUsccFlag).toMatch(/GB 32100 gives 1/);
});

test.each([
  ['malformed project code', { 项目代码: '2024-371302-47-01-a1b2c' }, /项目代码:/],
  ['invalid credit code', { 用工单位统一社会信用代码: '9135' }, /用工单位统一社会信用代码: credit code must be 18 characters/],
  ['empty name', { 姓名: '' }, /姓名: is empty/],
  ['invalid ID number', { 身份证号: '110105194912310021' }, /身份证号: check character/],
  ['malformed phone', { 手机号码: '0539-1234567' }, /手机号码: .*not a mainland mobile number/],
  ['empty trade', { 工种: '' }, /工种: is empty/],
  ['malformed daily wage', { 日工资: '三百' }, /日工资: .*not an amount/],
  ['malformed wage card', { 工资卡号: '12345' }, /工资卡号: .*not a bank card number/],
  ['malformed entry date', { 进场日期: '2026-9-1' }, /进场日期: .*not a date/],
])('rejects %s', (_label, over, reason) => {
  expect(parseRosterRow(row(over as Record<string, string>), SECRET).reason).toMatch(reason);
});

test('ingests registrations, quarantines bad rows, and re-ingesting leaves the same documents', async () => {
  const conn = await store.connect('hrss');
  const models = createHrssModels(conn);
  const file = writeCsv(path.join(dir, 'roster.csv'), csv(ROSTER_COLUMNS, [
    row(), row({ 身份证号: OTHER_VALID_ID, 姓名: '张三丰', 用工单位统一社会信用代码: MISMATCH_USCC }), row({ 手机号码: '12' }),
  ]), 'gb18030');
  const first = await ingestFile(workersAdapter, file, conn);
  expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 1, reasons: [{ where: `${file}:4` }] });
  const stored = await models.Registration.find({}, { _id: 0 }).sort({ workerId: 1 }).lean();
  expect(stored.map((s) => s.name).sort()).toEqual(['张三丰', '王建国']);
  expect(stored.find((s) => s.name === '张三丰')?.employerUsccFlag).toMatch(/flagged for review/);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'workers' })).toBe(1);

  const again = await ingestFile(workersAdapter, file, conn);
  expect(again).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
  expect(await models.Registration.find({}, { _id: 0 }).sort({ workerId: 1 }).lean()).toEqual(stored);
});
