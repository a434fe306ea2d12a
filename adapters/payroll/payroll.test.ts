/** `payroll`: the bank's 总包代发 file — GB18030 decoding, every rejection reason, duplicates. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testStore } from '../../test/harness/db';
import { workerIdFor } from '../../domain/pseudonym';
import { createQuarantineModel } from '../common/quarantine';
import { ingestFile } from '../ingest';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { csv, MISMATCH_USCC, OTHER_VALID_ID, PROJECT, VALID_ID, VALID_USCC, writeCsv } from '../workers/fixtures';
import { payrollAdapter } from '.';
import { parsePayrollRow, PAYROLL_COLUMNS } from './record';

const SECRET = 'test-secret';
process.env.WORKER_PSEUDONYM_SECRET = SECRET;
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payroll-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const line = (over: Record<string, string> = {}): Record<string, string> => ({
  交易流水号: 'ZBDF20261000000001', 付款账号: '6228480000000000001', 付款单位统一社会信用代码: VALID_USCC, 项目代码: PROJECT,
  工资所属期: '2026-10', 收款人姓名: '王建国', 收款人身份证号: VALID_ID, 收款账号: '6217000012345678901', 金额: '7,800.50',
  交易日期: '2026-11-10', 交易状态: '成功', ...over,
});

test('a valid line becomes a pay line in fen, keyed by the worker pseudonym', () => {
  const r = parsePayrollRow(line(), SECRET);
  expect(r.reason).toBeUndefined();
  expect(r.doc).toMatchObject({
    serialNo: 'ZBDF20261000000001', workerId: workerIdFor(VALID_ID, SECRET), amountFen: 780_050, month: '2026-10', paidOn: '2026-11-10',
    district: '371302', payerUsccFlag: null, succeeded: true,
  });
  expect(parsePayrollRow(line({ 交易日期: '20261110', 工资所属期: '202610', 交易状态: '失败' }), SECRET).doc).toMatchObject({ paidOn: '2026-11-10', month: '2026-10', succeeded: false });
});

test('a payer credit code failing only its checksum is kept and flagged', () => {
  expect(parsePayrollRow(line({ 付款单位统一社会信用代码: MISMATCH_USCC }), SECRET).doc?.payerUsccFlag).toMatch(/flagged for review/);
});

test.each([
  ['empty serial', { 交易流水号: '' }, /交易流水号: is empty/],
  ['malformed serial', { 交易流水号: '12#4' }, /交易流水号: .*not a bank serial/],
  ['malformed project code', { 项目代码: '2024-371302-47-01' }, /项目代码: must be 24 characters/],
  ['invalid credit code', { 付款单位统一社会信用代码: '91350100M0001OGQXM' }, /付款单位统一社会信用代码: credit code has characters outside GB 32100/],
  ['ID number with a wrong check character', { 收款人身份证号: '110105194912310021' }, /收款人身份证号: check character/],
  ['ID number with an impossible birth date', { 收款人身份证号: '110105194902301234' }, /收款人身份证号: birth date 19490230/],
  ['malformed month', { 工资所属期: '2026-13' }, /工资所属期: .*not a month/],
  ['malformed date', { 交易日期: '2026-11-31' }, /交易日期: .*not a calendar date/],
  ['paid before the wage month', { 交易日期: '2026-09-30' }, /交易日期: 2026-09-30 is before the wage month/],
  ['unknown status', { 交易状态: '处理中' }, /交易状态: .*neither 成功 nor 失败/],
  ['malformed amount', { 金额: '12.345' }, /金额: .*not an amount/],
  ['zero amount', { 金额: '0.00' }, /金额: must be more than zero/],
  ['malformed payee account', { 收款账号: '6217-ABC' }, /收款账号: .*not a bank card number/],
  ['overlong name', { 收款人姓名: '王'.repeat(31) }, /收款人姓名: is longer than 30/],
])('rejects %s', (_label, over, reason) => {
  expect(parsePayrollRow(line(over as Record<string, string>), SECRET).reason).toMatch(reason);
});

test('rejects every line when a column is missing from the header', () => {
  const { 交易状态: _dropped, ...rest } = line();
  expect(parsePayrollRow(rest, SECRET).reason).toBe('交易状态: column is missing from the header');
});

test('a GB18030 file is ingested with the right Chinese names; bad lines are quarantined raw; re-ingesting changes nothing', async () => {
  const conn = await store.connect('hrss');
  const models = createHrssModels(conn);
  const rows = [
    line({ 收款人姓名: '欧阳䶮' }), // 䶮 is outside GBK: only GB18030 encodes it
    line({ 交易流水号: 'ZBDF20261000000002', 收款人姓名: '张三丰', 收款人身份证号: OTHER_VALID_ID, 金额: '6000' }),
    line({ 交易流水号: 'ZBDF20261000000003', 收款人身份证号: '110105194912310021' }),
  ];
  const text = csv(PAYROLL_COLUMNS, rows) + 'ZBDF20261000000004,only,three\r\n';
  const file = writeCsv(path.join(dir, 'payroll-gb18030.csv'), text, 'gb18030');

  const first = await ingestFile(payrollAdapter, file, conn);
  expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 2 });
  expect(first.reasons.map((r) => r.where)).toEqual([`${file}:4`, `${file}:5`]);
  expect(first.reasons[0].reason).toMatch(/收款人身份证号: check character/);
  expect(first.reasons[1].reason).toMatch(/malformed CSV row: expected 11 fields/);
  const stored = await models.PayLine.find({}, { _id: 0 }).sort({ serialNo: 1 }).lean();
  expect(stored.map((s) => s.payeeName)).toEqual(['欧阳䶮', '张三丰']);
  expect(stored[1].amountFen).toBe(600_000);
  const quarantined = await createQuarantineModel(conn).find({ source: 'payroll' }).sort({ where: 1 }).lean();
  expect(quarantined.map((q) => q.raw)).toEqual([
    text.split('\r\n')[3],
    'ZBDF20261000000004,only,three',
  ]);

  const again = await ingestFile(payrollAdapter, file, conn);
  expect(again).toMatchObject({ accepted: 0, duplicates: 2, rejected: 2 });
  expect(await models.PayLine.find({}, { _id: 0 }).sort({ serialNo: 1 }).lean()).toEqual(stored);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'payroll' })).toBe(2);
});

test('a declared UTF-8 file reads the same as a detected one', async () => {
  const conn = await store.connect('hrss');
  const file = writeCsv(path.join(dir, 'payroll-utf8.csv'), csv(PAYROLL_COLUMNS, [line({ 交易流水号: 'ZBDF20261000000009', 收款人姓名: '李四' })]));
  const report = await ingestFile(payrollAdapter, file, conn, { encoding: 'utf8' });
  expect(report.accepted).toBe(1);
  expect((await createHrssModels(conn).PayLine.findOne({ serialNo: 'ZBDF20261000000009' }).lean())?.payeeName).toBe('李四');
});
