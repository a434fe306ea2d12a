/** The parcels adapter on the real store: valid features, every rejection reason, re-ingestion. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { IngestSink } from '../common/sink';
import { createQuarantineModel } from '../common/quarantine';
import { createParcelModel } from '../../subgraphs/resources/models/parcel';
import { parcelsAdapter } from '.';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcels-'));
let conn: Connection;
beforeAll(async () => {
  conn = await store.connect('resources');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const square = [[118.30, 35.00], [118.31, 35.00], [118.31, 35.01], [118.30, 35.01], [118.30, 35.00]];
const props = { parcelCode: '371302001GB00001', district: '371302', area: 12000, landUse: '住宅用地', rightHolder: '临沂某置业有限公司', grantPrice: 36000000 };
const feature = (p: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: [square] }) => ({ type: 'Feature', properties: p, geometry });

const VALID = [
  feature(props),
  // Chinese property names, a MultiPolygon with a hole, district taken from the code.
  feature({ 宗地代码: '371311002003JC00002', 宗地面积: '800.5', 土地用途: '工业用地' }, {
    type: 'MultiPolygon',
    coordinates: [
      [square, [[118.302, 35.002], [118.303, 35.002], [118.303, 35.003], [118.302, 35.002]]],
      [[[118.4, 35.1], [118.41, 35.1], [118.41, 35.11], [118.4, 35.1]]],
    ],
  }),
];

const REJECTED: [unknown, RegExp][] = [
  [42, /not a GeoJSON Feature object/],
  [{ ...feature(props), type: 'Point' }, /type "Point" is not "Feature"/],
  [{ type: 'Feature', geometry: null }, /feature has no properties/],
  [feature({ ...props, parcelCode: undefined }), /parcelCode is missing/],
  [feature({ ...props, parcelCode: '3713-bad' }), /parcelCode "3713-bad" is not a 宗地代码/],
  [feature({ ...props, district: '3713' }), /district "3713" is not a 6-digit/],
  [feature({ ...props, district: '371311' }), /does not lie in district 371311/],
  [feature({ ...props, area: undefined }), /area is missing/],
  [feature({ ...props, area: -5 }), /area -5 is not a positive number/],
  [feature({ ...props, area: 'big' }), /area "big" is not a positive number/],
  [feature({ ...props, landUse: ' ' }), /landUse is missing/],
  [feature({ ...props, grantPrice: -1 }), /grantPrice -1 is not a non-negative amount/],
  [feature(props, null), /red line: geometry is missing/],
  [feature(props, { type: 'Point', coordinates: [118, 35] }), /geometry type "Point" is not Polygon or MultiPolygon/],
  [feature(props, { type: 'Polygon', coordinates: [] }), /polygon has no rings/],
  [feature(props, { type: 'MultiPolygon', coordinates: [] }), /MultiPolygon has no polygons/],
  [feature(props, { type: 'Polygon', coordinates: [[[118, 35], [118.1, 35], [118, 35]]] }), /ring 0 has 3 positions \(a closed ring needs at least 4\)/],
  [feature(props, { type: 'Polygon', coordinates: [square.slice(0, 4)] }), /ring 0 is not closed/],
  [feature(props, { type: 'Polygon', coordinates: [[...square.slice(0, 2), [118], ...square.slice(2)]] }), /position 2 is not a \[lng, lat\] pair/],
  [feature(props, { type: 'Polygon', coordinates: [[...square.slice(0, 2), ['118', '35'], ...square.slice(2)]] }), /position 2 is not a pair of numbers/],
  [feature(props, { type: 'Polygon', coordinates: [[[190, 35], [191, 35], [191, 36], [190, 35]]] }), /longitude 190 is out of range/],
  [feature(props, { type: 'Polygon', coordinates: [[[118, 95], [119, 95], [119, 96], [118, 95]]] }), /latitude 95 is out of range/],
  [feature(props, { type: 'Polygon', coordinates: [[...Array.from({ length: 20_001 }, (_, i) => [118 + i * 1e-6, 35]), [118, 35]]] }), /at most 20000/],
  // Issue 18: closed rings of four positions in range, yet not valid polygons.
  [feature(props, { type: 'Polygon', coordinates: [[[118.30, 35.00], [118.31, 35.01], [118.31, 35.00], [118.30, 35.01], [118.30, 35.00]]] }), /not a valid polygon: polygon ring 0 intersects itself at \[118\.305, 35\.00[0-9]*\] \(a bow-tie/],
  [feature(props, { type: 'Polygon', coordinates: [square, [[118.32, 35.002], [118.323, 35.002], [118.323, 35.003], [118.32, 35.002]]] }), /not a valid polygon: polygon hole 1 is not inside its shell/],
  [feature(props, { type: 'Polygon', coordinates: [[[118.30, 35.00], [118.31, 35.00], [118.32, 35.00], [118.30, 35.00]]] }), /not a valid polygon: polygon ring 0 has zero area/],
  [feature(props, { type: 'MultiPolygon', coordinates: [[square], [[[118.4, 35.1], [118.41, 35.1], [118.41, 35.1], [118.4, 35.1]]]] }), /polygon 1 ring 0 has zero area/],
  // [lat, lng] of a parcel in Ürümqi (lng 87.6, lat 43.8): both numbers in range, the order wrong.
  [feature(props, { type: 'Polygon', coordinates: [[[43.80, 87.60], [43.80, 87.61], [43.81, 87.61], [43.80, 87.60]]] }), /position 0 \[43\.8, 87\.6\] looks like \[lat, lng\]/],
  [feature(props, { type: 'Polygon', coordinates: [[[2.30, 48.80], [2.31, 48.80], [2.31, 48.81], [2.30, 48.80]]] }), /lies outside the extent 73\.4,3\.8,135\.1,53\.6 \(RED_LINE_EXTENT\)/],
];

function writeCollection(name: string, features: unknown[], extraRaw: string[] = []): string {
  const file = path.join(dir, name);
  const parts = [...features.map((f) => JSON.stringify(f)), ...extraRaw];
  fs.writeFileSync(file, `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`);
  return file;
}

async function ingest(file: string) {
  const sink = new IngestSink(conn, { source: 'parcels' });
  await parcelsAdapter.ingestFile(file, sink, conn, {});
  return sink.finish();
}

test('stores valid features with their red lines and bbox, rejects each bad one with its reason and line', async () => {
  const file = writeCollection('mixed.geojson', [...VALID, ...REJECTED.map(([f]) => f)], ['{"type": "Feature", oops}']);
  const report = await ingest(file);
  expect(report.accepted).toBe(2);
  expect(report.rejected).toBe(REJECTED.length + 1);
  REJECTED.forEach(([, reason], i) => {
    expect(report.reasons[i].reason).toMatch(reason);
    expect(report.reasons[i].where).toBe(`mixed.geojson:${i + 4} (feature ${i + 2})`);
  });
  expect(report.reasons[REJECTED.length].reason).toMatch(/not valid JSON/);

  const Parcel = createParcelModel(conn);
  const first = await Parcel.findOne({ parcelCode: '371302001GB00001' }).lean();
  expect(first).toMatchObject({ district: '371302', area: 12000, landUse: '住宅用地', grantPrice: 36000000, geometryType: 'Polygon', bbox: { minLng: 118.3, minLat: 35, maxLng: 118.31, maxLat: 35.01 } });
  expect(first?.rings).toEqual([{ polygon: 0, ring: 0, points: square.map(([lng, lat]) => ({ lng, lat })) }]);
  const second = await Parcel.findOne({ parcelCode: '371311002003JC00002' }).lean();
  expect(second).toMatchObject({ district: '371311', area: 800.5, geometryType: 'MultiPolygon', rightHolder: null });
  expect(second?.rings.map((r) => [r.polygon, r.ring])).toEqual([[0, 0], [0, 1], [1, 0]]);

  const quarantined = await createQuarantineModel(conn).find({ source: 'parcels' }).lean();
  expect(quarantined).toHaveLength(REJECTED.length + 1);
  expect(quarantined.map((q) => q.raw)).toContain(JSON.stringify(REJECTED[4][0]));
});

test('ingesting the same file twice leaves the same documents and counts duplicates', async () => {
  const file = writeCollection('twice.geojson', [feature({ ...props, parcelCode: '371302009GB00009' }), feature({ ...props, parcelCode: '371302009GB00010' })], ['[1,']);
  const Parcel = createParcelModel(conn);
  const Quarantine = createQuarantineModel(conn);
  const first = await ingest(file);
  expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 1 });
  const docsAfterFirst = await Parcel.find().sort({ parcelCode: 1 }).lean();
  const quarantineAfterFirst = await Quarantine.countDocuments();

  const second = await ingest(file);
  expect(second).toMatchObject({ accepted: 0, duplicates: 2, updated: 0, rejected: 1 });
  expect(await Parcel.find().sort({ parcelCode: 1 }).lean()).toEqual(docsAfterFirst);
  expect(await Quarantine.countDocuments()).toBe(quarantineAfterFirst);
});
