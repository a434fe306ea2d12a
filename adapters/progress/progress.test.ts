import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createHousingModels } from '../../subgraphs/housing/models';
import { testStore } from '../../test/harness/db';
import { createQuarantineModel } from '../common/quarantine';
import { IngestSink } from '../common/sink';
import { progressAdapter } from './index';
import { parseInspectionRecord } from './inspection';
import { parseProgressRecord } from './record';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-'));
let conn: Connection;

beforeAll(async () => {
  conn = await store.connect('housing');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CODE = '2024-371302-47-01-A1B2C3';
function report(overrides: Record<string, unknown> = {}) {
  return { projectCode: CODE, reportDate: '2026-09-25', progressPercent: 40, floorArea: 12000.5, height: 30.2, storeys: 10, inspectorRemark: null, ...overrides };
}

async function ingest(file: string) {
  const sink = new IngestSink(conn, { source: 'progress' });
  await progressAdapter.ingestFile(file, sink, conn, {});
  return sink.finish();
}

describe('parseProgressRecord', () => {
  test('a valid report', () => {
    expect(parseProgressRecord(report({ progressPercent: '40.5', inspectorRemark: '现场核查与填报一致' }))).toEqual({
      ok: true,
      value: { projectCode: CODE, reportDate: '2026-09-25', progressPercent: 40.5, reportedFloorArea: 12000.5, reportedHeight: 30.2, storeys: 10, inspectorRemark: '现场核查与填报一致' },
    });
  });

  const rejections: [string, unknown, RegExp][] = [
    ['not an object', 'report', /record is not a JSON object/],
    ['missing project code', report({ projectCode: null }), /projectCode is missing/],
    ['malformed project code', report({ projectCode: '2024-371302-47-01-a1b2c3' }), /projectCode .* must match/],
    ['missing report date', report({ reportDate: undefined }), /reportDate is missing/],
    ['impossible report date', report({ reportDate: '2026-13-01' }), /reportDate "2026-13-01" is not a calendar date/],
    ['progress above 100', report({ progressPercent: 130 }), /progressPercent 130 is out of range 0..100/],
    ['progress not a number', report({ progressPercent: 'half' }), /progressPercent must be a number/],
    ['negative floor area', report({ floorArea: -1 }), /floorArea -1 is out of range/],
    ['missing height', report({ height: undefined }), /height is missing/],
    ['absurd height', report({ height: 1200 }), /height 1200 is out of range 0..700/],
    ['fractional storeys', report({ storeys: 10.5 }), /storeys 10.5 must be a whole number/],
    ['remark not text', report({ inspectorRemark: 42 }), /inspectorRemark must be a string/],
  ];
  test.each(rejections)('rejects: %s', (_label, value, reason) => {
    const r = parseProgressRecord(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseInspectionRecord', () => {
  const inspection = (o: Record<string, unknown> = {}) => ({
    recordType: 'inspection', inspectionNo: 'ZA37130200011', projectCode: CODE, inspectedOn: '2026-10-12', kind: '安全', outcome: '责令整改', issuesFound: 3, inspectorRemark: '临边防护不到位', ...o,
  });
  test('a valid inspection', () => {
    expect(parseInspectionRecord(inspection())).toEqual({
      ok: true,
      value: { inspectionNo: 'ZA37130200011', projectCode: CODE, inspectedOn: '2026-10-12', kind: 'SAFETY', outcome: 'RECTIFICATION_ORDERED', issuesFound: 3, inspectorRemark: '临边防护不到位' },
    });
  });
  const rejections: [string, unknown, RegExp][] = [
    ['missing number', inspection({ inspectionNo: '' }), /inspectionNo is missing/],
    ['malformed project code', inspection({ projectCode: 'abc' }), /projectCode "abc" must be 24 characters/],
    ['impossible date', inspection({ inspectedOn: '2026-02-29' }), /inspectedOn "2026-02-29" is not a calendar date/],
    ['unknown kind', inspection({ kind: '消防' }), /kind "消防" is not 质量 or 安全/],
    ['unknown outcome', inspection({ outcome: '罚款' }), /outcome "罚款" is not one of/],
    ['an order without issues', inspection({ issuesFound: 0 }), /outcome 责令整改 needs at least one issue found/],
    ['negative issues', inspection({ issuesFound: -2 }), /issuesFound -2 is out of range/],
  ];
  test.each(rejections)('rejects: %s', (_label, value, reason) => {
    const r = parseInspectionRecord(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('progress adapter on the store', () => {
  test('inspections in the same feed are stored once; an unknown record type is quarantined', async () => {
    const file = path.join(dir, 'supervision.jsonl');
    const unknown = JSON.stringify({ recordType: 'complaint', projectCode: CODE });
    const lines = [
      JSON.stringify({ recordType: 'inspection', inspectionNo: 'ZA1', projectCode: CODE, inspectedOn: '2026-10-12', kind: '质量', outcome: '合格', issuesFound: 0 }),
      unknown,
    ];
    fs.writeFileSync(file, lines.join('\n') + '\n');
    expect(await ingest(file)).toMatchObject({ accepted: 1, rejected: 1, reasons: [{ where: `${file}:2 (record 2)`, reason: 'recordType "complaint" is not progress or inspection' }] });
    const before = await createHousingModels(conn).Inspection.find().lean();
    expect(before).toEqual([{ _id: 'ZA1', inspectionNo: 'ZA1', projectCode: CODE, inspectedOn: '2026-10-12', kind: 'QUALITY', outcome: 'PASSED', issuesFound: 0, inspectorRemark: null }]);
    expect(await ingest(file)).toMatchObject({ accepted: 0, duplicates: 1, rejected: 1 });
    expect(await createHousingModels(conn).Inspection.find().lean()).toEqual(before);
    await createQuarantineModel(conn).deleteMany({});
  });

  const snapshot = async () =>
    (await createHousingModels(conn).Progress.find().sort({ projectCode: 1, reportDate: 1 }).lean()).map((d) => ({ ...d, _id: String(d._id) }));

  test('valid reports stored; ingesting the same file twice leaves the same documents', async () => {
    const file = path.join(dir, 'progress.json');
    // The platform's export envelope: { "data": [...] }.
    fs.writeFileSync(file, JSON.stringify({ total: 3, data: [report(), report({ reportDate: '2026-10-25', progressPercent: 55 }), report({ projectCode: '2025-371311-47-02-B2C3D4' })] }));
    expect(await ingest(file)).toMatchObject({ accepted: 3, duplicates: 0, updated: 0, rejected: 0 });
    const before = await snapshot();
    expect(before.map((d) => [d.projectCode, d.reportDate, d.progressPercent])).toEqual([
      [CODE, '2026-09-25', 40], [CODE, '2026-10-25', 55], ['2025-371311-47-02-B2C3D4', '2026-09-25', 40],
    ]);
    expect(await ingest(file)).toMatchObject({ accepted: 0, duplicates: 3, updated: 0, rejected: 0 });
    expect(await snapshot()).toEqual(before);
  });

  test('a corrected report for the same date replaces the earlier one (natural key project + date)', async () => {
    const file = path.join(dir, 'correction.json');
    fs.writeFileSync(file, JSON.stringify([report({ progressPercent: 42 })]));
    expect(await ingest(file)).toMatchObject({ accepted: 0, updated: 1 });
    const docs = await createHousingModels(conn).Progress.find({ projectCode: CODE, reportDate: '2026-09-25' }).lean();
    expect(docs.map((d) => d.progressPercent)).toEqual([42]);
  });

  test('rejected reports are quarantined raw with file, line and reason', async () => {
    const file = path.join(dir, 'bad.json');
    const bad = JSON.stringify(report({ storeys: -1 }));
    fs.writeFileSync(file, `[\n${JSON.stringify(report({ progressPercent: 42 }))},\n${bad}\n]\n`);
    const r = await ingest(file);
    expect(r).toMatchObject({ rejected: 1, duplicates: 1 });
    expect(r.reasons).toEqual([{ where: `${file}:3 (record 2)`, reason: 'storeys -1 is out of range 0..150' }]);
    const q = await createQuarantineModel(conn).find({ source: 'progress' }).lean();
    expect(q.map((x) => [x.raw, x.reason])).toEqual([[bad, 'storeys -1 is out of range 0..150']]);
  });
});
