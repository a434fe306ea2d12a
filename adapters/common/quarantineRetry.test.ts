/**
 * `npm run quarantine` as a user runs it (a child process on the test store): list the resources
 * quarantine with reasons, filtered by source and time, then retry after a configuration change
 * (RED_LINE_EXTENT widened): the record whose reason went away is stored and leaves quarantine, the
 * bow-tie stays with its first place and its reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testStore } from '../../test/harness/db';
import { runScript, type ScriptResult } from '../../test/harness/script';
import { createParcelModel } from '../../subgraphs/resources/models/parcel';
import { ingestFile } from '../ingest';
import { parcelsAdapter } from '../parcels';
import { createQuarantineModel } from './quarantine';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quarantine-cli-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const feature = (parcelCode: string, ring: number[][]) => ({
  type: 'Feature', properties: { parcelCode, area: 5000, landUse: '住宅用地' }, geometry: { type: 'Polygon', coordinates: [ring] },
});
const LINYI = feature('371302001GB00001', [[118.30, 35.00], [118.31, 35.00], [118.31, 35.01], [118.30, 35.01], [118.30, 35.00]]);
const URUMQI = feature('650102001GB00001', [[87.60, 43.80], [87.61, 43.80], [87.61, 43.81], [87.60, 43.81], [87.60, 43.80]]);
const BOW_TIE = feature('371302001GB00002', [[118.30, 35.00], [118.31, 35.01], [118.31, 35.00], [118.30, 35.01], [118.30, 35.00]]);

function run(args: string[], env: Record<string, string | undefined> = {}): Promise<ScriptResult> {
  return runScript('scripts/quarantine.ts', args, store, env);
}

test('lists rejected records with reasons; --retry after a configuration change stores what now passes and keeps the rest', async () => {
  const conn = await store.connect('resources');
  const file = path.join(dir, 'parcels.geojson');
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [LINYI, URUMQI, BOW_TIE] }, null, 1));
  // The city's extent, configured narrowly: the Ürümqi parcel is refused as outside it.
  process.env.RED_LINE_EXTENT = '118,34,119,36';
  try {
    expect(await ingestFile(parcelsAdapter, file, conn)).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
  } finally {
    delete process.env.RED_LINE_EXTENT;
  }

  const listed = await run(['resources', '--json']);
  expect(listed.code).toBe(0);
  const records = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(records.map((r) => [r.source, r.reason]).sort()).toEqual([
    ['parcels', expect.stringMatching(/intersects itself/)],
    ['parcels', expect.stringMatching(/outside the extent 118,34,119,36 \(RED_LINE_EXTENT\)/)],
  ]);
  const text = await run(['resources', '--source', 'parcels']);
  expect(text.stdout).toMatch(/reason: red line is not a valid polygon: polygon ring 0 position 0 \[87\.6, 43\.8\] lies outside/);
  expect(text.stdout).toMatch(/2 record\(s\) in the resources quarantine from parcels/);
  expect((await run(['resources', '--source', 'hotline'])).stdout).toMatch(/^0 record\(s\)/m);
  expect((await run(['resources', '--since', new Date(Date.now() + 60_000).toISOString()])).stdout).toMatch(/^0 record\(s\)/m);
  expect((await run(['resources', '--since', 'yesterday'])).code).toBe(2);

  // The extent widened to its default (China): the Ürümqi parcel now passes, the bow-tie does not.
  const retried = await run(['resources', '--retry', '--json'], { RED_LINE_EXTENT: undefined });
  expect(retried.code).toBe(0);
  expect(JSON.parse(retried.stdout)).toEqual({
    retried: 2, passed: 1, stillRejected: 1, skipped: 0, bySource: { parcels: { retried: 2, passed: 1, stillRejected: 1, skipped: 0 } },
  });
  const parcels = await createParcelModel(conn).find({}, { parcelCode: 1 }).lean();
  expect(parcels.map((p) => p.parcelCode).sort()).toEqual(['371302001GB00001', '650102001GB00001']);
  const left = await createQuarantineModel(conn).find({}).lean();
  expect(left).toHaveLength(1);
  expect(left[0]).toMatchObject({ where: expect.stringMatching(/^parcels\.geojson:\d+ \(feature 2\)$/), reason: expect.stringMatching(/intersects itself/), seenCount: 2 });

  // Nothing left that passes: a second retry changes nothing.
  expect(JSON.parse((await run(['resources', '--retry', '--json'])).stdout)).toMatchObject({ retried: 1, passed: 0, stillRejected: 1 });
}, 120_000);
