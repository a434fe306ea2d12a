/**
 * The 自然资源 demo files: deterministic, ingested through the adapters without rejection, every site
 * inside its red line, and the approved values exactly the city's (so only the planted over-built
 * projects exceed them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testStore } from '../../test/harness/db';
import { checkAccounting, IngestSink } from '../common/sink';
import { parcelsAdapter } from '../parcels';
import { planningPermitsAdapter } from '../planning-permits';
import { createResourcesModels } from '../../subgraphs/resources/models';
import { generateCity } from './city';
import { writeResourcesFiles } from './resources';

const store = testStore();
const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'demo-res-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'demo-res-b-'))];
afterAll(async () => {
  await store.closeAll();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const city = generateCity();
const ADAPTERS = { parcels: parcelsAdapter, 'planning-permits': planningPermitsAdapter } as Record<string, typeof parcelsAdapter>;

test('writes identical files for the same city', async () => {
  const [a, b] = await Promise.all(dirs.map((d) => writeResourcesFiles(city, d)));
  expect(a.map((f) => f.source)).toEqual(['parcels', 'planning-permits']);
  for (let i = 0; i < a.length; i++) expect(fs.readFileSync(a[i].file).equals(fs.readFileSync(b[i].file))).toBe(true);
});

test('the default city ingests through the adapters with no rejection, with the planted values', async () => {
  const conn = await store.connect('resources');
  const files = await writeResourcesFiles(city, dirs[0]);
  for (const { source, file } of files) {
    const sink = new IngestSink(conn, { source, batchSize: 2000 });
    await ADAPTERS[source].ingestFile(file, sink, conn, {});
    const report = await sink.finish();
    expect({ source, rejected: report.rejected, reasons: report.reasons.slice(0, 3) }).toEqual({ source, rejected: 0, reasons: [] });
    // Every record of the generated file is read and settled once (issue 18's accounting).
    expect({ source, accounting: checkAccounting(report), read: report.read > 0 }).toEqual({ source, accounting: null, read: true });
    expect(report.accepted).toBe(source === 'parcels' ? city.projects.length : 2 * city.projects.length);
  }

  const { Parcel, PlanningPermit } = createResourcesModels(conn);
  const parcels = new Map((await Parcel.find().lean()).map((p) => [p.parcelCode, p]));
  const engineering = new Map((await PlanningPermit.find({ kind: 'ENGINEERING' }).lean()).map((p) => [p.projectCode, p]));
  const landUse = new Map((await PlanningPermit.find({ kind: 'LAND_USE' }).lean()).map((p) => [p.projectCode, p]));
  const exceeding: string[] = [];
  for (const p of city.projects) {
    const parcel = parcels.get(p.parcelCode)!;
    expect(p.lng).toBeGreaterThan(parcel.bbox.minLng);
    expect(p.lng).toBeLessThan(parcel.bbox.maxLng);
    expect(p.lat).toBeGreaterThan(parcel.bbox.minLat);
    expect(p.lat).toBeLessThan(parcel.bbox.maxLat);
    const permit = engineering.get(p.code)!;
    expect(permit).toMatchObject({ permitNo: p.engineeringPermitNo, parcelCode: p.parcelCode, approvedFloorArea: p.approvedFloorArea, approvedHeight: p.approvedHeight, approvedUse: p.approvedUse });
    expect(landUse.get(p.code)).toMatchObject({ permitNo: p.landPlanningPermitNo, parcelCode: p.parcelCode });
    expect(landUse.get(p.code)!.issuedOn < permit.issuedOn).toBe(true);
    expect(permit.issuedOn <= p.permitIssuedOn).toBe(true);
    // The approved floor area respects the plot ratio on the parcel.
    expect(p.approvedFloorArea / parcel.area).toBeLessThanOrEqual(permit.plotRatio!);
    if (p.reportedFloorArea > permit.approvedFloorArea! || p.reportedHeight > permit.approvedHeight!) exceeding.push(p.code);
  }
  expect(exceeding.sort()).toEqual([...city.planted.overBuilt].sort());
  expect(exceeding.length).toBeGreaterThan(0);
});
