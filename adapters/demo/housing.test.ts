import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createHousingModels } from '../../subgraphs/housing/models';
import { testStore } from '../../test/harness/db';
import { IngestSink } from '../common/sink';
import { permitsAdapter } from '../permits';
import { progressAdapter } from '../progress';
import { generateCity } from './city';
import { writeHousingFiles } from './housing';

const store = testStore();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-housing-'));
const city = generateCity();
let conn: Connection;

beforeAll(async () => {
  conn = await store.connect('housing');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(root, { recursive: true, force: true });
});

const adapters = { permits: permitsAdapter, progress: progressAdapter } as Record<string, typeof permitsAdapter>;

test('the same city gives byte-identical files', async () => {
  const a = await writeHousingFiles(city, path.join(root, 'a'));
  const b = await writeHousingFiles(generateCity(), path.join(root, 'b'));
  expect(a.map((f) => f.source)).toEqual(['permits', 'progress']);
  for (let i = 0; i < a.length; i++) expect(fs.readFileSync(b[i].file)).toEqual(fs.readFileSync(a[i].file));
});

test('the latest report exceeds the approved area or height exactly for the planted over-built projects', async () => {
  const files = await writeHousingFiles(city, path.join(root, 'c'));
  const records = JSON.parse(fs.readFileSync(files[1].file, 'utf8')) as { recordType?: string; projectCode: string; reportDate: string; floorArea: number; height: number }[];
  const reports = records.filter((x) => x.recordType === undefined);
  expect(records.some((x) => x.recordType === 'inspection')).toBe(true);
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!latest.has(r.projectCode) || latest.get(r.projectCode)!.reportDate < r.reportDate) latest.set(r.projectCode, r);
  expect(latest.size).toBe(city.projects.length);
  const exceeding = city.projects
    .filter((p) => latest.get(p.code)!.floorArea > p.approvedFloorArea || latest.get(p.code)!.height > p.approvedHeight)
    .map((p) => p.code);
  expect(exceeding.sort()).toEqual([...city.planted.overBuilt].sort());
  expect(exceeding.length).toBeGreaterThan(0);
  // Earlier reports never exceed the latest one.
  for (const r of reports) {
    const l = latest.get(r.projectCode)!;
    expect(r.floorArea).toBeLessThanOrEqual(l.floorArea);
    expect(r.height).toBeLessThanOrEqual(l.height);
  }
});

test('the default city ingests through the adapters with no rejections, flagging exactly the planted bad credit codes', async () => {
  const files = await writeHousingFiles(city, path.join(root, 'd'));
  for (const { source, file } of files) {
    const sink = new IngestSink(conn, { source });
    await adapters[source].ingestFile(file, sink, conn, {});
    const report = await sink.finish();
    expect(report).toMatchObject({ rejected: 0, updated: 0 });
  }

  const m = createHousingModels(conn);
  expect(await m.Project.countDocuments()).toBe(city.projects.length);
  expect(await m.Participant.countDocuments()).toBe(city.projects.length * 5);
  const flagged = await m.Enterprise.find({ creditCodeStatus: 'checksum-mismatch' }).lean();
  expect(flagged.map((e) => e.uscc).sort()).toEqual([...city.planted.badUscc].sort());

  // Seeding again changes nothing (and does not stall FerretDB with large batches of no-op upserts).
  for (const { source, file } of files) {
    const sink = new IngestSink(conn, { source });
    await adapters[source].ingestFile(file, sink, conn, {});
    expect(await sink.finish()).toMatchObject({ accepted: 0, updated: 0, rejected: 0 });
  }
  const fed = JSON.parse(fs.readFileSync(files[1].file, 'utf8')) as { recordType?: string }[];
  expect(await m.Progress.countDocuments()).toBe(fed.filter((x) => x.recordType === undefined).length);
  expect(await m.Inspection.countDocuments()).toBe(fed.filter((x) => x.recordType === 'inspection').length);
  expect(await m.Inspection.countDocuments({ outcome: 'STOP_WORK_ORDERED' })).toBe(0);
});
