/**
 * ReadingWriter across batch boundaries (a batch's versions are inserted while the next batch's
 * readings are): a packet repeated or contradicted in a later batch is settled as it would be alone,
 * each packet counted once, duplicates not fed to the read model, a second run all duplicates.
 */
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { IngestSink, checkAccounting } from '../common/sink';
import { createReadingModel, readingId, type ReadingDoc } from '../../subgraphs/environment/models/reading';
import { ReadingDigest } from './digest';
import { contentHash, ReadingWriter } from './readingWriter';

const store = testStore();
let conn: Connection;
beforeAll(async () => { conn = await store.connect('environment'); });
afterAll(async () => { await store.closeAll(); });

const MN = '888888800000000009CSD371';

function reading(local: string, pm10: number): ReadingDoc {
  const values = [{ code: 'a34002', avg: pm10, flag: 'N' }];
  const [y, mo, d, h, mi] = [local.slice(0, 4), local.slice(4, 6), local.slice(6, 8), local.slice(8, 10), local.slice(10, 12)];
  return {
    _id: readingId(MN, local, '2051'), mn: MN, st: '39', cn: '2051', qn: null, edition: '2017', flag: 4,
    dataTime: new Date(`${y}-${mo}-${d}T${h}:${mi}:00+08:00`), values, hash: contentHash(values, undefined),
  } as ReadingDoc;
}

async function run(packets: ReadingDoc[]) {
  const sink = new IngestSink(conn, { source: 'hj212' });
  const digest = new ReadingDigest(conn);
  const fed = jest.spyOn(digest, 'add');
  const writer = new ReadingWriter(sink, createReadingModel(conn), digest, 2);
  for (const [i, p] of packets.entries()) {
    sink.countRead();
    await writer.add(p, `test:${i + 1}`);
  }
  await writer.flush();
  await digest.finish();
  const report = await sink.finish();
  return { report, fed: fed.mock.calls.map(([r, o]) => `${r._id}${o?.conflict ? ' conflict' : ''}`) };
}

test('repeats and conflicts in later batches: counted once each, fed once, re-run all duplicates', async () => {
  await createReadingModel(conn).init();
  const t1 = '20261001100000';
  const t2 = '20261001101500';
  const t3 = '20261001103000';
  const packets = [
    reading(t1, 40), reading(t2, 41), // batch 1: new
    reading(t1, 40), reading(t1, 55), // batch 2: a re-sent packet, a conflicting one for the same slot
    reading(t2, 41), reading(t3, 42), // batch 3: re-sent, new
    reading(t1, 55), // last: the conflicting version again
  ];
  const first = await run(packets);
  expect(checkAccounting({ ...first.report, read: packets.length })).toBeNull();
  expect(first.report).toMatchObject({ accepted: 4, duplicates: 3, conflicts: 1, rejected: 0 });
  expect(first.report.conflictSamples[0].where).toBe('test:4');
  expect(first.fed).toEqual([
    readingId(MN, t1, '2051'), readingId(MN, t2, '2051'), `${readingId(MN, t1, '2051')} conflict`, readingId(MN, t3, '2051'),
  ]);
  const stored = await createReadingModel(conn).find({ mn: MN }, { _id: 1 }).lean();
  expect(stored.map((d) => d._id).sort()).toEqual([
    readingId(MN, t1, '2051'), `${readingId(MN, t1, '2051')}|${contentHash([{ code: 'a34002', avg: 55, flag: 'N' }] as never, undefined)}`,
    readingId(MN, t2, '2051'), readingId(MN, t3, '2051'),
  ].sort());

  const again = await run(packets);
  expect(again.report).toMatchObject({ accepted: 0, duplicates: packets.length, conflicts: 0 });
  expect(again.fed).toEqual([]);
});
