/**
 * The hrss demo files: deterministic, the default city ingests through the adapters within the
 * budget (≤ 30 s), and the wage rule finds exactly the planted arrears.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { testStore } from '../../test/harness/db';
import { ingestFile } from '../ingest';
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

test('the default city ingests within 30 s and the wage rule finds exactly the planted arrears', async () => {
  const city = generateCity();
  const dir = tmp();
  const conn = await store.connect('hrss');
  const started = Date.now();
  const files = await writeHrssFiles(city, dir);
  const timings: Record<string, unknown> = { written: (Date.now() - started) / 1000 };
  for (const { source, file } of files) {
    const t0 = Date.now();
    const report = await ingestFile(ADAPTERS[source as keyof typeof ADAPTERS], file, conn, { batchSize: 2000 });
    timings[source] = { seconds: (Date.now() - t0) / 1000, accepted: report.accepted, rejected: report.rejected, duplicates: report.duplicates };
    expect(report.rejected).toBe(0);
  }
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`hrss demo ingest: ${JSON.stringify({ seconds, ...timings })}\n`);
  expect(seconds).toBeLessThanOrEqual(30);

  const models = createHrssModels(conn);
  const settings = { payDay: city.payDay, shortTolerance: 0.01 };
  const cache = new WageFactsCache(models, 300);
  const t1 = Date.now();
  const arrears = await new HrssData(models, settings, cache).wageArrears(city.months[1], '2026-11-20');
  const t2 = Date.now();
  await new HrssData(models, settings, cache).wageArrears(city.months[1], '2026-11-20', city.districts[0].code);
  process.stderr.write(`wageArrears over the city: ${(t2 - t1) / 1000} s, again from the month cache: ${(Date.now() - t2) / 1000} s\n`);
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
