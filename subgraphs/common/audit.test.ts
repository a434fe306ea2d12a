/** The audit hash chain detects every edit, deletion and insertion made directly in the database. */
import { testStore } from '../../test/harness/db';
import { AuditTrail, createAuditModel, hashAudit, type AuditEntry } from './audit';

const store = testStore();
afterAll(() => store.closeAll());

const entry = (i: number): AuditEntry => ({
  sub: `user${i}`, dept: i % 2 ? 'hrss' : 'citymgmt', purposes: ['wage-enforcement'], operationName: 'ProjectView',
  requestId: `req-${i}`, reads: [{ type: 'Project', keys: [`K${i}`], fields: ['name', 'status'] }], at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)),
});

async function freshTrail(name: string) {
  const conn = await store.connect(name);
  const trail = new AuditTrail(createAuditModel(conn));
  await trail.model.init();
  // Concurrent appends are serialised into one unforked chain.
  await Promise.all([1, 2, 3, 4, 5].map((i) => trail.append([entry(i)])));
  return { trail, model: trail.model };
}

test('an untouched chain verifies, concurrent appends included', async () => {
  const { trail, model } = await freshTrail('audit_ok');
  expect(await trail.verify()).toEqual({ ok: true, checked: 5, brokenAt: null, reason: null });
  expect((await model.find().sort({ seq: 1 }).lean()).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
});

test('appends that arrive while a write is in flight share the next insert (group commit), in order', async () => {
  const conn = await store.connect('audit_group', { monitorCommands: true });
  const trail = new AuditTrail(createAuditModel(conn));
  await trail.model.init();
  let inserts = 0;
  conn.getClient().on('commandStarted', (e: { commandName: string }) => {
    if (e.commandName === 'insert') inserts++;
  });
  await Promise.all(Array.from({ length: 20 }, (_, i) => trail.append([entry(i + 1)])));
  // The first append writes alone; the other 19 queue behind it and go in one insert.
  expect(inserts).toBe(2);
  const records = await trail.model.find().sort({ seq: 1 }).lean();
  expect(records.map((r) => r.requestId)).toEqual(Array.from({ length: 20 }, (_, i) => `req-${i + 1}`));
  expect(await trail.verify()).toMatchObject({ ok: true, checked: 20 });
});

test('an edited record is reported', async () => {
  const { trail, model } = await freshTrail('audit_edit');
  await model.collection.updateOne({ seq: 3 }, { $set: { dept: 'environment' } });
  expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/altered/) });
});

test('a deleted record is reported, in the middle and at the end', async () => {
  const { trail, model } = await freshTrail('audit_delete');
  await model.collection.deleteOne({ seq: 2 });
  expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/missing/) });
  const other = await freshTrail('audit_delete_end');
  await other.model.collection.deleteOne({ seq: 5 });
  expect(await other.trail.verify()).toMatchObject({ ok: false, brokenAt: 5, reason: expect.stringMatching(/deleted at the end/) });
});

test('an inserted record is reported, even with a recomputed hash', async () => {
  const { trail, model } = await freshTrail('audit_insert');
  const third = (await model.findOne({ seq: 3 }).lean())!;
  // A forger shifts #4 and #5 up and slips a well-hashed record in after #3.
  const forged = { ...entry(99), seq: 4, prevHash: third.hash };
  for (const seq of [5, 4]) await model.collection.updateOne({ seq }, { $set: { seq: seq + 1 } });
  await model.collection.insertOne({ ...forged, hash: hashAudit(forged) });
  expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 5, reason: expect.stringMatching(/altered|does not point/) });

  // A record appended at the end without the chain's last hash.
  const other = await freshTrail('audit_insert_end');
  const tail = { ...entry(98), seq: 6, prevHash: '0'.repeat(64) };
  await other.model.collection.insertOne({ ...tail, hash: hashAudit(tail) });
  expect(await other.trail.verify()).toMatchObject({ ok: false, brokenAt: 6, reason: expect.stringMatching(/does not point/) });
});
