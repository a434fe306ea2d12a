/** The batching quarantine writer against the real test store: one insert per batch, repeats counted like IngestSink's. */
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { createQuarantineModel, quarantineId } from '../common/quarantine';
import { QuarantineBatcher } from './quarantineBatcher';

const store = testStore();
let conn: Connection;
let inserts = 0;

beforeAll(async () => {
  conn = await store.connect('environment', { monitorCommands: true });
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'insert' && e.command.insert === 'quarantine') inserts++;
  });
});
afterAll(async () => {
  await store.closeAll();
});

const line = (i: number, raw = `bad ${i}`) => ({ where: `packet ${i} from 10.0.0.1:5000`, reason: `packet ${i} from 10.0.0.1:5000: CRC error`, raw });

test('lines added by many callers within the interval go out in one insert; each caller learns when its lines are stored', async () => {
  const batcher = new QuarantineBatcher(conn, { source: 'batch-a', intervalMs: 50 });
  const before = inserts;
  await Promise.all(Array.from({ length: 40 }, (_, i) => batcher.add([line(i)])));
  expect(inserts - before).toBe(1);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'batch-a' })).toBe(40);
  expect(batcher.stats).toEqual({ records: 40, inserts: 1 });
});

test('a batch is written as soon as it is full, in inserts of maxRecords', async () => {
  const batcher = new QuarantineBatcher(conn, { source: 'batch-b', maxRecords: 100, intervalMs: 60_000 });
  const before = inserts;
  // Would wait a minute if fullness did not trigger the write.
  await batcher.add(Array.from({ length: 250 }, (_, i) => line(i)));
  expect(inserts - before).toBe(3);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'batch-b' })).toBe(250);
});

test('the same raw text twice in one batch, and again in a later one, is one record seen three times', async () => {
  const batcher = new QuarantineBatcher(conn, { source: 'batch-c' });
  await batcher.add([line(1, 'same'), line(2, 'same'), line(3, 'other')]);
  await batcher.add([line(4, 'same'), line(5, 'new')]);
  const q = createQuarantineModel(conn);
  const same = await q.findById(quarantineId('batch-c', 'same')).lean();
  expect(same).toMatchObject({ where: 'packet 1 from 10.0.0.1:5000', seenCount: 3 });
  expect(same!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(same!.firstSeenAt.getTime());
  expect((await q.find({ source: 'batch-c' }).lean()).map((r) => [r.raw, r.seenCount]).sort()).toEqual([['new', 1], ['other', 1], ['same', 3]]);
});

test('a write the store refuses rejects the callers of that batch, and the next batch is written', async () => {
  const batcher = new QuarantineBatcher(conn, { source: 'batch-d' });
  // A document over the store's 16 MB limit fails the insert with an error that is not a duplicate key.
  await expect(batcher.add([line(1, 'x'.repeat(17 * 1024 * 1024))])).rejects.toThrow();
  await batcher.add([line(2, 'fine')]);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'batch-d' })).toBe(1);
});

test('a line with bytes outside ASCII is kept as its bytes in base64', async () => {
  const q = new QuarantineBatcher(conn, { source: 'hj212-bytes' });
  const raw = Buffer.from([0x23, 0x23, 0xd1, 0xef, 0xb3, 0xbe, 0x0d]).toString('latin1');
  await q.add([{ where: 'packet 1 from x', reason: 'r', raw }]);
  await q.flush();
  const doc = await createQuarantineModel(conn).findOne({ source: 'hj212-bytes' }).lean();
  expect(doc).toMatchObject({ rawEncoding: 'base64', raw: Buffer.from(raw, 'latin1').toString('base64') });
});
