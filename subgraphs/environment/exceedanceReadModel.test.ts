/**
 * The exceedance read model (issue 17) against the query-time computation it replaces
 * (EnvironmentData.referenceExceedances), on demo cities seeded through the adapters:
 * - equal on two seeds, with the default rules and with strict rules under which every rule kind fires;
 * - re-ingesting the same packets evaluates nothing again and changes nothing;
 * - a reading that arrives a day late (file and TCP listener) has its day evaluated again, only that day;
 * - a rule change: the model of the old rules is not used (queries compute) until the rebuild command,
 *   then it equals the computation under the new rules;
 * - a night permit ingested later changes no stored exceedance (permits are read at query time);
 * - a station moved to another district: both districts' days evaluated again;
 * - the API reads the model (no reading chunk is read for whole days), and computes for other periods.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import request from 'supertest';
import type { Connection } from 'mongoose';
import { generateCity, type DemoCity } from '../../adapters/demo/city';
import { writeEnvironmentFiles } from '../../adapters/demo/environment';
import { IngestSink, type IngestReport } from '../../adapters/common/sink';
import type { Adapter } from '../../adapters/common/adapter';
import { hj212Adapter } from '../../adapters/hj212';
import { buildFrame } from '../../adapters/hj212/frame';
import { formatLocalTimestamp } from '../../adapters/hj212/packet';
import { createHj212Listener } from '../../adapters/hj212/tcp';
import { evaluateDays, rebuildExceedanceModel } from '../../adapters/hj212/exceedanceDays';
import { nightPermitsAdapter } from '../../adapters/night-permits';
import { stationsAdapter } from '../../adapters/stations';
import { testStore, type TestStore } from '../../test/harness/db';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { EnvironmentData } from './data';
import { createEnvironmentModels } from './models';
import type { ExceedanceDayDoc } from './models/exceedanceDay';
import { parsePeriod, type Period } from './period';
import type { Exceedance } from './rules/engine';
import { environmentSubgraph } from './server';

const ADAPTERS: Record<string, Adapter> = { stations: stationsAdapter, 'night-permits': nightPermitsAdapter, hj212: hj212Adapter };
const DAYS = 6;
const WHOLE = parsePeriod('2026-10-01', '2026-10-07');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-read-model-'));
const DEFAULT_RULES = JSON.parse(fs.readFileSync(path.join(__dirname, 'rules.json'), 'utf8'));

/** Rules under which the demo data exceeds every kind: PM10 absolute and background, TSP, day and night noise. */
function strictRules() {
  const rules = structuredClone(DEFAULT_RULES);
  for (const r of rules.rules) {
    if (r.id === 'noise-gb12523') r.dayLimit = 62;
    if (r.id === 'pm10-absolute-hourly') { r.limit = 50; r.toleratedPerDay = 2; }
    if (r.id === 'pm10-background-hourly') r.limit = 6;
    if (r.id === 'tsp-absolute-5min') r.limit = 190;
  }
  return rules;
}
const strictFile = path.join(dir, 'strict-rules.json');
fs.writeFileSync(strictFile, JSON.stringify(strictRules()));

interface City { store: TestStore; conn: Connection; city: DemoCity; files: Record<string, string> }
const cities: City[] = [];

async function ingest(conn: Connection, source: string, file: string): Promise<IngestReport> {
  const sink = new IngestSink(conn, { source, batchSize: 2000 });
  await ADAPTERS[source].ingestFile(file, sink, conn, {});
  return sink.finish();
}

async function seedCity(seed: number): Promise<City> {
  const store = testStore();
  const conn = await store.connect('environment', { monitorCommands: true });
  const city = { ...generateCity({ projects: 40, seed }), monitoringDays: DAYS };
  const cityDir = path.join(dir, `seed-${seed}`);
  fs.mkdirSync(cityDir);
  const files: Record<string, string> = {};
  for (const { source, file } of await writeEnvironmentFiles(city, cityDir)) {
    files[source] = file;
    expect((await ingest(conn, source, file)).rejected).toBe(0);
  }
  return { store, conn, city, files };
}

function data(conn: Connection): EnvironmentData {
  return new EnvironmentData(createEnvironmentModels(conn));
}

/** Whole-day periods: the span, a part, one overlapping days without data, single days; one per pollutant. */
function periods(): { period: Period; pollutant?: string }[] {
  const spans: [string, string][] = [['2026-10-01', '2026-10-07'], ['2026-10-02', '2026-10-05'], ['2026-09-28', '2026-10-02'], ['2026-10-04', '2026-10-05'], ['2026-10-06', '2026-10-07']];
  const out: { period: Period; pollutant?: string }[] = spans.map(([from, to]) => ({ period: parsePeriod(from, to) }));
  for (const pollutant of ['LA', 'a34002', 'a34001']) out.push({ period: WHOLE, pollutant });
  return out;
}

/** The read model answers these periods exactly as the computation does; returns the whole span's. */
async function expectStoredEqualsReference(conn: Connection): Promise<Exceedance[]> {
  for (const { period, pollutant } of periods()) {
    const stored = await data(conn).storedExceedances(period, pollutant);
    const reference = await data(conn).referenceExceedances(period, pollutant);
    expect(stored).not.toBeNull();
    expect(stored).toEqual(reference);
  }
  return (await data(conn).storedExceedances(WHOLE))!;
}

async function dayDocs(conn: Connection): Promise<ExceedanceDayDoc[]> {
  return (await createEnvironmentModels(conn).ExceedanceDay.find({}).sort({ _id: 1 }).lean().exec()) as ExceedanceDayDoc[];
}

/** A station's access password, as its city registered it (the stations file's pw column). */
function passwordOf(c: City, mn: string): string {
  const rows = fs.readFileSync(c.files.stations, 'utf8').trim().split('\n').map((l) => l.split(','));
  const pw = rows[0].indexOf('pw');
  return rows.find((r) => r[0] === mn)![pw];
}

function hj212Frame(mn: string, pw: string, at: number, la: number): string {
  const dataTime = formatLocalTimestamp(new Date(at));
  return buildFrame(`QN=${dataTime}001;ST=39;CN=2051;PW=${pw};MN=${mn};Flag=4;CP=&&DataTime=${dataTime};` +
    `a34002-Avg=50.0,a34002-Flag=N;a34004-Avg=25.0,a34004-Flag=N;a34001-Avg=150.0,a34001-Flag=N;LA-Avg=${la.toFixed(1)},LA-Flag=N&&`);
}

/** Loud readings of a quiet station at 23:01, 23:16, 23:31, 23:46 local of a day: four night exceedances. */
function loudNight(c: City, mn: string, day: string): string[] {
  const start = Date.parse(`${day}T23:00:00+08:00`);
  const pw = passwordOf(c, mn);
  return [0, 1, 2, 3].map((i) => hj212Frame(mn, pw, start + i * 15 * 60_000 + 60_000, 71));
}

beforeAll(async () => {
  delete process.env.EXCEEDANCE_RULES_FILE;
  cities.push(await seedCity(7), await seedCity(11));
});
afterAll(async () => {
  delete process.env.EXCEEDANCE_RULES_FILE;
  for (const c of cities) await c.store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('built at ingestion and equal to the query-time computation on two seeds (whole-day periods, each pollutant)', async () => {
  for (const { conn, city } of cities) {
    const docs = await dayDocs(conn);
    const districts = new Set(city.projects.filter((p) => p.stationMn).map((p) => p.district));
    expect(docs).toHaveLength(DAYS * districts.size);
    const all = await expectStoredEqualsReference(conn);
    // The planted night-noise sites, and nothing else under the default rules.
    expect(new Set(all.map((e) => e.projectCode))).toEqual(new Set(city.planted.nightNoise));
    expect(all.length).toBeGreaterThan(0);
  }
});

test('a rule change: the old model is not used until the rebuild command, then equals the computation under the new rules', async () => {
  const { conn } = cities[0];
  const before = await dayDocs(conn);
  process.env.EXCEEDANCE_RULES_FILE = strictFile;
  try {
    expect(await data(conn).storedExceedances(WHOLE)).toBeNull(); // a model of other rules: computed at query time
    const report = await rebuildExceedanceModel(conn);
    expect(report.days).toBe(DAYS);
    const after = await dayDocs(conn);
    expect(after.every((d) => d.rulesVersion === report.rulesVersion && d.rulesVersion !== before[0].rulesVersion)).toBe(true);
    for (const c of cities.slice(1)) await rebuildExceedanceModel(c.conn);
    for (const c of cities) {
      const all = await expectStoredEqualsReference(c.conn);
      // Every rule kind is compared, not only the planted noise.
      const kinds = new Set(all.map((e) => `${e.ruleId}|${e.timeOfDay ?? ''}`));
      expect([...kinds].sort()).toEqual(['noise-gb12523|DAY', 'noise-gb12523|NIGHT', 'pm10-absolute-hourly|', 'pm10-background-hourly|', 'tsp-absolute-5min|']);
    }
  } finally {
    delete process.env.EXCEEDANCE_RULES_FILE;
    // Back to the default rules: the model (strict) is not used until rebuilt again.
    expect(await data(conn).storedExceedances(WHOLE)).toBeNull();
    for (const c of cities) await rebuildExceedanceModel(c.conn);
  }
  await expectStoredEqualsReference(conn);
});

test('re-ingesting the same packets evaluates nothing again and changes nothing', async () => {
  const { conn, files } = cities[0];
  const before = await dayDocs(conn);
  const report = await ingest(conn, 'hj212', files.hj212);
  expect(report.accepted).toBe(0);
  expect(report.duplicates).toBeGreaterThan(0);
  expect(await dayDocs(conn)).toEqual(before); // evaluatedAt included: no day was evaluated again
  await expectStoredEqualsReference(conn);
});

test('a reading a day late (file): its day is evaluated again, and only that day', async () => {
  const { conn, city } = cities[0];
  const quiet = city.projects.find((p) => p.stationMn && !city.planted.nightNoise.includes(p.code))!;
  const before = await dayDocs(conn);
  expect((await data(conn).storedExceedances(WHOLE))!.filter((e) => e.mn === quiet.stationMn)).toEqual([]);
  const file = path.join(dir, 'late.log');
  fs.writeFileSync(file, loudNight(cities[0], quiet.stationMn!, '2026-10-02').join(''));
  expect((await ingest(conn, 'hj212', file)).accepted).toBe(4);

  const after = await dayDocs(conn);
  const changed = after.filter((d, i) => d.evaluatedAt.getTime() !== before[i].evaluatedAt.getTime()).map((d) => d.day);
  expect(new Set(changed)).toEqual(new Set(['2026-10-02']));
  const late = (await data(conn).storedExceedances(WHOLE))!.filter((e) => e.mn === quiet.stationMn);
  // The 23:00–23:45 windows: one loud sample in each carries its energy mean over 55 dB(A).
  expect(late.map((e) => e.periodStart.toISOString())).toEqual(['2026-10-02T15:00:00.000Z', '2026-10-02T15:15:00.000Z', '2026-10-02T15:30:00.000Z', '2026-10-02T15:45:00.000Z']);
  expect(late.every((e) => e.timeOfDay === 'NIGHT' && e.value > 55)).toBe(true);
  await expectStoredEqualsReference(conn);
});

test('a reading a day late (TCP listener): evaluated once the listener\'s update delay has passed', async () => {
  const { conn, city } = cities[1];
  const quiet = city.projects.find((p) => p.stationMn && !city.planted.nightNoise.includes(p.code))!;
  const listener = await createHj212Listener({ port: 0, conn, exceedancesDelayMs: 200 });
  try {
    const socket = net.connect(listener.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(loudNight(cities[1], quiet.stationMn!, '2026-10-04').join(''));
    const stored = async () => ((await data(conn).storedExceedances(WHOLE)) ?? []).filter((e) => e.mn === quiet.stationMn);
    // Polled with a deadline: the listener evaluates after its delay (200 ms here).
    const deadline = Date.now() + 15_000;
    while ((await stored()).length !== 4) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the late TCP readings in the read model');
      await new Promise((r) => setTimeout(r, 50));
    }
    socket.end();
    expect((await stored()).every((e) => e.timeOfDay === 'NIGHT')).toBe(true);
  } finally {
    await listener.stop();
  }
  await expectStoredEqualsReference(conn);
});

test('a night-work permit ingested later changes no stored exceedance (permits are read at query time)', async () => {
  const { conn, city } = cities[0];
  const planted = city.planted.nightNoise[0];
  const before = await dayDocs(conn);
  const file = path.join(dir, 'late-permit.csv');
  fs.writeFileSync(file, 'permitNo,projectCode,from,to,nightFrom,nightTo,issuer,contactPhone\n' +
    `YJ-LATE-0001,${planted},2026-10-01,2026-10-06,22:00,06:00,临沂市生态环境局,13800000000\n`);
  expect((await ingest(conn, 'night-permits', file)).accepted).toBe(1);
  expect(await dayDocs(conn)).toEqual(before);
  const d = data(conn);
  expect((await d.permitsByProject.load(planted)).map((p) => p.permitNo)).toContain('YJ-LATE-0001');
  expect((await d.storedExceedances(WHOLE))!.filter((e) => e.projectCode === planted).length).toBeGreaterThan(0);
  await expectStoredEqualsReference(conn);
});

test('a station moved to another district: the days of its readings are evaluated again in both', async () => {
  process.env.EXCEEDANCE_RULES_FILE = strictFile; // background rules depend on the district's stations
  try {
    const { conn, city, files } = cities[1];
    await rebuildExceedanceModel(conn);
    const rows = fs.readFileSync(files.stations, 'utf8').trim().split('\n');
    const header = rows[0].split(',');
    const di = header.indexOf('district');
    const cells = rows[1].split(',');
    const other = city.projects.find((p) => p.stationMn && p.district !== cells[di])!.district;
    cells[di] = other;
    const file = path.join(dir, 'moved-station.csv');
    fs.writeFileSync(file, `${rows[0]}\n${cells.join(',')}\n`);
    const before = await data(conn).storedExceedances(WHOLE);
    expect((await ingest(conn, 'stations', file)).updated).toBe(1);
    const after = (await data(conn).storedExceedances(WHOLE))!;
    expect(after.filter((e) => e.mn === cells[0]).every((e) => e.district === other)).toBe(true);
    expect(after).not.toEqual(before);
    await expectStoredEqualsReference(conn);
  } finally {
    delete process.env.EXCEEDANCE_RULES_FILE;
    await rebuildExceedanceModel(cities[1].conn);
  }
});

test('an evaluation from fewer chunks than the stored one (a slower concurrent writer) does not overwrite it', async () => {
  const { conn } = cities[0];
  const { ExceedanceDay } = createEnvironmentModels(conn);
  const [doc] = await dayDocs(conn);
  await ExceedanceDay.updateOne({ _id: doc._id }, { $set: { chunks: doc.chunks + 1_000, packed: '[]', count: 0 } });
  const report = await evaluateDays(conn, [doc.day]);
  expect(report.superseded).toBe(1);
  expect(report.districtDays).toBeGreaterThan(0);
  expect(await ExceedanceDay.findById(doc._id).lean()).toMatchObject({ chunks: doc.chunks + 1_000, packed: '[]' });
  await ExceedanceDay.deleteOne({ _id: doc._id });
  await evaluateDays(conn, [doc.day]);
  await expectStoredEqualsReference(conn);
});

test('the API reads the model for whole days (no reading chunk read) and computes other periods', async () => {
  const { conn } = cities[0];
  const subgraph = await startSubgraph(environmentSubgraph, conn);
  const finds: string[] = [];
  const listener = (e: { commandName: string; command: Record<string, unknown> }) => { if (e.commandName === 'find') finds.push(String(e.command.find)); };
  conn.getClient().on('commandStarted', listener);
  try {
    const ask = async (from: string, to: string) => {
      finds.length = 0;
      const r = await request(subgraph.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', bearer({ dept: 'environment' }))
        .send({ query: `{ exceedances(from: "${from}", to: "${to}") { mn periodStart value } }` });
      expect(r.body.errors).toBeUndefined();
      return { list: r.body.data.exceedances as unknown[], finds: [...finds] };
    };
    const whole = await ask('2026-10-01', '2026-10-07');
    expect(whole.list.length).toBeGreaterThan(0);
    expect(whole.finds).toContain('exceedance_days');
    expect(whole.finds).not.toContain('reading_chunks');
    const partial = await ask('2026-10-03T12:00:00+08:00', '2026-10-05');
    expect(partial.finds).toContain('reading_chunks');
    expect(partial.list.length).toBeGreaterThan(0);
  } finally {
    conn.getClient().off('commandStarted', listener);
    await subgraph.stop();
  }
});

test('conflicting packets for existing slots (issue 18): kept and counted, never evaluated; the model still equals the computation', async () => {
  const { conn, city } = cities[0];
  const quiet = city.projects.find((p) => p.stationMn && !city.planted.nightNoise.includes(p.code))!;
  const mn = quiet.stationMn!;
  // Loud values for four slots the demo log already filled with quiet ones (the log's slots are on the quarter hour).
  const start = Date.parse('2026-10-03T23:00:00+08:00');
  const pw = passwordOf(cities[0], mn);
  const file = path.join(dir, 'conflicts.log');
  fs.writeFileSync(file, [0, 1, 2, 3].map((i) => hj212Frame(mn, pw, start + i * 15 * 60_000, 71)).join(''));
  const report = await ingest(conn, 'hj212', file);
  expect(report).toMatchObject({ read: 4, accepted: 4, conflicts: 4, rejected: 0 });
  const stored = await expectStoredEqualsReference(conn);
  expect(stored.filter((e) => e.mn === mn && e.periodStart.getTime() >= start && e.periodStart.getTime() < start + 3_600_000)).toEqual([]);
});
