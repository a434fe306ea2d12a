/**
 * The hrss demo files: deterministic, the default city ingests through the adapters without
 * rejection, and the wage rule finds exactly the planted arrears. (How long seeding takes is measured
 * by bench/demo, not here.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { testStore } from '../../test/harness/db';
import { ingestFile } from '../ingest';
import { checkAccounting } from '../common/sink';
import { attendanceAdapter } from '../attendance';
import { payrollAdapter } from '../payroll';
import { workersAdapter } from '../workers';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { HrssData } from '../../subgraphs/hrss/data';
import { WageFactsCache } from '../../subgraphs/hrss/wageFactsCache';
import { generateCity } from './city';
import { writeHrssFiles } from './hrss';

const store = testStore();
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hrss-demo-'));
  dirs.push(d);
  return d;
};
const ADAPTERS = { workers: workersAdapter, attendance: attendanceAdapter, payroll: payrollAdapter } as const;

afterAll(async () => {
  await store.closeAll();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('the same city gives byte-identical files, payroll in GB18030', async () => {
  const city = generateCity({ projects: 6, seed: 7 });
  const [a, b] = [tmp(), tmp()];
  const filesA = await writeHrssFiles(city, a);
  const filesB = await writeHrssFiles(city, b);
  expect(filesA.map((f) => f.source)).toEqual(['workers', 'attendance', 'payroll']);
  for (let i = 0; i < filesA.length; i++) expect(fs.readFileSync(filesA[i].file).equals(fs.readFileSync(filesB[i].file))).toBe(true);
  const payroll = fs.readFileSync(filesA[2].file);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(payroll)).toThrow();
  expect(iconv.decode(payroll, 'gb18030')).toContain(city.workers[0].name);
});

test('the default city ingests without rejection and the wage rule finds exactly the planted arrears', async () => {
  const city = generateCity();
  const dir = tmp();
  const conn = await store.connect('hrss');
  const files = await writeHrssFiles(city, dir);
  for (const { source, file } of files) {
    const report = await ingestFile(ADAPTERS[source as keyof typeof ADAPTERS], file, conn, { batchSize: 2000 });
    expect({ source, rejected: report.rejected, reasons: report.reasons.slice(0, 3) }).toEqual({ source, rejected: 0, reasons: [] });
    // Every record of the generated file is read and settled once (issue 18's accounting).
    expect({ source, accounting: checkAccounting(report), read: report.read > 0 }).toEqual({ source, accounting: null, read: true });
    expect(report.accepted).toBeGreaterThan(0);
  }

  const models = createHrssModels(conn);
  const settings = { payDay: city.payDay, shortTolerance: 0.01 };
  const cache = new WageFactsCache(models, 300);
  const arrears = await new HrssData(models, settings, cache).wageArrears(city.months[1], '2026-11-20');
  const data = new HrssData(models, settings);
  expect(arrears.map((a) => a.projectCode).sort()).toEqual(city.planted.arrears.map((a) => a.projectCode).sort());
  for (const plant of city.planted.arrears) {
    const found = arrears.find((a) => a.projectCode === plant.projectCode)!;
    expect(plant.kind === 'missing' ? found.workersUnpaid : found.workersShort).toBe(plant.idNumbers.length);
    expect(found.daysOverdue).toBe(5);
  }
  expect(await data.wageArrears(city.months[0], '2026-11-20')).toEqual([]);
  // Before the pay date nothing is overdue.
  expect(await data.wageArrears(city.months[1], '2026-11-15')).toEqual([]);
}, 180_000);
