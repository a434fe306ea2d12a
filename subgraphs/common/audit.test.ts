/** The audit hash chain detects every edit, deletion and insertion made directly in the database. */
import { testStore } from '../../test/harness/db';
import { readTypeFilter } from './auditStorage';
import { AuditTrail, commitDelayFromEnv, createAuditModel, DEFAULT_COMMIT_DELAY_MS, hashAudit, type AuditEntry } from './audit';

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
  const later: Promise<void>[] = [];
  conn.getClient().on('commandStarted', (e: { commandName: string }) => {
    if (e.commandName !== 'insert') return;
    // While the first insert is in flight, 19 more appends arrive: they wait and share the next one.
    if (++inserts === 1) for (let i = 2; i <= 20; i++) later.push(trail.append([entry(i)]));
  });
  await trail.append([entry(1)]);
  await Promise.all(later);
  expect(inserts).toBe(2);
  expect(trail.stats).toMatchObject({ appends: 20, inserts: 2, records: 20 });
  const records = await trail.model.find().sort({ seq: 1 }).lean();
  expect(records.map((r) => r.requestId)).toEqual(Array.from({ length: 20 }, (_, i) => `req-${i + 1}`));
  expect(await trail.verify()).toMatchObject({ ok: true, checked: 20 });
});

describe('commit delay: requests in flight that will append share the insert', () => {
  async function trailWith(name: string, commitDelayMs: number) {
    const conn = await store.connect(name);
    const trail = new AuditTrail(createAuditModel(conn), { commitDelayMs });
    await trail.model.init();
    return trail;
  }
  const since = (t0: number) => performance.now() - t0;

  test('a lone append (no other request in flight) is written at once', async () => {
    const trail = await trailWith('audit_delay_lone', 5000);
    const t0 = performance.now();
    await trail.expect().append([entry(1)]);
    expect(since(t0)).toBeLessThan(2500); // far less than the delay, with room for a loaded machine
    expect(trail.stats).toMatchObject({ appends: 1, inserts: 1, records: 1 });
  });

  test('the entries of requests still in flight join the insert; the write starts once they all arrived', async () => {
    const trail = await trailWith('audit_delay_join', 5000);
    const [a, b, c] = [trail.expect(), trail.expect(), trail.expect()];
    const t0 = performance.now();
    const first = a.append([entry(1)]);
    await new Promise((r) => setTimeout(r, 30));
    b.release(); // answered without reading anything of this department
    const second = c.append([entry(2)]);
    await Promise.all([first, second]);
    expect(since(t0)).toBeLessThan(2500); // not the whole delay: every ticket was settled
    expect(trail.stats).toMatchObject({ appends: 2, inserts: 1, records: 2 });
    expect(await trail.verify()).toMatchObject({ ok: true, checked: 2 });
  });

  test('a request that never appends holds a write back for the delay at most', async () => {
    const trail = await trailWith('audit_delay_bound', 1000);
    const stuck = trail.expect();
    const t0 = performance.now();
    await trail.expect().append([entry(1)]);
    expect(since(t0)).toBeGreaterThanOrEqual(950); // timers may fire a millisecond early
    stuck.release();
    stuck.release(); // settling twice counts once
    const t1 = performance.now();
    await trail.expect().append([entry(2)]);
    expect(since(t1)).toBeLessThan(900); // not held back: no request is in flight any more
    expect(trail.stats.inserts).toBe(2);
    // The time appends waited is counted: the first alone waited the delay.
    expect(trail.stats.appendMs).toBeGreaterThanOrEqual(950);
    expect(trail.stats.appendMs).toBeLessThan(since(t0));
    // ... and where it went: the first write's commit delay, then each insert's round trip.
    expect(trail.stats.delayMs).toBeGreaterThanOrEqual(950);
    expect(trail.stats.insertMs).toBeGreaterThan(0);
    expect(trail.stats.delayMs + trail.stats.insertMs).toBeLessThanOrEqual(trail.stats.appendMs);
  });

  test('AUDIT_COMMIT_DELAY_MS is read and checked', () => {
    expect(commitDelayFromEnv({})).toBe(DEFAULT_COMMIT_DELAY_MS);
    expect(commitDelayFromEnv({ AUDIT_COMMIT_DELAY_MS: '0' })).toBe(0);
    expect(commitDelayFromEnv({ AUDIT_COMMIT_DELAY_MS: '7.5' })).toBe(7.5);
    expect(() => commitDelayFromEnv({ AUDIT_COMMIT_DELAY_MS: 'soon' })).toThrow(/AUDIT_COMMIT_DELAY_MS must be a number of milliseconds.*"soon"/);
    expect(() => commitDelayFromEnv({ AUDIT_COMMIT_DELAY_MS: '-1' })).toThrow(/from 0 to 1000/);
  });
});

test('two writers on one trail (two processes) never fork the chain: a stale head is reloaded and the append retried', async () => {
  const conn = await store.connect('audit_two_writers');
  const model = createAuditModel(conn);
  await model.init();
  const a = new AuditTrail(model);
  const b = new AuditTrail(model);
  await b.append([entry(1)]); // b's head: #1
  await a.append([entry(2), entry(3)]); // a reads the head (#1) and writes #2, #3
  await b.append([entry(4), entry(5)]); // b still believes #1 is the head: #2 is taken, so it reloads
  const records = await model.find().sort({ seq: 1 }).lean();
  expect(records.map((r) => [r.seq, r.requestId])).toEqual([[1, 'req-1'], [2, 'req-2'], [3, 'req-3'], [4, 'req-4'], [5, 'req-5']]);
  expect(await a.verify()).toMatchObject({ ok: true, checked: 5 });
});

describe('stored form: reads as one JSON text, the types read beside it', () => {
  test('is what the store holds, and reads back as appended', async () => {
    const { trail, model } = await freshTrail('audit_form');
    const raw = await model.collection.findOne({ seq: 2 });
    expect(typeof raw!.reads).toBe('string');
    expect(JSON.parse(raw!.reads as string)).toEqual(entry(2).reads);
    expect(raw!.readTypes).toEqual(['Project']);
    const [newest] = await trail.records({}, 1);
    expect(newest).toMatchObject({ seq: 5, reads: entry(5).reads, at: entry(5).at });
    expect((await trail.records(readTypeFilter('Project'))).length).toBe(5);
    expect(await trail.records(readTypeFilter('Worker'))).toEqual([]);
  });

  test('an edit of the reads text, unreadable reads or changed readTypes are reported', async () => {
    const edited = await freshTrail('audit_form_edit');
    await edited.model.collection.updateOne({ seq: 2 }, { $set: { reads: JSON.stringify(entry(7).reads) } });
    expect(await edited.trail.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/altered \(hash mismatch\)/) });
    const broken = await freshTrail('audit_form_json');
    await broken.model.collection.updateOne({ seq: 3 }, { $set: { reads: '[{"type":' } });
    expect(await broken.trail.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'record 3 was altered (reads are not valid JSON)' });
    const types = await freshTrail('audit_form_types');
    // Hiding a record from the type filter without touching the hashed reads.
    await types.model.collection.updateOne({ seq: 4 }, { $set: { readTypes: ['Enterprise'] } });
    expect(await types.trail.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: 'record 4 was altered (readTypes do not match its reads)' });
  });

  test('records stored before (reads as subdocuments) still verify, filter and read back', async () => {
    const conn = await store.connect('audit_form_old');
    const model = createAuditModel(conn);
    await model.init();
    // Two records in the earlier form, written with their hashes as the earlier code did.
    let prevHash = '0'.repeat(64);
    for (const seq of [1, 2]) {
      const base = { ...entry(seq), seq, prevHash };
      const hash = hashAudit(base);
      await model.collection.insertOne({ ...base, hash });
      prevHash = hash;
    }
    const trail = new AuditTrail(model);
    await trail.append([entry(3)]);
    expect(await trail.verify()).toEqual({ ok: true, checked: 3, brokenAt: null, reason: null });
    expect((await trail.records(readTypeFilter('Project'))).map((r) => [r.seq, r.reads])).toEqual([3, 2, 1].map((i) => [i, entry(i).reads]));
  });
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
