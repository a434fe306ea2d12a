/**
 * The declared case id in the audit chain (issue 19): part of the hash of the records that carry one,
 * while the records written before (and those without a case) keep exactly their old hash.
 */
import { createHash } from 'node:crypto';
import { testStore } from '../../test/harness/db';
import { AuditTrail, canonicalAudit, createAuditModel, type AuditEntry } from './audit';

const store = testStore();
afterAll(() => store.closeAll());

const entry = (i: number, caseId?: string): AuditEntry => ({
  sub: `officer${i}`, dept: 'hrss', purposes: ['wage-enforcement'], operationName: 'Evidence', requestId: `req-${i}`,
  reads: [{ type: 'Project', keys: [`K${i}`], fields: ['permit'] }], at: new Date(Date.UTC(2026, 11, 1, 0, 0, i)),
  ...(caseId ? { caseId } : {}),
});

test('a record without a case id hashes exactly as before the field existed', () => {
  const r = { ...entry(1), seq: 1, prevHash: '0'.repeat(64) };
  // The canonical form of the records written before issue 19 (audit.ts at 12a3823).
  const legacy = JSON.stringify([r.seq, r.at.toISOString(), r.sub, r.dept, r.purposes, r.operationName, r.requestId, [['Project', ['K1'], ['permit']]], r.prevHash]);
  expect(canonicalAudit(r)).toBe(legacy);
  expect(canonicalAudit({ ...r, caseId: 'LH-2026-000001' })).toBe(legacy.slice(0, -1) + ',"LH-2026-000001"]');
  expect(createHash('sha256').update(canonicalAudit({ ...r, caseId: 'LH-2026-000001' })).digest('hex')).not.toBe(createHash('sha256').update(legacy).digest('hex'));
});

test('a trail mixing records without and with a case id verifies; adding, removing or changing a case id in the store does not', async () => {
  const conn = await store.connect('audit_case_id');
  const trail = new AuditTrail(createAuditModel(conn));
  await trail.model.init();
  await trail.append([entry(1), entry(2, 'LH-2026-000001'), entry(3)]);
  expect(await trail.verify()).toEqual({ ok: true, checked: 3, brokenAt: null, reason: null });
  const stored = await trail.model.find().sort({ seq: 1 }).lean();
  expect(stored.map((r) => r.caseId ?? 'absent')).toEqual(['absent', 'LH-2026-000001', 'absent']);
  expect((await trail.records({ caseId: 'LH-2026-000001' })).map((r) => r.seq)).toEqual([2]);

  const raw = trail.model.collection;
  for (const [seq, change, undo] of [
    [1, { $set: { caseId: 'LH-2026-000009' } }, { $unset: { caseId: '' } }],
    [2, { $unset: { caseId: '' } }, { $set: { caseId: 'LH-2026-000001' } }],
    [2, { $set: { caseId: 'LH-2026-000002' } }, { $set: { caseId: 'LH-2026-000001' } }],
    [3, { $set: { caseId: 7 } }, { $unset: { caseId: '' } }],
  ] as const) {
    await raw.updateOne({ seq }, change);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: seq, reason: expect.stringMatching(new RegExp(`record ${seq} was altered`)) });
    await raw.updateOne({ seq }, undo);
    expect((await trail.verify()).ok).toBe(true);
  }
});
