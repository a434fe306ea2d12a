/**
 * The wage read model maintained at ingest (issue 17) against the reference computation (the month
 * recomputed from the raw facts, as before): the same answers on the demo city and on a second seed, for
 * every month, pay-date edge and district; re-ingest changes nothing; a late payment; a rule change; the
 * rebuild; and the finders reading the read model by key, never the raw collections.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { generateCity, type DemoCity } from '../../adapters/demo/city';
import { writeHrssFiles } from '../../adapters/demo/hrss';
import { ingestFile } from '../../adapters/ingest';
import { attendanceAdapter } from '../../adapters/attendance';
import { ATTENDANCE_COLUMNS } from '../../adapters/attendance/record';
import { payrollAdapter } from '../../adapters/payroll';
import { PAYROLL_COLUMNS } from '../../adapters/payroll/record';
import { workersAdapter } from '../../adapters/workers';
import { csv, OTHER_VALID_ID, PROJECT, VALID_ID, VALID_USCC, writeCsv } from '../../adapters/workers/fixtures';
import { ROSTER_COLUMNS } from '../../adapters/workers/record';
import { testStore } from '../../test/harness/db';
import { HrssData } from './data';
import { createHrssModels, type HrssModels } from './models';
import { SETTLED_NEVER } from './models/wageReadModel';
import { WageFactsCache } from './wageFactsCache';
import { WageReadModel } from './wageFactsRead';
import { decodeIndex, rebuildWageFacts, readWageModelState, refreshWageFacts, settledOn, WageKeys } from './wageFactsStore';
import { payDeadline, type WageSettings } from './wageRule';

process.env.WORKER_PSEUDONYM_SECRET = 'test-secret';
const run = promisify(execFile);
const store = testStore();
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wage-read-model-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  await store.closeAll();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const DEFAULT_RULE: WageSettings = { payDay: 15, shortTolerance: 0.01 };
const ADAPTERS = { workers: workersAdapter, attendance: attendanceAdapter, payroll: payrollAdapter } as const;

async function seedHrss(conn: Connection, city: DemoCity): Promise<void> {
  for (const { source, file } of await writeHrssFiles(city, tmp())) {
    const report = await ingestFile(ADAPTERS[source as keyof typeof ADAPTERS], file, conn, { batchSize: 2000 });
    expect(report.rejected).toBe(0);
  }
}

const viaReadModel = (models: HrssModels, rule: WageSettings) => new HrssData(models, rule, new WageFactsCache(models, 0), undefined, new WageReadModel(models));

/** Both paths over every month × asOf × district and every project's status; returns how many arrears were compared. */
async function expectSameAnswers(models: HrssModels, rule: WageSettings, months: string[], asOfs: (month: string) => string[]): Promise<number> {
  // One reference month per (month, asOf), shared by the district filters (the reference is slow).
  const referenceCache = new WageFactsCache(models, 300, 60_000);
  const reference = () => new HrssData(models, rule, referenceCache);
  const codes = (await models.AttendanceBlock.distinct('projectCode')) as string[];
  const districts = [undefined, ...new Set(codes.map((c) => c.slice(5, 11)))];
  let found = 0;
  for (const month of months) {
    for (const asOf of asOfs(month)) {
      for (const district of districts) {
        const expected = await reference().wageArrears(month, asOf, district);
        expect({ month, asOf, district, arrears: await viaReadModel(models, rule).wageArrears(month, asOf, district) }).toEqual({ month, asOf, district, arrears: expected });
        found += expected.length;
      }
      const keys = [...codes, '2024-371302-47-01-FFFFFF'].map((c) => `${month}|${asOf}|${c}`);
      const expected = await reference().projectWageStatus.loadMany(keys);
      expect({ month, asOf, statuses: await viaReadModel(models, rule).projectWageStatus.loadMany(keys) }).toEqual({ month, asOf, statuses: expected });
    }
  }
  return found;
}

/**
 * A day of the month itself, the pay date and the day after, the evaluation date of the planted checks,
 * the day of the late payments and a late date. Each date costs the reference a recomputation of the
 * month (seconds on the 100-project city), so with `all` false only the planted month gets them all and
 * the others the day after the pay date.
 */
function asOfsAround(rule: WageSettings, all = true) {
  return (month: string) => {
    const deadline = payDeadline(month, rule.payDay);
    const next = new Date(Date.parse(deadline + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    if (!all && month !== '2026-10') return [next];
    return [...new Set([`${month}-20`, deadline, next, '2026-11-20', '2026-11-26', '2027-01-31'])];
  };
}

describe('the same answers as the reference computation', () => {
  test.each<[string, { projects?: number; seed?: number }, boolean]>([
    ['the demo city (default seed, 100 projects)', {}, false],
    ['a second seed (40 projects, seed 7)', { projects: 40, seed: 7 }, true],
  ])('%s: the model kept at ingest equals a rebuild; the same answers under the default rule and, with no rebuild, a changed one', async (_label, options, allDates) => {
    const city = generateCity(options);
    const conn = await store.connect(`hrss_eq${options.seed ?? 0}`);
    await seedHrss(conn, city);
    // Late data on top of the demo files: the workers of the first planted case get 100.00 on 11-26,
    // after the pay date, and one transfer fails.
    const plant = city.planted.arrears[0];
    const late = city.workers.filter((w) => plant.idNumbers.includes(w.idNumber)).map((w, i) => ({
      交易流水号: `LATE${String(i).padStart(6, '0')}`, 付款账号: '6228480000000000001', 付款单位统一社会信用代码: w.employerUscc, 项目代码: w.projectCode,
      工资所属期: plant.month, 收款人姓名: w.name, 收款人身份证号: w.idNumber, 收款账号: w.bankAccount, 金额: '100.00', 交易日期: '2026-11-26', 交易状态: i === 0 ? '失败' : '成功',
    }));
    expect(await ingestFile(payrollAdapter, writeCsv(path.join(tmp(), 'late.csv'), csv(PAYROLL_COLUMNS, late)), conn)).toMatchObject({ accepted: late.length, rejected: 0 });
    const models = createHrssModels(conn);
    expect((await readWageModelState(models)).ready).toBe(true);
    // What the adapters kept up to date file by file is what a rebuild from the raw facts gives.
    const kept = await snapshot(models);
    expect(kept.index.map((d) => d._id)).toEqual(city.months);
    expect(await rebuildWageFacts(models)).toMatchObject({ projectMonths: kept.facts.length });
    expect(await snapshot(models)).toEqual(kept);
    const months = [...city.months, '2026-11'];
    const found = await expectSameAnswers(models, DEFAULT_RULE, months, asOfsAround(DEFAULT_RULE, allDates));
    // Not a vacuous comparison: the planted arrears are among the answers.
    expect(found).toBeGreaterThanOrEqual(city.planted.arrears.length);
    // The rule is applied at read time to stored facts: another pay day and a tolerance wide enough to
    // forgive the planted short payments give the reference's answers with no rebuild.
    const changed = { payDay: 25, shortTolerance: 0.6 };
    await expectSameAnswers(models, changed, [city.months[1]], () => ['2026-11-25', '2026-11-26']);
    const forgiving = await viaReadModel(models, changed).wageArrears(city.months[1], '2026-11-26');
    expect(forgiving.length).toBeGreaterThan(0);
    expect(forgiving.map((a) => a.projectCode).sort()).toEqual(city.planted.arrears.filter((a) => a.kind === 'missing').map((a) => a.projectCode).sort());
  }, 300_000);
});

const W1 = 'W' + '0'.repeat(20);
const roster = (id: string, wage: string, enteredOn = '2026-09-01', employer = VALID_USCC) => ({
  项目代码: PROJECT, 用工单位统一社会信用代码: employer, 姓名: '王建国', 身份证号: id, 手机号码: '13800138000', 工种: '钢筋工', 日工资: wage, 工资卡号: '6217000012345678901', 进场日期: enteredOn,
});
const punches = (id: string, days: number[]) => days.map((d) => ({ 项目代码: PROJECT, 姓名: '王建国', 身份证号: id, 考勤日期: `2026-10-${String(d).padStart(2, '0')}`, 进场时间: '07:30', 离场时间: '17:30' }));
const pay = (serial: string, id: string, yuan: string, paidOn: string, status = '成功') => ({
  交易流水号: serial, 付款账号: '6228480000000000001', 付款单位统一社会信用代码: VALID_USCC, 项目代码: PROJECT, 工资所属期: '2026-10', 收款人姓名: '王建国',
  收款人身份证号: id, 收款账号: '6217000012345678901', 金额: yuan, 交易日期: paidOn, 交易状态: status,
});

const settledOf = (projects: string) => decodeIndex(projects).get(PROJECT)?.settledOn;

async function snapshot(models: HrssModels) {
  return {
    facts: await models.WageProjectMonth.find({}).sort({ _id: 1 }).lean(),
    index: (await models.WageArrearsIndex.find({}).sort({ _id: 1 }).lean()).map(({ version: _v, ...rest }) => rest),
  };
}

describe('kept correct at ingest', () => {
  let conn: Connection;
  let models: HrssModels;
  let dir: string;
  const file = (name: string, header: readonly string[], rows: Record<string, string>[]) => writeCsv(path.join(dir, name), csv(header, rows));

  beforeAll(async () => {
    dir = tmp();
    conn = await store.connect('hrss');
    models = createHrssModels(conn);
    await ingestFile(workersAdapter, file('roster.csv', ROSTER_COLUMNS, [roster(VALID_ID, '300.00'), roster(OTHER_VALID_ID, '200.00')]), conn);
    // Ten days each in October: 3,000.00 and 2,000.00 due by 2026-11-15.
    await ingestFile(attendanceAdapter, file('attendance.csv', ATTENDANCE_COLUMNS, [...punches(VALID_ID, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), ...punches(OTHER_VALID_ID, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]), conn);
  });

  test('re-ingesting the same files changes nothing', async () => {
    const payroll = file('payroll.csv', PAYROLL_COLUMNS, [pay('SER000001', VALID_ID, '3000.00', '2026-11-10'), pay('SER000002', OTHER_VALID_ID, '500.00', '2026-11-10', '失败')]);
    await ingestFile(payrollAdapter, payroll, conn);
    const before = await snapshot(models);
    expect(before.facts).toHaveLength(1);
    expect(settledOf(before.index[0].projects)).toBe(SETTLED_NEVER); // the second worker's transfer failed
    const attendance = path.join(dir, 'attendance.csv');
    expect(await ingestFile(payrollAdapter, payroll, conn)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await ingestFile(attendanceAdapter, attendance, conn)).toMatchObject({ accepted: 0, duplicates: 20 }); // rows (issue 18's accounting), 2 blocks
    expect(await ingestFile(workersAdapter, path.join(dir, 'roster.csv'), conn)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await snapshot(models)).toEqual(before);
  });

  test('a payment made after the pay date: in arrears until it was made, settled from then on, as the reference says', async () => {
    const arrearsOn = (asOf: string) => viaReadModel(models, DEFAULT_RULE).wageArrears('2026-10', asOf);
    const referenceOn = (asOf: string) => new HrssData(models, DEFAULT_RULE).wageArrears('2026-10', asOf);
    expect(await arrearsOn('2026-11-20')).toMatchObject([{ projectCode: PROJECT, workersUnpaid: 1, workersShort: 0, owedFen: 200_000 }]);
    // Late and short first (1,500.00 on 11-25), the rest later (500.00 on 12-02).
    await ingestFile(payrollAdapter, file('late.csv', PAYROLL_COLUMNS, [pay('SER000003', OTHER_VALID_ID, '1500.00', '2026-11-25')]), conn);
    await ingestFile(payrollAdapter, file('later.csv', PAYROLL_COLUMNS, [pay('SER000004', OTHER_VALID_ID, '500.00', '2026-12-02')]), conn);
    expect(await arrearsOn('2026-11-24')).toMatchObject([{ workersUnpaid: 1, workersShort: 0, owedFen: 200_000, daysOverdue: 9 }]);
    expect(await arrearsOn('2026-11-25')).toMatchObject([{ workersUnpaid: 0, workersShort: 1, owedFen: 50_000 }]);
    expect(await arrearsOn('2026-12-02')).toEqual([]);
    for (const asOf of ['2026-11-16', '2026-11-24', '2026-11-25', '2026-12-01', '2026-12-02', '2027-03-01']) expect(await arrearsOn(asOf)).toEqual(await referenceOn(asOf));
    expect(settledOf((await models.WageArrearsIndex.findById('2026-10').lean())!.projects)).toBe('2026-12-02');
  });

  test('a new registration changes the daily wage of every month of its project', async () => {
    // A later entry of the same worker at 400.00 a day: 4,000.00 due, 3,000.00 paid: short.
    await ingestFile(workersAdapter, file('roster2.csv', ROSTER_COLUMNS, [roster(VALID_ID, '400.00', '2026-10-01')]), conn);
    const found = await viaReadModel(models, DEFAULT_RULE).wageArrears('2026-10', '2026-12-05');
    expect(found).toMatchObject([{ workersShort: 1, owedFen: 100_000 }]);
    expect(found).toEqual(await new HrssData(models, DEFAULT_RULE).wageArrears('2026-10', '2026-12-05'));
  });

  test('a rule change needs no rebuild; the rebuild command gives back the same model, and while it runs the finders use the reference', async () => {
    const before = await snapshot(models);
    const lenient = { payDay: 1, shortTolerance: 0.3 };
    expect(await viaReadModel(models, lenient).wageArrears('2026-10', '2026-12-05')).toEqual([]);
    expect(await viaReadModel(models, { payDay: 1, shortTolerance: 0.2 }).wageArrears('2026-10', '2026-12-05')).toMatchObject([{ workersShort: 1, daysOverdue: 34 }]);

    await models.WageProjectMonth.deleteMany({});
    await models.WageArrearsIndex.updateMany({}, { $set: { projects: `${PROJECT} 2000-01-01 0` } });
    expect(await viaReadModel(models, DEFAULT_RULE).wageArrears('2026-10', '2026-12-05')).toEqual([]); // damaged
    const report = await rebuildWageFacts(models);
    expect(report).toMatchObject({ rebuilt: true, projectMonths: 1 });
    expect(await snapshot(models)).toEqual(before);

    await models.WageReadModelState.updateOne({ _id: 'wage-facts' }, { $set: { state: 'building' } });
    await models.WageProjectMonth.deleteMany({});
    expect(await viaReadModel(models, DEFAULT_RULE).wageArrears('2026-10', '2026-12-05')).toMatchObject([{ workersShort: 1, owedFen: 100_000 }]);
    await rebuildWageFacts(models);
    expect(await snapshot(models)).toEqual(before);
  });

  test('npm run rebuild:wage-facts rebuilds a damaged model and checks it against the reference', async () => {
    const before = await snapshot(models);
    await models.WageProjectMonth.deleteMany({});
    await models.WageArrearsIndex.deleteMany({});
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(__dirname, 'rebuildWageFacts.ts')], {
      cwd: path.join(__dirname, '../..'),
      env: { ...process.env, MONGODB_URI: store.uri, MONGODB_DB_PREFIX: store.prefix, LOG_LEVEL: 'warn' },
    });
    const out = JSON.parse(stdout);
    expect(out.rebuilt).toMatchObject({ rebuilt: true, projectMonths: 1 });
    expect(out.verified).toMatchObject({ months: 1, mismatches: [] });
    expect(out.verified.checks).toBeGreaterThan(0);
    expect(await snapshot(models)).toEqual(before);
  }, 60_000);

  test('a refresh computed from fewer facts never replaces one computed from more (racing ingests converge)', async () => {
    const before = await snapshot(models);
    await models.WageProjectMonth.updateOne({ projectCode: PROJECT }, { $set: { factCount: 1_000_000, workers: 'kept' } });
    const keys = new WageKeys();
    keys.add('2026-10', PROJECT);
    await refreshWageFacts(models, keys);
    expect((await models.WageProjectMonth.findOne({ projectCode: PROJECT }).lean())?.workers).toBe('kept');
    await models.WageProjectMonth.updateOne({ projectCode: PROJECT }, { $set: { factCount: 0 } });
    await refreshWageFacts(models, keys);
    expect(await snapshot(models)).toEqual(before);
  });
});

test('settledOn: the date every worker had been paid in full, whatever the tolerance', () => {
  const w = (payments: [string, number][], dailyWageFen: number | null = 10_000) => ({ workerId: W1, daysWorked: 2, dailyWageFen, employerUscc: null, payments: payments.map(([on, fen]) => ({ on, fen })) });
  expect(settledOn([w([['2026-11-10', 10_000], ['2026-11-20', 10_000]])])).toBe('2026-11-20');
  expect(settledOn([w([['2026-11-10', 19_999]])])).toBe(SETTLED_NEVER);
  expect(settledOn([w([['2026-11-10', 1]], null)])).toBe('2026-11-10');
  expect(settledOn([w([['2026-11-10', 20_000]]), w([])])).toBe(SETTLED_NEVER);
});

test('the finders read the read model by _id only, never the raw collections, in a number of reads that does not grow with the city', async () => {
  const city = generateCity({ projects: 12, seed: 3 });
  const conn = await store.connect('hrss_keys', { monitorCommands: true });
  await seedHrss(conn, city);
  const models = createHrssModels(conn);
  const reads: string[] = [];
  const filters: string[] = [];
  conn.getClient().on('commandStarted', (e) => {
    if (!['find', 'aggregate', 'count', 'distinct'].includes(e.commandName)) return;
    reads.push(String(e.command[e.commandName]));
    const id = e.command.filter?._id;
    filters.push(`${Object.keys(e.command.filter ?? {}).join(',')}:${typeof id === 'string' ? 'equals' : Object.keys(id ?? {}).join(',')}`);
  });
  const data = viaReadModel(models, DEFAULT_RULE);
  const arrears = await data.wageArrears(city.months[1], '2026-11-20');
  expect(arrears.map((a) => a.projectCode).sort()).toEqual(city.planted.arrears.map((a) => a.projectCode).sort());
  await data.projectWageStatus.loadMany(city.projects.map((p) => `${city.months[1]}|2026-11-20|${p.code}`));
  // The state and the month's index by _id equality; the facts of the candidates, then of the listed projects, by _id $in.
  expect(reads.sort()).toEqual(['wage_arrears_index', 'wage_project_months', 'wage_project_months', 'wage_read_model_state']);
  expect(new Set(filters)).toEqual(new Set(['_id:equals', '_id:$in']));
  reads.length = 0;
  // Before the pay date nothing can be overdue: only the state is read.
  expect(await viaReadModel(models, DEFAULT_RULE).wageArrears(city.months[1], '2026-11-15')).toEqual([]);
  expect(reads).toEqual(['wage_read_model_state']);
}, 120_000);
