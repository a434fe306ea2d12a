/** HJ 212 into the real store: log files (valid, CRC error quarantined raw, wrong length, idempotent) and the TCP listener. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { IngestSink } from '../common/sink';
import { createQuarantineModel } from '../common/quarantine';
import { createEnvironmentModels } from '../../subgraphs/environment/models';
import { unpackSamples } from '../../subgraphs/environment/models/readingChunk';
import { buildFrame } from './frame';
import { hj212Adapter } from './index';
import { createHj212Listener } from './tcp';

const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj212-'));

function siteSegment(mn: string, time: string, pm10: number): string {
  return `QN=${time}000;ST=39;CN=2051;PW=123456;MN=${mn};Flag=4;CP=&&DataTime=${time};a34002-Avg=${pm10},a34002-Flag=N;LA-Avg=55.2,LA-Flag=N&&`;
}
const MN = '888888800000000001CSD371';
const STANDARD_SAMPLE_2011 = 'QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857; LA-Rtd=50.1&&';

beforeAll(async () => {
  conn = await store.connect('environment');
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ingest(file: string) {
  const sink = new IngestSink(conn, { source: 'hj212' });
  await hj212Adapter.ingestFile(file, sink, conn, {});
  return sink.finish();
}

async function storedReadings() {
  return createEnvironmentModels(conn).Reading.find({}, { _id: 0 }).sort({ mn: 1, dataTime: 1, cn: 1 }).lean();
}

test('a log file: valid frames stored, a CRC error and a wrong length quarantined raw; the same file twice leaves the same documents', async () => {
  const good1 = buildFrame(siteSegment(MN, '20261001000000', 40.5)).trimEnd();
  const good2 = buildFrame(siteSegment(MN, '20261001001500', 42)).trimEnd();
  const sample = buildFrame(STANDARD_SAMPLE_2011).trimEnd();
  const crcBroken = good2.replace('a34002-Avg=42', 'a34002-Avg=43');
  const lengthBroken = '##0999' + good1.slice(6);
  const file = path.join(dir, 'log1.txt');
  fs.writeFileSync(file, [good1, good2, '', sample, crcBroken, lengthBroken].join('\r\n') + '\r\n');

  const first = await ingest(file);
  expect(first).toMatchObject({ accepted: 3, duplicates: 0, rejected: 2 });
  expect(first.reasons).toEqual([
    { where: `${file}:5`, reason: expect.stringMatching(/:5: CRC error: frame carries/) },
    { where: `${file}:6`, reason: expect.stringMatching(/declared data-segment length 999/) },
  ]);
  const q = await createQuarantineModel(conn).find({ source: 'hj212' }).sort({ where: 1 }).lean();
  expect(q.map((r) => r.raw)).toEqual([crcBroken, lengthBroken]);

  const before = await storedReadings();
  expect(before).toHaveLength(3);
  expect(before.find((r) => r.mn === MN && r.values[0].avg === 40.5)).toEqual({
    mn: MN, st: '39', cn: '2051', qn: '20261001000000000', dataTime: new Date('2026-09-30T16:00:00Z'),
    values: [{ code: 'a34002', avg: 40.5, flag: 'N' }, { code: 'LA', avg: 55.2, flag: 'N' }],
  });

  const models = createEnvironmentModels(conn);
  const chunks = await models.ReadingChunk.find({}).sort({ _id: 1 }).lean();
  expect(chunks.map((d) => [d.mn, d.day])).toEqual([['010000A8900016F000169DC0', '2016-08-01'], [MN, '2026-10-01']]);
  expect(unpackSamples(chunks[1].day, chunks[1].packed)).toEqual([
    { t: Date.parse('2026-09-30T16:00:00Z'), cn: '2051', code: 'a34002', value: 40.5, flag: 'N' },
    { t: Date.parse('2026-09-30T16:00:00Z'), cn: '2051', code: 'LA', value: 55.2, flag: 'N' },
    { t: Date.parse('2026-09-30T16:15:00Z'), cn: '2051', code: 'a34002', value: 42, flag: 'N' },
    { t: Date.parse('2026-09-30T16:15:00Z'), cn: '2051', code: 'LA', value: 55.2, flag: 'N' },
  ]);
  const latest = await models.StationLatest.find({}).sort({ _id: 1 }).lean();
  expect(latest[1]).toMatchObject({ _id: MN, dataTime: new Date('2026-09-30T16:15:00Z'), cn: '2051' });

  const second = await ingest(file);
  expect(second).toMatchObject({ accepted: 0, duplicates: 3, rejected: 2 });
  expect(await storedReadings()).toEqual(before);
  expect(await models.ReadingChunk.find({}).sort({ _id: 1 }).lean()).toEqual(chunks);
  expect(await models.StationLatest.find({}).sort({ _id: 1 }).lean()).toEqual(latest);
  expect(await createQuarantineModel(conn).countDocuments({ source: 'hj212' })).toBe(2);
});

test('TCP: frames merged in one read and split across reads are parsed; garbage is quarantined', async () => {
  const listener = await createHj212Listener({ port: 0, conn });
  try {
    const frames = ['20261002000000', '20261002001500', '20261002003000'].map((t) => buildFrame(siteSegment(MN, t, 50)));
    // The last packet asks for a reply (Flag=5: A bit set).
    frames[2] = buildFrame(siteSegment(MN, '20261002003000', 50).replace('Flag=4', 'Flag=5'));
    const stream = frames[0] + frames[1] + 'JUNK' + frames[2];
    const socket = net.connect(listener.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.setNoDelay(true);
    let replies = '';
    const replied = new Promise<void>((resolve) => socket.on('data', (d: Buffer) => { replies += d.toString('latin1'); if (replies.endsWith('\r\n')) resolve(); }));
    const done = new Promise<void>((resolve) => {
      const check = () => {
        if (listener.report.accepted + listener.report.rejected >= 4) {
          listener.events.off('stored', check);
          resolve();
        }
      };
      listener.events.on('stored', check);
    });
    // Write with an explicit drain between pieces so they reach the server as separate reads.
    const cuts = [5, frames[0].length + 7, frames[0].length + frames[1].length + 2, stream.length - 3, stream.length];
    let from = 0;
    for (const to of cuts) {
      await new Promise<void>((resolve) => socket.write(stream.slice(from, to), () => resolve()));
      from = to;
    }
    await done;
    await replied;
    expect(replies).toBe(buildFrame(`QN=20261002003000000;ST=91;CN=9014;PW=123456;MN=${MN};Flag=4;CP=&&&&`));
    socket.end();
    expect(listener.report).toMatchObject({ accepted: 3, rejected: 1 });
    expect(listener.report.reasons[0].where).toMatch(/^packet 3 from 127\.0\.0\.1:\d+$/);
    const stored = await createEnvironmentModels(conn).Reading.find({ dataTime: { $gte: new Date('2026-10-01T16:00:00Z') } }).lean();
    expect(stored).toHaveLength(3);
    const chunks = await createEnvironmentModels(conn).ReadingChunk.find({ day: '2026-10-02' }).lean();
    const samples = chunks.flatMap((c) => unpackSamples(c.day, c.packed));
    expect(samples.filter((x) => x.code === 'a34002').map((x) => x.value)).toEqual([50, 50, 50]);
    const junk = await createQuarantineModel(conn).findOne({ source: 'hj212-tcp' }).lean();
    expect(junk?.raw).toBe('JUNK');
  } finally {
    await listener.stop();
  }
});
