/** The hotline adapter end to end on FerretDB: CSV and JSON, GB18030, quarantine, idempotence. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { createQuarantineModel } from '../common/quarantine';
import { ingestFile } from '../ingest';
import { createComplaintModel } from '../../subgraphs/citymgmt/models/complaint';
import { hotlineAdapter } from '.';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-'));
const HEADER = '工单编号,受理时间,诉求类别,区县代码,事发地址,经度,纬度,来电人,联系电话,诉求内容,关联项目代码,办理状态,答复内容,答复时间';
const CSV = [
  HEADER,
  'GD2026100200001,2026-10-02 23:15:00,夜间施工扰民,371302,"临沂市兰山区沂蒙路1号附近,北门",118.35,35.06,王伟,13912345678,"深夜施工，""咚咚""响",2024-371302-47-01-A1B2C3,已答复,已责令停工,2026-10-03 10:00:00',
  'GD2026100300001,2026-10-03 10:00:00,扬尘,371302,兰山区某路,,,,,工地扬尘,,已受理,,',
  'GD2026100300002,2026-10-03 11:00:00,卫生,371302,兰山区某路,,,,,路面脏,,已受理,,',
  'GD2026100300003,2026-10-03 12:00:00,渣土,371302,兰山区某路,,,李娜,12345,渣土撒漏,,已受理,,',
  'GD2026100300004,2026-10-03 12:00:00,渣土,371302',
].join('\r\n') + '\r\n';

beforeAll(async () => {
  conn = await store.connect('citymgmt');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function storedComplaints() {
  return createComplaintModel(conn).find({}, { _id: 0 }).sort({ orderNo: 1 }).lean();
}

test('CSV: valid orders stored, every bad row quarantined raw with file:line and reason', async () => {
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, CSV);
  const report = await ingestFile(hotlineAdapter, file, conn);
  expect(report).toMatchObject({ accepted: 2, duplicates: 0, rejected: 3 });
  expect(report.reasons).toEqual([
    { where: 'orders.csv:4', reason: expect.stringMatching(/unknown category "卫生"/) },
    { where: 'orders.csv:5', reason: expect.stringMatching(/phone number "12345"/) },
    { where: 'orders.csv:6', reason: expect.stringMatching(/expected 14 fields/) },
  ]);
  const stored = await storedComplaints();
  expect(stored.map((c) => c.orderNo)).toEqual(['GD2026100200001', 'GD2026100300001']);
  expect(stored[0]).toMatchObject({ address: '临沂市兰山区沂蒙路1号附近,北门', content: '深夜施工，"咚咚"响', category: 'NIGHT_CONSTRUCTION_NOISE', callerName: '王伟' });
  const quarantined = await createQuarantineModel(conn).find({ source: 'hotline' }).sort({ where: 1 }).lean();
  expect(quarantined.map((q) => q.where)).toEqual(['orders.csv:4', 'orders.csv:5', 'orders.csv:6']);
  expect(quarantined[0].raw).toContain('GD2026100300002,2026-10-03 11:00:00,卫生');
});

test('the same file twice leaves the same documents (duplicates counted, quarantine not doubled)', async () => {
  const file = path.join(dir, 'orders.csv');
  const before = await storedComplaints();
  const report = await ingestFile(hotlineAdapter, file, conn);
  expect(report).toMatchObject({ accepted: 0, duplicates: 2, updated: 0, rejected: 3 });
  expect(await storedComplaints()).toEqual(before);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'hotline' })).toBe(3);
});

test('a later export of an order updates it (status and reply), keyed by order number', async () => {
  const file = path.join(dir, 'later.csv');
  fs.writeFileSync(file, `${HEADER}\nGD2026100300001,2026-10-03 10:00:00,扬尘,371302,兰山区某路,,,,,工地扬尘,,已办结,已整改,2026-10-04 09:00:00\n`);
  const report = await ingestFile(hotlineAdapter, file, conn);
  expect(report).toMatchObject({ accepted: 0, updated: 1, rejected: 0 });
  const doc = await createComplaintModel(conn).findOne({ orderNo: 'GD2026100300001' }).lean();
  expect(doc).toMatchObject({ status: 'CLOSED', reply: '已整改' });
});

test('GB18030 CSV keeps the Chinese text', async () => {
  const file = path.join(dir, 'gbk.csv');
  fs.writeFileSync(file, iconv.encode(`${HEADER}\nGD2026100500001,2026-10-05 09:00:00,占道施工,371311,罗庄区通达路,,,赵敏,0539-8123456,围挡占道,,已派单,,\n`, 'gb18030'));
  const report = await ingestFile(hotlineAdapter, file, conn, { encoding: 'gb18030' });
  expect(report).toMatchObject({ accepted: 1, rejected: 0 });
  const doc = await createComplaintModel(conn).findOne({ orderNo: 'GD2026100500001' }).lean();
  expect(doc).toMatchObject({ category: 'ROAD_OCCUPATION', address: '罗庄区通达路', callerName: '赵敏', content: '围挡占道', status: 'DISPATCHED' });
});

test('JSON: records under "data", English field names; malformed JSON element quarantined', async () => {
  const file = path.join(dir, 'orders.json');
  fs.writeFileSync(file, [
    '{"total": 3, "data": [',
    '{"orderNo": "GD2026100600001", "receivedAt": "2026-10-06T01:30:00+08:00", "category": "夜间施工扰民", "district": "371312", "address": "河东区", "content": "凌晨施工", "projectCode": "2024-371312-47-01-B2C3D4"},',
    '{"orderNo": "GD2026100600002", "receivedAt": "2026-10-06 09:00:00", "category": "DUST", "district": "371312", "address": "", "content": "扬尘"},',
    '{"orderNo": "GD2026100600003", oops},',
    '[1]',
    ']}',
  ].join('\n'));
  const report = await ingestFile(hotlineAdapter, file, conn);
  expect(report).toMatchObject({ accepted: 1, rejected: 3 });
  expect(report.reasons.map((r) => r.where)).toEqual(['orders.json:3 (record 1)', 'orders.json:4 (record 2)', 'orders.json:5 (record 3)']);
  expect(report.reasons[0].reason).toMatch(/missing 事发地址/);
  expect(report.reasons[1].reason).toMatch(/not valid JSON/);
  expect(report.reasons[2].reason).toBe('record is not an object');
  const doc = await createComplaintModel(conn).findOne({ orderNo: 'GD2026100600001' }).lean();
  expect(doc).toMatchObject({ receivedAt: new Date('2026-10-05T17:30:00Z'), projectCode: '2024-371312-47-01-B2C3D4' });
});

test('refuses a file of another type', async () => {
  const file = path.join(dir, 'orders.xml');
  fs.writeFileSync(file, '<orders/>');
  await expect(ingestFile(hotlineAdapter, file, conn)).rejects.toThrow(/\.csv, \.json/);
});
