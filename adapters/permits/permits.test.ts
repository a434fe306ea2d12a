import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { usccCheckChar } from '../../domain/uscc';
import { createHousingModels } from '../../subgraphs/housing/models';
import { testStore } from '../../test/harness/db';
import { createQuarantineModel } from '../common/quarantine';
import { IngestSink } from '../common/sink';
import { permitsAdapter } from './index';
import { parsePermitRecord } from './record';
import { generateCity } from '../demo/city';
import { writeHousingFiles } from '../demo/housing';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permits-'));
let conn: Connection;

beforeAll(async () => {
  conn = await store.connect('housing');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

function uscc(body17: string): string {
  return body17 + usccCheckChar(body17);
}
const BUILDER = uscc('91371302MA0000001');
const CONTRACTOR = uscc('91371302MA0000002');
const SUPERVISOR = uscc('91371302MA0000003');
/** Well-formed, wrong check character: kept and flagged. */
const PILOT = '91350100M0001TGQXM';

function record(overrides: Record<string, unknown> = {}) {
  return {
    projectCode: '2024-371302-47-01-A1B2C3',
    projectName: '兰山区示范住宅项目',
    districtCode: '371302',
    districtName: '兰山区',
    address: '临沂市兰山区沂蒙路1号',
    status: '在建',
    lng: 118.35,
    lat: 35.06,
    permitNo: '371302202400010101',
    issueDate: '2024-03-05',
    contractPrice: 123456789,
    projectManager: { name: '张建军', phone: '13812345678' },
    reviewNote: '资料齐全',
    participants: [
      { role: '建设单位', uscc: BUILDER, name: '临沂金鼎置业有限公司' },
      { role: '施工单位', uscc: CONTRACTOR, name: '临沂宏达建设集团有限公司' },
      { role: '监理单位', uscc: SUPERVISOR, name: '临沂正元工程监理有限公司' },
    ],
    ...overrides,
  };
}

async function ingest(file: string) {
  const sink = new IngestSink(conn, { source: 'permits' });
  await permitsAdapter.ingestFile(file, sink, conn, {});
  return sink.finish();
}

describe('parsePermitRecord', () => {
  test('a valid record gives the registry entry, permit, participants and enterprises', () => {
    const r = parsePermitRecord(record());
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.project).toEqual({
      code: '2024-371302-47-01-A1B2C3', name: '兰山区示范住宅项目', district: '371302', districtName: '兰山区',
      address: '临沂市兰山区沂蒙路1号', status: 'IN_PROGRESS', lng: 118.35, lat: 35.06,
    });
    expect(r.value.permit).toMatchObject({ builderUscc: BUILDER, contractorUscc: CONTRACTOR, supervisorUscc: SUPERVISOR, designerUscc: null, contractValue: 123456789 });
    expect(r.value.participants.map((p) => p.role)).toEqual(['BUILDER', 'CONTRACTOR', 'SUPERVISOR']);
    expect(r.value.enterprises.every((e) => e.creditCodeStatus === 'valid')).toBe(true);
  });

  test('a credit code failing the checksum is kept and flagged for review', () => {
    const r = parsePermitRecord(record({ participants: [
      { role: '建设单位', uscc: PILOT, name: '试点企业' },
      { role: '施工单位', uscc: CONTRACTOR, name: '施工企业' },
    ] }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.enterprises[0]).toEqual({ uscc: PILOT, name: '试点企业', creditCodeStatus: 'checksum-mismatch', expectedCheckChar: '1' });
    expect(r.value.participants[0].creditCodeStatus).toBe('checksum-mismatch');
  });

  const participants = (extra: unknown[]) => [...record().participants, ...extra];
  const rejections: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /record is not a JSON object/],
    ['missing project code', record({ projectCode: undefined }), /projectCode is missing/],
    ['malformed project code', record({ projectCode: '2024-371302-47-01' }), /projectCode "2024-371302-47-01" must be 24 characters/],
    ['missing name', record({ projectName: '' }), /projectName is missing/],
    ['bad district', record({ districtCode: '3713' }), /districtCode "3713" is not a 6-digit/],
    ['unknown status', record({ status: '拆除' }), /status "拆除" is not one of/],
    ['coordinates outside China', record({ lng: 35.06, lat: 118.35 }), /lng 35.06 is out of range/],
    ['non-numeric coordinate', record({ lat: 'north' }), /lat must be a number/],
    ['missing permit number', record({ permitNo: null }), /permitNo is missing/],
    ['impossible issue date', record({ issueDate: '2024-02-30' }), /issueDate "2024-02-30" is not a calendar date/],
    ['badly formatted issue date', record({ issueDate: '2024/03/05' }), /issueDate "2024\/03\/05" is not a date YYYY-MM-DD/],
    ['negative contract price', record({ contractPrice: -5 }), /contractPrice -5 is out of range/],
    ['bad project manager phone', record({ projectManager: { name: '张三', phone: '12345' } }), /projectManager.phone "12345" is not a phone number/],
    ['no participants', record({ participants: [] }), /participants must be a non-empty array/],
    ['unknown role', record({ participants: participants([{ role: '咨询单位', uscc: SUPERVISOR, name: 'x' }]) }), /role "咨询单位" is not one of/],
    ['role listed twice', record({ participants: participants([{ role: '监理单位', uscc: SUPERVISOR, name: 'x' }]) }), /role 监理单位 is listed twice/],
    ['malformed credit code', record({ participants: participants([{ role: '设计单位', uscc: '91371302MA00000O1X', name: 'x' }]) }), /participants\[3\].uscc "91371302MA00000O1X": credit code has characters outside GB 32100/],
    ['short credit code', record({ participants: participants([{ role: '设计单位', uscc: '9137', name: 'x' }]) }), /must be 18 characters/],
    ['participant without name', record({ participants: participants([{ role: '设计单位', uscc: SUPERVISOR }]) }), /name is missing/],
    ['no contractor', record({ participants: [record().participants[0]] }), /participants lack the 施工单位 \(CONTRACTOR\)/],
    ['no builder', record({ participants: [record().participants[1]] }), /participants lack the 建设单位 \(BUILDER\)/],
  ];
  test.each(rejections)('rejects: %s', (_label, value, reason) => {
    const r = parsePermitRecord(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('permits adapter on the store', () => {
  const goodFile = path.join(dir, 'permits.json');
  const second = record({
    projectCode: '2025-371311-47-02-B2C3D4', projectName: '罗庄区学校项目', districtCode: '371311', districtName: '罗庄区',
    permitNo: '371311202500020101', status: 'SUSPENDED',
    participants: [{ role: '建设单位', uscc: PILOT, name: '试点企业' }, { role: '施工单位', uscc: CONTRACTOR, name: '临沂宏达建设集团有限公司' }],
  });

  async function snapshot() {
    const m = createHousingModels(conn);
    const strip = <T extends { _id?: unknown }>(docs: T[]) => docs.map((d) => ({ ...d, _id: String(d._id) }));
    return {
      projects: strip(await m.Project.find().sort({ code: 1 }).lean()),
      permits: strip(await m.Permit.find().sort({ permitNo: 1 }).lean()),
      participants: strip(await m.Participant.find().sort({ projectCode: 1, role: 1 }).lean()),
      enterprises: strip(await m.Enterprise.find().sort({ uscc: 1 }).lean()),
    };
  }

  test('valid records are stored; the same file twice leaves the same documents', async () => {
    fs.writeFileSync(goodFile, JSON.stringify([record(), second], null, 2));
    const first = await ingest(goodFile);
    // Two records (each a project, its permit, participants and enterprises), counted once each.
    expect(first).toMatchObject({ read: 2, accepted: 2, rejected: 0, updated: 0 });
    const before = await snapshot();
    expect(before.projects.map((p) => p.code)).toEqual(['2024-371302-47-01-A1B2C3', '2025-371311-47-02-B2C3D4']);
    expect(before.enterprises.find((e) => e.uscc === PILOT)).toMatchObject({ creditCodeStatus: 'checksum-mismatch', expectedCheckChar: '1' });

    const again = await ingest(goodFile);
    expect(again).toMatchObject({ accepted: 0, updated: 0, rejected: 0, duplicates: 2, read: 2 });
    expect(await snapshot()).toEqual(before);
  });

  test('a changed record updates the stored documents; the same key twice in one file keeps the last', async () => {
    const file = path.join(dir, 'changed.json');
    fs.writeFileSync(file, JSON.stringify([record({ status: '停工' }), record({ status: '竣工', contractPrice: 130000000 })]));
    const report = await ingest(file);
    // Both records change stored documents (the second the same ones again).
    expect(report).toMatchObject({ read: 2, accepted: 0, rejected: 0, updated: 2 });
    const m = createHousingModels(conn);
    expect((await m.Project.findById('2024-371302-47-01-A1B2C3').lean())?.status).toBe('COMPLETED');
    expect((await m.Permit.findById('371302202400010101').lean())?.contractValue).toBe(130000000);
    expect(await m.Project.countDocuments()).toBe(2);
  });

  test('rejected records are quarantined raw with file, line and reason', async () => {
    const badFile = path.join(dir, 'bad.jsonl');
    const bad = JSON.stringify(record({ projectCode: 'X-1', permitNo: 'bad-1' }));
    fs.writeFileSync(badFile, [JSON.stringify(record()), bad, '{"projectCode": ', ''].join('\n'));
    const report = await ingest(badFile);
    expect(report.rejected).toBe(2);
    expect(report.reasons).toEqual([
      { where: `${badFile}:2 (record 2)`, reason: expect.stringContaining('projectCode "X-1"') },
      { where: `${badFile}:3 (record 3)`, reason: expect.stringMatching(/^malformed JSON/) },
    ]);
    const q = await createQuarantineModel(conn).find({ source: 'permits' }).lean();
    expect(q.map((x) => x.raw).sort()).toEqual(['{"projectCode": ', bad].sort());
    // Quarantining the same bad input again keeps one copy and counts it.
    await ingest(badFile);
    const again = await createQuarantineModel(conn).find({ source: 'permits' }).lean();
    expect(again).toHaveLength(2);
    expect(again.every((x) => x.seenCount === 2)).toBe(true);
  });
});

test('records whose documents straddle the writer\'s buffer are each counted once: read = accepted, then read = duplicates', async () => {
  const own = await store.connect('housing-many');
  const city = generateCity({ projects: 60, seed: 5, workersPerProject: 1, monitoringDays: 1 });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'permits-many-'));
  try {
    const permitsFile = (await writeHousingFiles(city, out)).find((f) => f.source === 'permits')!.file;
    const run = async () => {
      const sink = new IngestSink(own, { source: 'permits' });
      await permitsAdapter.ingestFile(permitsFile, sink, own, {});
      return sink.finish();
    };
    // 60 records of about nine documents each: several buffer drains in the middle of a record.
    const first = await run();
    expect(first).toMatchObject({ read: 60, accepted: 60, duplicates: 0, updated: 0, rejected: 0 });
    expect(await createHousingModels(own).Permit.countDocuments({})).toBe(60);
    expect(await run()).toMatchObject({ read: 60, accepted: 0, duplicates: 60, updated: 0, rejected: 0 });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
