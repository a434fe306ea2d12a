/**
 * Issue 18's field-data cases through the real adapters and the ingest CLI, on the embedded store:
 * the GB18030 file whose damage lies after the first 64 KiB, the stray quote, a 20 MB line, an empty
 * file and a header-only file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { testStore } from '../../test/harness/db';
import { runScript, type ScriptResult } from '../../test/harness/script';
import { idCheckChar } from '../../domain/idNumber';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { ingestFile } from '../ingest';
import { PAYROLL_COLUMNS } from '../payroll/record';
import { payrollAdapter } from '../payroll';
import { workersAdapter } from '../workers';
import { ROSTER_COLUMNS } from '../workers/record';
import { csv, PROJECT, VALID_ID, VALID_USCC } from '../workers/fixtures';
import { createQuarantineModel } from './quarantine';
import { checkAccounting } from './sink';

const SECRET = 'test-secret';
process.env.WORKER_PSEUDONYM_SECRET = SECRET;
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'field-data-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A valid ID number born on day `n` of a range of dates (distinct workers). */
function idNumber(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110105${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const rosterRow = (n: number, name: string): Record<string, string> => ({
  项目代码: PROJECT, 用工单位统一社会信用代码: VALID_USCC, 姓名: name, 身份证号: idNumber(n), 手机号码: '13800138000', 工种: '木工',
  日工资: '350', 工资卡号: '6217000012345678901', 进场日期: '2026-09-01',
});

const payLine = (serial: number, name = '王建国'): Record<string, string> => ({
  交易流水号: `ZBDF2026100000${String(serial).padStart(4, '0')}`, 付款账号: '6228480000000000001', 付款单位统一社会信用代码: VALID_USCC,
  项目代码: PROJECT, 工资所属期: '2026-10', 收款人姓名: name, 收款人身份证号: VALID_ID, 收款账号: '6217000012345678901', 金额: '100.00',
  交易日期: '2026-11-10', 交易状态: '成功',
});

test('GB18030 after the first 64 KiB: the line with invalid bytes alone is rejected (kept as bytes), a later Chinese name is stored right', async () => {
  const conn = await store.connect('hrss-gb');
  const names = ['欧阳娜', '王建国', '李秀英', '张伟'];
  const head = csv(ROSTER_COLUMNS, Array.from({ length: 600 }, (_, i) => rosterRow(i, names[i % names.length])));
  expect(Buffer.byteLength(head)).toBeGreaterThan(65_536);
  // 0x81 0x20: a GB18030 lead byte followed by a space, never valid; a lenient decoder stores U+FFFD.
  const badLine = Buffer.concat([iconv.encode(`${PROJECT},${VALID_USCC},`, 'gb18030'), Buffer.from([0xc5, 0xb7, 0x81, 0x20, 0xc4, 0xc8]), iconv.encode(`,${idNumber(900)},13800138000,木工,350,6217000012345678901,2026-09-01\r\n`, 'gb18030')]);
  const tail = csv(ROSTER_COLUMNS, [rosterRow(901, '欧阳修')]).split('\r\n').slice(1).join('\r\n');
  const file = path.join(dir, 'roster-gb.csv');
  fs.writeFileSync(file, Buffer.concat([iconv.encode(head, 'gb18030'), badLine, iconv.encode(tail, 'gb18030')]));

  const report = await ingestFile(workersAdapter, file, conn);
  expect(report).toMatchObject({ read: 602, accepted: 601, rejected: 1 });
  expect(checkAccounting(report)).toBeNull();
  expect(report.reasons).toEqual([{ where: `${file}:602`, reason: expect.stringMatching(/line 602 is not valid GB18030/) }]);
  const q = await createQuarantineModel(conn).findOne({ source: 'workers' }).lean();
  expect(q).toMatchObject({ rawEncoding: 'base64', header: ROSTER_COLUMNS.join(',') });
  expect(Buffer.from(q!.raw, 'base64').equals(badLine.subarray(0, badLine.length - 2))).toBe(true);
  const stored = await createHrssModels(conn).Registration.find({}, { name: 1 }).lean();
  expect(stored.map((s) => s.name)).toContain('欧阳修');
  expect(stored.filter((s) => /\uFFFD/.test(s.name))).toEqual([]);
});

test('a stray quote (1,王"五,100) rejects that pay line only; the lines after it are stored', async () => {
  const conn = await store.connect('hrss-quote');
  const text = csv(PAYROLL_COLUMNS, [payLine(1), payLine(2), payLine(3), payLine(4)])
    .split('\r\n').map((l, i) => (i === 2 ? l.replace('王建国', '王"建国') : l)).join('\r\n');
  const file = path.join(dir, 'stray.csv');
  fs.writeFileSync(file, text);
  const report = await ingestFile(payrollAdapter, file, conn);
  expect(report).toMatchObject({ read: 4, accepted: 3, rejected: 1, reasons: [{ where: `${file}:3`, reason: expect.stringMatching(/Invalid Opening Quote/) }] });
  const serials = (await createHrssModels(conn).PayLine.find({}, { serialNo: 1 }).lean()).map((p) => p.serialNo).sort();
  expect(serials).toEqual([payLine(1), payLine(3), payLine(4)].map((p) => p.交易流水号));
});

/** Runs `npm run ingest`'s script against the test store. */
function runIngest(args: string[]): Promise<ScriptResult> {
  return runScript('scripts/ingest.ts', args, store);
}

test('a 20 MB line in a payroll file: exit 3 with a report, the line kept truncated with its length and hash, the other lines stored', async () => {
  const conn = await store.connect('hrss');
  const huge = payLine(2, 'x'.repeat(20 * 1024 * 1024));
  const text = csv(PAYROLL_COLUMNS, [payLine(1), huge, payLine(3)]);
  const file = path.join(dir, 'payroll-20mb.csv');
  fs.writeFileSync(file, text);
  const hugeLine = text.split('\r\n')[2];

  const { code, stdout, stderr } = await runIngest(['payroll', file, '--json']);
  expect({ code, stderr: stderr.includes('RangeError') }).toEqual({ code: 3, stderr: false });
  const report = JSON.parse(stdout);
  expect(report).toMatchObject({ read: 3, accepted: 2, rejected: 1, reasons: [{ where: `${file}:3`, reason: expect.stringMatching(/line 3 is \d+ bytes, over the record size limit of 1048576 bytes/) }] });
  const q = await createQuarantineModel(conn).findOne({ source: 'payroll' }).lean();
  // Line 3 as read: without its CR LF.
  const bytes = Buffer.from(hugeLine, 'utf8');
  expect(q?.truncated).toEqual({ length: bytes.length + 1, unit: 'bytes', sha256: expect.any(String) });
  expect(Buffer.from(q!.raw, 'base64').toString('utf8')).toBe(hugeLine.slice(0, 4096));
  expect(q!.truncated!.sha256).toBe(createHash('sha256').update(Buffer.concat([bytes, Buffer.from('\r')])).digest('hex'));
  expect(await createHrssModels(conn).PayLine.countDocuments({})).toBe(2);
}, 120_000);

test('an empty file and a header-only file are reported as such with exit 3, not exit 0 with zeros', async () => {
  const empty = path.join(dir, 'empty.csv');
  fs.writeFileSync(empty, '');
  const headerOnly = path.join(dir, 'header-only.csv');
  fs.writeFileSync(headerOnly, PAYROLL_COLUMNS.join(',') + '\r\n');
  const a = await runIngest(['payroll', empty]);
  expect(a.code).toBe(3);
  expect(a.stdout).toMatch(/0 read: .*\n {2}no records: empty file \(0 bytes\)/);
  const b = await runIngest(['payroll', headerOnly, '--json']);
  expect(b.code).toBe(3);
  expect(JSON.parse(b.stdout)).toMatchObject({ read: 0, accepted: 0, rejected: 0, empty: expect.stringMatching(/no records in \d+ bytes \(a header only/) });
}, 120_000);
