/** 城管 demo files: deterministic, the planted night-noise complaints and no accidental ones, loaded through the adapters in budget. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { readCsvRecords } from '../common/records';
import { enforcementAdapter } from '../enforcement';
import { hotlineAdapter } from '../hotline';
import { parseWorkOrder } from '../hotline/workOrder';
import { ingestFile } from '../ingest';
import { checkAccounting } from '../common/sink';
import { createCitymgmtModels } from '../../subgraphs/citymgmt/models';
import type { ComplaintDoc } from '../../subgraphs/citymgmt/models/complaint';
import { isNightTime } from '../../subgraphs/citymgmt/localTime';
import { generateCity } from './city';
import { writeCitymgmtFiles } from './citymgmt';

const store = testStore();
const city = generateCity();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-citymgmt-'));
let conn: Connection;

beforeAll(async () => {
  conn = await store.connect('citymgmt');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(root, { recursive: true, force: true });
});

async function write(name: string) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  return writeCitymgmtFiles(city, dir);
}

async function orders(file: string): Promise<ComplaintDoc[]> {
  const out: ComplaintDoc[] = [];
  for await (const r of readCsvRecords(file)) {
    const parsed = parseWorkOrder(r.fields);
    if ('reason' in parsed) throw new Error(`${r.line}: ${parsed.reason}`);
    out.push(parsed.doc);
  }
  return out;
}

test('the same city gives byte-identical files, in ingestion order hotline then enforcement', async () => {
  const a = await write('a');
  const b = await write('b');
  expect(a.map((f) => f.source)).toEqual(['hotline', 'enforcement']);
  for (let i = 0; i < a.length; i++) expect(fs.readFileSync(a[i].file)).toEqual(fs.readFileSync(b[i].file));
});

test('every planted night-noise site has ≥ 3 night complaints matched to it; no other site has any', async () => {
  const [hotline] = await write('planted');
  const all = await orders(hotline.file);
  const from = new Date(`${city.monitoringFrom}T00:00:00+08:00`).getTime();
  const to = from + city.monitoringDays * 86_400_000;
  expect(all.every((o) => o.receivedAt.getTime() >= from && o.receivedAt.getTime() < to)).toBe(true);
  const nightNoise = all.filter((o) => o.category === 'NIGHT_CONSTRUCTION_NOISE');
  for (const code of city.planted.nightNoise) {
    const own = nightNoise.filter((o) => o.projectCode === code);
    expect({ code, atLeast3: own.length >= 3, allAtNight: own.every((o) => isNightTime(o.receivedAt)) }).toEqual({ code, atLeast3: true, allAtNight: true });
  }
  expect(new Set(nightNoise.map((o) => o.projectCode))).toEqual(new Set(city.planted.nightNoise));
  // Other complaints are daytime ones: no accidental night disturbance anywhere.
  expect(all.filter((o) => o.category !== 'NIGHT_CONSTRUCTION_NOISE').some((o) => isNightTime(o.receivedAt))).toBe(false);
  expect(all.length).toBeGreaterThan(nightNoise.length * 2);
});

test('the default city loads through the adapters with nothing rejected; cases in every state incl. 首违不罚', async () => {
  const files = await write('ingest');
  for (const { source, file } of files) {
    const report = await ingestFile(source === 'hotline' ? hotlineAdapter : enforcementAdapter, file, conn, { batchSize: 2000 });
    expect({ source, rejected: report.rejected, reasons: report.reasons }).toEqual({ source, rejected: 0, reasons: [] });
    // Every record of the generated file is read and settled once (issue 18's accounting).
    expect({ source, accounting: checkAccounting(report), read: report.read > 0 }).toEqual({ source, accounting: null, read: true });
    expect(report.accepted).toBeGreaterThan(0);
  }

  const m = createCitymgmtModels(conn);
  const states = await m.EnforcementCase.distinct('state');
  expect([...states].sort()).toEqual(['CLOSED', 'DECIDED', 'EXECUTING', 'FILED', 'INVESTIGATING']);
  expect(await m.EnforcementCase.countDocuments({ firstViolationNoPenalty: true, penaltyAmount: 0 })).toBeGreaterThan(0);
  const nightViolations = await m.Violation.find({ type: 'NIGHT_CONSTRUCTION_NOISE' }).lean();
  expect(nightViolations.map((v) => v.projectCode).sort()).toEqual([...city.planted.nightNoise].sort());
  expect(await m.Complaint.countDocuments({ category: 'NIGHT_CONSTRUCTION_NOISE', projectCode: { $nin: city.planted.nightNoise } })).toBe(0);
});
