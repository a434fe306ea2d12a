/** The planning-permits adapter on the real store: CSV and JSON, every rejection reason, re-ingestion. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { IngestSink } from '../common/sink';
import { createQuarantineModel } from '../common/quarantine';
import { createPlanningPermitModel } from '../../subgraphs/resources/models/planningPermit';
import { planningPermitsAdapter } from '.';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permits-'));
let conn: Connection;
beforeAll(async () => {
  conn = await store.connect('resources');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER = '许可证类型,证书编号,项目代码,宗地代码,批准建筑面积,批准建筑高度,层数,用途,容积率,核发日期,建设单位,联系人,联系电话';
const COLUMNS = HEADER.split(',');
const good = {
  许可证类型: '建设工程规划许可证', 证书编号: '建字第371302202400001号', 项目代码: '2024-371302-47-01-A1B2C3', 宗地代码: '371302001GB00001',
  批准建筑面积: '52000', 批准建筑高度: '54.5', 层数: '18', 用途: '住宅', 容积率: '2.5', 核发日期: '2024-03-05',
  建设单位: '临沂某置业有限公司', 联系人: '王建国', 联系电话: '13912345678',
};
const row = (over: Record<string, string>) => COLUMNS.map((c) => over[c] ?? (good as Record<string, string>)[c]).join(',');

const REJECTED: [Record<string, string>, RegExp][] = [
  [{ 许可证类型: '' }, /kind is missing/],
  [{ 许可证类型: '施工许可证' }, /kind "施工许可证" is not LAND_USE/],
  [{ 证书编号: '' }, /permitNo is missing/],
  [{ 证书编号: 'x'.repeat(65) }, /permitNo is 65 characters long/],
  [{ 项目代码: '' }, /projectCode is missing/],
  [{ 项目代码: '2024-371302-47-01' }, /projectCode "2024-371302-47-01" must be 24 characters/],
  [{ 宗地代码: '' }, /parcelCode is missing/],
  [{ 宗地代码: 'GB0001' }, /parcelCode "GB0001" is not a 宗地代码/],
  [{ 批准建筑面积: 'abc' }, /approvedFloorArea "abc" is not a number/],
  [{ 批准建筑面积: '0' }, /approvedFloorArea 0 is out of range/],
  [{ 批准建筑高度: '5400' }, /approvedHeight 5400 is out of range/],
  [{ 层数: '18.5' }, /storeys "18.5" is not a whole number/],
  [{ 容积率: '45' }, /plotRatio 45 is out of range/],
  [{ 批准建筑面积: '' }, /approvedFloorArea is missing on an engineering planning permit/],
  [{ 批准建筑高度: '' }, /approvedHeight is missing on an engineering planning permit/],
  [{ 核发日期: '' }, /issuedOn is missing/],
  [{ 核发日期: '2024-02-30' }, /issuedOn "2024-02-30" is not a calendar date/],
  [{ 联系电话: '12345' }, /contactPhone "12345" is not a mobile or landline number/],
];

async function ingest(file: string, encoding?: 'utf8' | 'gb18030') {
  const sink = new IngestSink(conn, { source: 'planning-permits' });
  await planningPermitsAdapter.ingestFile(file, sink, conn, { encoding });
  return sink.finish();
}

test('a CSV with Chinese headers: valid rows stored, each bad row rejected with its reason and line', async () => {
  const landUse = row({ 许可证类型: '建设用地规划许可证', 证书编号: '地字第371302202300001号', 批准建筑面积: '', 批准建筑高度: '', 层数: '', 核发日期: '2023/11/2' });
  const lines = [HEADER, row({}), landUse, ...REJECTED.map(([over], i) => row({ 证书编号: `bad-${i}`, ...over })), 'too,few,fields'];
  const file = path.join(dir, 'permits.csv');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  const report = await ingest(file);
  expect(report.accepted).toBe(2);
  expect(report.rejected).toBe(REJECTED.length + 1);
  REJECTED.forEach(([, reason], i) => {
    expect(report.reasons[i].reason).toMatch(reason);
    expect(report.reasons[i].where).toBe(`permits.csv:${i + 4}`);
  });
  expect(report.reasons[REJECTED.length].where).toBe(`permits.csv:${REJECTED.length + 4}`);

  const Permit = createPlanningPermitModel(conn);
  expect(await Permit.findOne({ permitNo: '建字第371302202400001号' }, { _id: 0 }).lean()).toEqual({
    permitNo: '建字第371302202400001号', kind: 'ENGINEERING', projectCode: '2024-371302-47-01-A1B2C3', parcelCode: '371302001GB00001',
    approvedFloorArea: 52000, approvedHeight: 54.5, storeys: 18, approvedUse: '住宅', plotRatio: 2.5, issuedOn: '2024-03-05',
    applicant: '临沂某置业有限公司', contactName: '王建国', contactPhone: '13912345678',
  });
  expect(await Permit.findOne({ permitNo: '地字第371302202300001号' }).lean()).toMatchObject({ kind: 'LAND_USE', approvedFloorArea: null, approvedHeight: null, issuedOn: '2023-11-02' });
  const quarantined = await createQuarantineModel(conn).find({ source: 'planning-permits' }).lean();
  expect(quarantined).toHaveLength(REJECTED.length + 1);
  expect(quarantined.map((q) => q.raw)).toContain(lines[3]);
});

test('a GB18030 CSV keeps its Chinese text', async () => {
  const file = path.join(dir, 'gbk.csv');
  fs.writeFileSync(file, iconv.encode([HEADER, row({ 证书编号: '建字第GBK00001号', 联系人: '李秀英' })].join('\r\n') + '\r\n', 'gb18030'));
  const report = await ingest(file, 'gb18030');
  expect(report).toMatchObject({ accepted: 1, rejected: 0 });
  expect(await createPlanningPermitModel(conn).findOne({ permitNo: '建字第GBK00001号' }).lean()).toMatchObject({ contactName: '李秀英', approvedUse: '住宅' });
});

test('JSON records with English names; a malformed record and a non-object are quarantined', async () => {
  const file = path.join(dir, 'permits.json');
  const ok = { kind: 'ENGINEERING', permitNo: 'JSON-0001', projectCode: '2025-371311-47-02-ZZ0001', parcelCode: '371311002003JC00002', approvedFloorArea: 9000, approvedHeight: 24, issuedOn: '2025-01-15' };
  fs.writeFileSync(file, `{"records":[${JSON.stringify(ok)},\n"just text",\n{"kind": oops}]}`);
  const report = await ingest(file);
  expect(report).toMatchObject({ accepted: 1, rejected: 2 });
  expect(report.reasons.map((r) => r.reason)).toEqual([expect.stringMatching(/record is not an object/), expect.stringMatching(/not valid JSON/)]);
  expect(await createPlanningPermitModel(conn).findOne({ permitNo: 'JSON-0001' }).lean()).toMatchObject({ approvedFloorArea: 9000, storeys: null, contactName: null });
});

test('an unknown file extension is refused before reading anything', async () => {
  await expect(ingest(path.join(dir, 'permits.xlsx'))).rejects.toThrow(/cannot tell the format/);
});

test('ingesting the same file twice leaves the same documents and counts duplicates', async () => {
  const file = path.join(dir, 'twice.csv');
  fs.writeFileSync(file, [HEADER, row({ 证书编号: 'TWICE-1' }), row({ 证书编号: 'TWICE-2', 层数: '20' }), row({ 证书编号: 'TWICE-3', 核发日期: 'soon' })].join('\n') + '\n');
  const Permit = createPlanningPermitModel(conn);
  const first = await ingest(file);
  expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 1 });
  const before = await Permit.find({ permitNo: /^TWICE/ }).sort({ permitNo: 1 }).lean();
  const quarantineBefore = await createQuarantineModel(conn).countDocuments();
  const second = await ingest(file);
  expect(second).toMatchObject({ accepted: 0, duplicates: 2, updated: 0, rejected: 1 });
  expect(await Permit.find({ permitNo: /^TWICE/ }).sort({ permitNo: 1 }).lean()).toEqual(before);
  expect(await createQuarantineModel(conn).countDocuments()).toBe(quarantineBefore);
});
