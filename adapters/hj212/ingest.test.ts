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
import { registerStations } from '../stations/registerForTests';
import { checkAccounting } from '../common/sink';
import { samplesByStation } from '../../subgraphs/environment/samples';
import { waitUntil } from '../../test/harness/wait';

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
  await registerStations(conn, dir, [{ mn: MN, pw: '123456' }, { mn: '010000A8900016F000169DC0', pw: '123456' }]);
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
  expect(first).toMatchObject({ read: 5, accepted: 3, duplicates: 0, rejected: 2, warnings: 0, conflicts: 0 });
  expect(checkAccounting(first)).toBeNull();
  expect(first.reasons).toEqual([
    { where: `${file}:5`, reason: expect.stringMatching(/:5: CRC error: frame carries/) },
    { where: `${file}:6`, reason: expect.stringMatching(/declared data-segment length 999/) },
  ]);
  const q = await createQuarantineModel(conn).find({ source: 'hj212' }).sort({ where: 1 }).lean();
  expect(q.map((r) => r.raw)).toEqual([crcBroken, lengthBroken]);

  const before = await storedReadings();
  expect(before).toHaveLength(3);
  expect(before.find((r) => r.mn === MN && r.values[0].avg === 40.5)).toEqual({
    mn: MN, st: '39', cn: '2051', qn: '20261001000000000', dataTime: new Date('2026-09-30T16:00:00Z'), edition: '2017', flag: 4,
    values: [{ code: 'a34002', avg: 40.5, flag: 'N' }, { code: 'LA', avg: 55.2, flag: 'N' }], hash: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  // The access password is not stored with the reading.
  expect(JSON.stringify(before)).not.toMatch(/123456/);

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
  expect(second).toMatchObject({ read: 5, accepted: 0, duplicates: 3, rejected: 2 });
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
    expect(listener.report).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
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

describe('devices are who they say they are; conflicts are kept and shown (issue 18)', () => {
  const OTHER = '888888800000000002CSD371';
  const frameOf = (mn: string, time: string, pm10: number, pw = '123456', flag = 4) =>
    buildFrame(siteSegment(mn, time, pm10).replace('PW=123456', `PW=${pw}`).replace('Flag=4', `Flag=${flag}`)).trimEnd();
  const Reading = () => createEnvironmentModels(conn).Reading;

  test('a wrong PW or an unregistered MN: refused, counted, kept in quarantine, never stored', async () => {
    const file = path.join(dir, 'auth.txt');
    const wrongPw = frameOf(MN, '20261003000000', 41, '654321');
    const unregistered = frameOf(OTHER, '20261003000000', 41);
    const good = frameOf(MN, '20261003001500', 41);
    fs.writeFileSync(file, [wrongPw, unregistered, good].join('\n') + '\n');
    const r = await ingest(file);
    expect(r).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    expect(checkAccounting(r)).toBeNull();
    expect(r.reasons).toEqual([
      { where: `${file}:1`, reason: expect.stringMatching(/PW does not match the access password registered for station 888888800000000001CSD371: packet refused/) },
      { where: `${file}:2`, reason: expect.stringMatching(/MN 888888800000000002CSD371 is not a registered station/) },
    ]);
    const q = await createQuarantineModel(conn).find({ source: 'hj212', where: { $in: [`${file}:1`, `${file}:2`] } }).lean();
    expect(q.map((x) => x.raw).sort()).toEqual([wrongPw, unregistered].sort());
    expect(await Reading().countDocuments({ dataTime: new Date('2026-10-02T16:00:00Z') })).toBe(0);
    expect(await Reading().countDocuments({ mn: OTHER })).toBe(0);
  });

  test('forged then real, the forger without the password: the forgery is refused, the real reading stored', async () => {
    const file = path.join(dir, 'forged1.txt');
    fs.writeFileSync(file, [frameOf(MN, '20261004000000', 999, '000000'), frameOf(MN, '20261004000000', 44)].join('\n') + '\n');
    const r = await ingest(file);
    expect(r).toMatchObject({ read: 2, accepted: 1, rejected: 1, conflicts: 0 });
    const stored = await Reading().find({ mn: MN, dataTime: new Date('2026-10-03T16:00:00Z') }).lean();
    expect(stored.map((d) => d.values[0].avg)).toEqual([44]);
  });

  test('forged then real, the forger knowing the password: both kept, the conflict in the report, on the reading and in the read model', async () => {
    const file = path.join(dir, 'forged2.txt');
    const forged = frameOf(MN, '20261005000000', 77);
    const real = frameOf(MN, '20261005000000', 45);
    fs.writeFileSync(file, [forged, real].join('\n') + '\n');
    const r = await ingest(file);
    expect(r).toMatchObject({ read: 2, accepted: 2, duplicates: 0, rejected: 0, conflicts: 1 });
    expect(r.conflictSamples[0]).toEqual({ where: `${file}:2`, reason: expect.stringMatching(/values differ from the packet already stored; both kept/) });
    const key = `${MN}|20261005000000|2051`;
    const first = await Reading().findById(key).lean();
    const second = await Reading().findOne({ conflictOf: key }).lean();
    expect(first?.values[0].avg).toBe(77);
    expect(second?.values[0].avg).toBe(45);
    expect(second?._id).toBe(`${key}|${second?.hash}`);
    const chunks = await createEnvironmentModels(conn).ReadingChunk.find({ mn: MN, day: '2026-10-05' }).sort({ _id: 1 }).lean();
    const samples = samplesByStation(chunks, Date.parse('2026-10-04T16:00:00Z'), Date.parse('2026-10-05T16:00:00Z')).get(MN)!;
    expect(samples.find((x) => x.code === 'a34002')).toMatchObject({ value: 77, alternatives: [45] });
    // LA was the same in both packets: no conflict on it.
    expect(samples.find((x) => x.code === 'LA')?.alternatives).toBeUndefined();
    // Again: nothing new, the known conflict is a duplicate.
    const again = await ingest(file);
    expect(again).toMatchObject({ read: 2, accepted: 0, duplicates: 2, conflicts: 0 });
    expect(await Reading().countDocuments({ $or: [{ _id: key }, { conflictOf: key }] })).toBe(2);
  });

  test('a 2099 DataTime is rejected; a −1e300 value rejects that item only, kept verbatim on the reading, counted as a warning', async () => {
    const file = path.join(dir, 'hostile.txt');
    const future = frameOf(MN, '20990101000000', 41);
    const huge = buildFrame(siteSegment(MN, '20261006000000', 42).replace('LA-Avg=55.2', 'LA-Avg=-1e300')).trimEnd();
    fs.writeFileSync(file, [future, huge].join('\n') + '\n');
    const r = await ingest(file);
    expect(r).toMatchObject({ read: 2, accepted: 1, rejected: 1, warnings: 1 });
    expect(r.reasons[0].reason).toMatch(/DataTime 20990101000000 is more than 600 s in the future/);
    expect(r.warningSamples[0]).toEqual({ where: `${file}:2`, reason: 'LA-Avg=-1e300: outside the physical range 0..194 of LA, item rejected' });
    expect(await Reading().countDocuments({ dataTime: { $gte: new Date('2098-01-01T00:00:00Z') } })).toBe(0);
    const doc = await Reading().findById(`${MN}|20261006000000|2051`).lean();
    expect(doc?.values).toEqual([{ code: 'a34002', avg: 42, flag: 'N' }, { code: 'LA', flag: 'N' }]);
    expect(doc?.rejectedItems).toEqual([{ item: 'LA-Avg=-1e300', reason: 'outside the physical range 0..194 of LA' }]);
    const latest = await createEnvironmentModels(conn).StationLatest.findById(MN).lean();
    expect(latest?.dataTime.getTime()).toBeLessThan(Date.parse('2030-01-01'));
  });

  test('ST=31 with -RS items, a 2005-edition packet, an unknown item: stored with all their readings, unknown items kept and counted', async () => {
    const file = path.join(dir, 'field.txt');
    const st31 = buildFrame(`QN=20261007000000;ST=31;CN=2011;PW=123456;MN=${MN};Flag=5;CP=&&DataTime=20261007000000;a34013-Rtd=8.2,a34013-Flag=N;SB1-RS=1;SB1-RT=12;B99-Zz=1&&`).trimEnd();
    const e2005 = buildFrame(`QN=20261007000000123;ST=39;CN=2051;PW=123456;MN=${MN};Flag=0;CP=&&DataTime=20261007000000;a34002-Avg=50.1,a34002-Flag=P&&`).trimEnd();
    fs.writeFileSync(file, [st31, e2005].join('\n') + '\n');
    const r = await ingest(file);
    expect(r).toMatchObject({ read: 2, accepted: 2, rejected: 0, warnings: 1 });
    expect(r.warningSamples[0]).toEqual({ where: `${file}:1`, reason: 'unknown suffix -Zz: "B99-Zz=1" kept verbatim' });
    const a = await Reading().findById(`${MN}|20261007000000|2011`).lean();
    expect(a).toMatchObject({ st: '31', edition: '2017', flag: 5, facilities: [{ code: 'SB1', rs: 1, rt: 12 }], unknown: ['B99-Zz=1'], values: [{ code: 'a34013', rtd: 8.2, flag: 'N' }] });
    const b = await Reading().findById(`${MN}|20261007000000|2051`).lean();
    expect(b).toMatchObject({ edition: '2005', flag: 0, values: [{ code: 'a34002', avg: 50.1, flag: 'P' }] });
  });

  test('TCP: a refused device that asks for a reply gets QnRtn 3 (PW) or 4 (MN); nothing is stored', async () => {
    const listener = await createHj212Listener({ port: 0, conn });
    try {
      const socket = net.connect(listener.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let replies = '';
      socket.on('data', (d: Buffer) => { replies += d.toString('latin1'); });
      const wrong = frameOf(MN, '20261008000000', 41, '999999', 5);
      const unknown = frameOf(OTHER, '20261008000000', 41, '123456', 5);
      socket.write(wrong + '\r\n' + unknown + '\r\n');
      await waitUntil(() => replies.split('\r\n').length >= 3, 'two replies');
      expect(replies).toBe(
        buildFrame(`QN=20261008000000000;ST=91;CN=9011;PW=999999;MN=${MN};Flag=4;CP=&&QnRtn=3&&`) +
        buildFrame(`QN=20261008000000000;ST=91;CN=9011;PW=123456;MN=${OTHER};Flag=4;CP=&&QnRtn=4&&`),
      );
      socket.end();
      await waitUntil(() => listener.report.rejected >= 2, 'both quarantined');
      expect(listener.report).toMatchObject({ refused: 2, accepted: 0 });
      expect(await Reading().countDocuments({ dataTime: new Date('2026-10-07T16:00:00Z') })).toBe(0);
    } finally {
      await listener.stop();
    }
  });
});

test('a run that stopped after storing readings but before their versions and chunks: ingesting again settles them as duplicates and heals the read model', async () => {
  const file = path.join(dir, 'stopped.txt');
  const frames = ['20261009000000', '20261009001500'].map((t) => buildFrame(siteSegment(MN, t, 43)).trimEnd());
  fs.writeFileSync(file, frames.join('\n') + '\n');
  expect(await ingest(file)).toMatchObject({ read: 2, accepted: 2 });
  const models = createEnvironmentModels(conn);
  // What a killed process leaves: the readings, nothing after them.
  await conn.collection('reading_versions').deleteMany({ _id: { $regex: /\|20261009/ } } as never);
  await models.ReadingChunk.deleteMany({ mn: MN, day: '2026-10-09' });
  const again = await ingest(file);
  expect(again).toMatchObject({ read: 2, accepted: 0, duplicates: 2, conflicts: 0 });
  const chunks = await models.ReadingChunk.find({ mn: MN, day: '2026-10-09' }).lean();
  expect(chunks.flatMap((c) => unpackSamples(c.day, c.packed)).filter((x) => x.code === 'a34002').map((x) => x.value)).toEqual([43, 43]);
  // And from then on a plain duplicate again: no chunk added.
  expect(await ingest(file)).toMatchObject({ duplicates: 2 });
  expect(await models.ReadingChunk.countDocuments({ mn: MN, day: '2026-10-09' })).toBe(chunks.length);
});

test('a rejected line with bytes outside ASCII is kept as its bytes (base64), not as mojibake', async () => {
  const file = path.join(dir, 'gbk.txt');
  const good = buildFrame(siteSegment(MN, '20261010000000', 41)).trimEnd();
  const bytes = Buffer.concat([Buffer.from(good.slice(0, 40), 'latin1'), Buffer.from([0xd1, 0xef, 0xb3, 0xbe]), Buffer.from(good.slice(40), 'latin1')]);
  fs.writeFileSync(file, Buffer.concat([bytes, Buffer.from('\n')]));
  const r = await ingest(file);
  expect(r).toMatchObject({ read: 1, rejected: 1 });
  const q = await createQuarantineModel(conn).findOne({ where: `${file}:1` }).lean();
  expect(q).toMatchObject({ rawEncoding: 'base64' });
  expect(Buffer.from(q!.raw, 'base64').equals(bytes)).toBe(true);
});
