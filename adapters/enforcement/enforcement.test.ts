/** The enforcement adapter end to end on FerretDB: violations and cases, quarantine, idempotence. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { createQuarantineModel } from '../common/quarantine';
import { ingestFile } from '../ingest';
import { createCitymgmtModels } from '../../subgraphs/citymgmt/models';
import { enforcementAdapter } from '.';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enforcement-'));
const USCC = '91350100M000100Y43';
const records = [
  { kind: 'violation', violationNo: 'WF1001', type: '扬尘', source: 'PATROL', foundAt: '2026-10-08 10:00:00', district: '371302', projectCode: '2024-371302-47-01-A1B2C3', enterpriseUscc: USCC, description: '裸土未覆盖' },
  { kind: 'case', caseNo: '临城综执罚〔2026〕0001号', type: 'DUST', district: '371302', projectCode: '2024-371302-47-01-A1B2C3', violationNo: 'WF1001', partyUscc: USCC,
    history: [{ state: '立案', at: '2026-10-09 09:00:00' }, { state: '调查', at: '2026-10-10 09:00:00' }, { state: '决定', at: '2026-10-12 09:00:00' }, { state: '结案', at: '2026-10-13 09:00:00' }],
    firstViolationNoPenalty: true, legalBasis: '《行政处罚法》第三十三条', internalNotes: '当事人当场整改' },
  { kind: 'case', caseNo: '临城综执罚〔2026〕0002号', type: 'DUST', district: '371302', partyUscc: USCC, history: [{ state: 'DECIDED', at: '2026-10-09 09:00:00' }] },
  { kind: 'violation', violationNo: 'WF1002', type: 'MUCK', source: 'COMPLAINT', foundAt: '2026-10-08 10:00:00', district: '371302', description: '撒漏' },
];
const file = path.join(dir, 'enforcement.json');

beforeAll(async () => {
  conn = await store.connect('citymgmt');
  fs.writeFileSync(file, `{"records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}`);
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function stored() {
  const m = createCitymgmtModels(conn);
  return {
    violations: await m.Violation.find({}, { _id: 0 }).sort({ violationNo: 1 }).lean(),
    cases: await m.EnforcementCase.find({}, { _id: 0 }).sort({ caseNo: 1 }).lean(),
  };
}

test('stores violations and cases; rejects the bad ones with file:line into quarantine', async () => {
  const report = await ingestFile(enforcementAdapter, file, conn);
  expect(report).toMatchObject({ accepted: 2, rejected: 2 });
  expect(report.reasons).toEqual([
    { where: 'enforcement.json:4 (record 2)', reason: expect.stringMatching(/must start with 立案/) },
    { where: 'enforcement.json:5 (record 3)', reason: expect.stringMatching(/complaintOrderNo is missing/) },
  ]);
  const { violations, cases } = await stored();
  expect(violations).toEqual([expect.objectContaining({ violationNo: 'WF1001', type: 'DUST', usccNeedsReview: false })]);
  expect(cases).toEqual([expect.objectContaining({
    caseNo: '临城综执罚〔2026〕0001号', state: 'CLOSED', firstViolationNoPenalty: true, penaltyAmount: 0,
    history: [
      { state: 'FILED', at: new Date('2026-10-09T01:00:00Z') }, { state: 'INVESTIGATING', at: new Date('2026-10-10T01:00:00Z') },
      { state: 'DECIDED', at: new Date('2026-10-12T01:00:00Z') }, { state: 'CLOSED', at: new Date('2026-10-13T01:00:00Z') },
    ],
  })]);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'enforcement' })).toBe(2);
});

test('the same file twice leaves the same documents', async () => {
  const before = await stored();
  const report = await ingestFile(enforcementAdapter, file, conn);
  expect(report).toMatchObject({ accepted: 0, duplicates: 2, updated: 0, rejected: 2 });
  expect(await stored()).toEqual(before);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'enforcement' })).toBe(2);
});
