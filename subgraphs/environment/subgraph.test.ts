/**
 * The environment subgraph over HTTP, on a demo city seeded through the adapters: exceedances find the
 * planted night-noise sites and nothing else; entities, batching, argument errors; and the access
 * matrix of the catalogue (owner, department without / with the purpose, public; masking).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Connection } from 'mongoose';
import { generateCity, type DemoCity } from '../../adapters/demo/city';
import { writeEnvironmentFiles } from '../../adapters/demo/environment';
import { IngestSink } from '../../adapters/common/sink';
import type { Adapter } from '../../adapters/common/adapter';
import { hj212Adapter } from '../../adapters/hj212';
import { nightPermitsAdapter } from '../../adapters/night-permits';
import { stationsAdapter } from '../../adapters/stations';
import { testStore } from '../../test/harness/db';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { environmentSubgraph } from './server';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-subgraph-'));
let conn: Connection;
let subgraph: Awaited<ReturnType<typeof startSubgraph>>;
let city: DemoCity;
const ADAPTERS: Record<string, Adapter> = { stations: stationsAdapter, 'night-permits': nightPermitsAdapter, hj212: hj212Adapter };
const OWNER = bearer({ dept: 'environment' });

beforeAll(async () => {
  // 40 projects (two planted night-noise sites), 4 monitoring days to keep the test quick.
  city = { ...generateCity({ projects: 40, seed: 7 }), monitoringDays: 4 };
  conn = await store.connect('environment', { monitorCommands: true });
  for (const { source, file } of await writeEnvironmentFiles(city, dir)) {
    const sink = new IngestSink(conn, { source, batchSize: 2000 });
    await ADAPTERS[source].ingestFile(file, sink, conn, {});
    const report = await sink.finish();
    expect(report.rejected).toBe(0);
  }
  subgraph = await startSubgraph(environmentSubgraph, conn);
});
afterAll(async () => {
  await subgraph?.stop();
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function gql(query: string, variables: Record<string, unknown> = {}, auth = OWNER) {
  const r = await request(subgraph.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query, variables });
  expect(r.status).toBe(200);
  return r.body as { data: Record<string, any>; errors?: { message: string; extensions: Record<string, any> }[] };
}

const PERIOD = { from: '2026-10-01', to: '2026-10-05' };

test('exceedances: exactly the planted night-noise sites, at night, under GB 12523', async () => {
  expect(city.planted.nightNoise).toHaveLength(2);
  const r = await gql(`query($from: String!, $to: String!) { exceedances(from: $from, to: $to) {
    mn project { code } pollutant pollutantName rule ruleKind averaging periodStart periodEnd value limit timeOfDay unit } }`, PERIOD);
  expect(r.errors).toBeUndefined();
  const found = r.data.exceedances as any[];
  expect(found.length).toBeGreaterThanOrEqual(2 * 8);
  expect([...new Set(found.map((e) => e.project.code))].sort()).toEqual([...city.planted.nightNoise].sort());
  for (const e of found) {
    expect(e).toMatchObject({ pollutant: 'LA', pollutantName: 'noise', rule: 'noise-gb12523', ruleKind: 'NOISE', averaging: '15min', timeOfDay: 'NIGHT', limit: 55, unit: 'dB(A)' });
    expect(e.value).toBeGreaterThan(55);
    const localHour = new Date(Date.parse(e.periodStart) + 8 * 3_600_000).getUTCHours();
    expect([23, 0, 1]).toContain(localHour);
  }
  // The pollutant and district filters.
  const dust = await gql(`{ exceedances(from: "2026-10-01", to: "2026-10-05", pollutant: "PM10") { mn } }`);
  expect(dust.data.exceedances).toEqual([]);
  const planted = city.projects.find((p) => p.code === city.planted.nightNoise[0])!;
  const inDistrict = await gql(`query($d: String) { exceedances(from: "2026-10-01", to: "2026-10-05", pollutant: "noise", district: $d) { project { code } } }`, { d: planted.district });
  expect(new Set(inDistrict.data.exceedances.map((e: any) => e.project.code))).toEqual(new Set(city.planted.nightNoise.filter((c) => city.projects.find((p) => p.code === c)!.district === planted.district)));
});

test('two periods in one request: each answered, neither fails the other (the station list is shared, not its query)', async () => {
  const planted = city.planted.nightNoise[0];
  const r = await gql(`query($reps: [_Any!]!) {
    a: exceedances(from: "2026-10-01", to: "2026-10-04") { periodStart }
    b: exceedances(from: "2026-10-04", to: "2026-10-05") { periodStart }
    _entities(representations: $reps) { ... on Project {
      first: exceedances(from: "2026-10-01", to: "2026-10-04") { periodStart }
      second: exceedances(from: "2026-10-04", to: "2026-10-05") { periodStart } } } }`,
  { reps: [{ __typename: 'Project', code: planted }] });
  // The planted night of the 3rd runs 23:00–02:00: the 4th (local midnight) splits it between the windows.
  expect(r.errors).toBeUndefined();
  const whole = await gql(`{ exceedances(from: "2026-10-01", to: "2026-10-05") { periodStart } }`);
  expect(r.data.a.length + r.data.b.length).toBe(whole.data.exceedances.length);
  expect(r.data.a.length).toBeGreaterThan(0);
  expect(r.data.b.length).toBeGreaterThan(0);
  const [p] = r.data._entities;
  expect(p.first.length).toBeGreaterThan(0);
  expect(p.second.length).toBeGreaterThan(0);
  for (const e of [...r.data.a, ...p.first]) expect(e.periodStart < '2026-10-03T16:00:00.000Z').toBe(true);
  for (const e of [...r.data.b, ...p.second]) expect(e.periodStart >= '2026-10-03T16:00:00.000Z').toBe(true);
});

test('Project fields: stations, night-work permits, exceedance summary; unknown keys give null / empty', async () => {
  const planted = city.planted.nightNoise[0];
  const withPermit = city.projects.find((p) => p.nightWorkPermit)!;
  const r = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Project {
    code stations { mn systemCode latestReading { command values { code value flag } } }
    nightWorkPermits { permitNo nightFrom nightTo }
    exceedanceSummary(from: "2026-10-01", to: "2026-10-05") { total nightNoise dayNoise dust daysWithExceedances } } } }`,
  { reps: [planted, withPermit.code, '2024-371302-47-01-ZZZZZZ'].map((code) => ({ __typename: 'Project', code })) });
  expect(r.errors).toBeUndefined();
  const [a, b, unknown] = r.data._entities;
  expect(a.stations).toHaveLength(1);
  expect(a.stations[0].latestReading.command).toBe('2051');
  expect(a.stations[0].latestReading.values.map((v: any) => v.code).sort()).toEqual(['LA', 'a34001', 'a34002', 'a34004']);
  expect(a.nightWorkPermits).toEqual([]);
  expect(a.exceedanceSummary.nightNoise).toBe(a.exceedanceSummary.total);
  expect(a.exceedanceSummary).toMatchObject({ dayNoise: 0, dust: 0 });
  expect(a.exceedanceSummary.total).toBeGreaterThan(0);
  expect(b.nightWorkPermits).toEqual([expect.objectContaining({ nightFrom: '22:00', nightTo: '06:00' })]);
  expect(b.exceedanceSummary.total).toBe(0);
  expect(unknown).toEqual({ code: '2024-371302-47-01-ZZZZZZ', stations: [], nightWorkPermits: [], exceedanceSummary: expect.objectContaining({ total: 0 }) });
});

test('MonitoringStation entities are batched: one query per collection, unknown MN gives null', async () => {
  const mns = city.projects.filter((p) => p.stationMn).slice(0, 12).map((p) => p.stationMn!);
  const commands: string[] = [];
  const listener = (e: { commandName: string; command: Record<string, unknown> }) => { if (e.commandName === 'find') commands.push(String(e.command.find)); };
  conn.getClient().on('commandStarted', listener);
  const r = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on MonitoringStation {
    mn project { code } location { lng lat } latestReading { dataTime } readings(from: "2026-10-02", to: "2026-10-02T01:00:00+08:00") { dataTime values { code value } } } } }`,
  { reps: [...mns, '888888800000009999CSD371'].map((mn) => ({ __typename: 'MonitoringStation', mn })) });
  conn.getClient().off('commandStarted', listener);
  expect(r.errors).toBeUndefined();
  expect(r.data._entities).toHaveLength(13);
  expect(r.data._entities[12]).toBeNull();
  expect(r.data._entities[0].readings).toHaveLength(4);
  // One query per collection: the readings and latest values, the silo's revisions, and the stations
  // unless an earlier request already holds the copy of that collection (the demo city was ingested
  // through the adapters, so it carries revisions).
  expect(commands.filter((c) => c !== 'stations').sort()).toEqual(['collection_revisions', 'reading_chunks', 'station_latest']);
  expect(commands.filter((c) => c === 'stations').length).toBeLessThanOrEqual(1);
});

test('argument errors are BAD_USER_INPUT naming the argument', async () => {
  const cases: [string, string][] = [
    ['{ station(mn: "bad-mn") { mn } }', 'mn'],
    ['{ exceedances(from: "2026-13-01", to: "2026-10-05") { mn } }', 'from'],
    ['{ exceedances(from: "2026-10-05", to: "2026-10-01") { mn } }', 'to'],
    ['{ exceedances(from: "2026-01-01", to: "2026-10-01") { mn } }', 'to'],
    ['{ exceedances(from: "2026-10-01", to: "2026-10-05", pollutant: "SO2") { mn } }', 'pollutant'],
    ['{ exceedances(from: "2026-10-01", to: "2026-10-05", district: "37") { mn } }', 'district'],
  ];
  for (const [query, argument] of cases) {
    const r = await gql(query);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  }
  expect((await gql('{ station(mn: "888888800000009999CSD371") { mn } }')).data.station).toBeNull();
});

describe('access matrix', () => {
  async function asCaller(auth: string) {
    const planted = city.projects.find((p) => p.code === city.planted.nightNoise[0])!;
    const withPermit = city.projects.find((p) => p.nightWorkPermit)!;
    const r = await gql(`query($mn: String!, $c: String!) {
      station(mn: $mn) { mn latestReading { command } vendor }
      exceedances(from: "2026-10-03", to: "2026-10-04", pollutant: "LA") { mn limit value }
      _entities(representations: [{ __typename: "Project", code: $c }]) { ... on Project { nightWorkPermits { permitNo contactPhone } } } }`,
    { mn: planted.stationMn, c: withPermit.code }, auth);
    const forbidden = (r.errors ?? []).map((e) => { expect(e.extensions.code).toBe('FORBIDDEN'); return e.extensions.field as string; });
    return { data: r.data, forbidden: [...new Set(forbidden)].sort() };
  }
  const phone = (d: any) => d._entities[0].nightWorkPermits[0].contactPhone as string;

  test('owner: everything in clear', async () => {
    const { data, forbidden } = await asCaller(OWNER);
    expect(forbidden).toEqual([]);
    expect(data.station.vendor).toEqual(expect.any(String));
    expect(data.exceedances[0].value).toBeGreaterThan(55);
    expect(phone(data)).toMatch(/^1\d{10}$/);
  });
  test('another department without the purpose: OPEN only, phone masked', async () => {
    const { data, forbidden } = await asCaller(bearer({ dept: 'housing', purposes: ['planning-supervision'] }));
    expect(forbidden).toEqual(['Exceedance.value', 'MonitoringStation.vendor']);
    expect(data.station).toMatchObject({ latestReading: { command: '2051' }, vendor: null });
    expect(data.exceedances[0]).toMatchObject({ limit: 55, value: null });
    expect(phone(data)).not.toMatch(/^1\d{10}$/);
    expect(phone(data)).toContain('*');
  });
  test('another department with the purpose: CONDITIONAL values and the phone in clear, never OWNER_ONLY', async () => {
    const { data, forbidden } = await asCaller(bearer({ dept: 'citymgmt', purposes: ['complaint-handling'] }));
    expect(forbidden).toEqual(['MonitoringStation.vendor']);
    expect(data.exceedances[0].value).toBeGreaterThan(55);
    expect(phone(data)).toMatch(/^1\d{10}$/);
  });
  test('public: OPEN only, masked', async () => {
    const { data, forbidden } = await asCaller(bearer({ dept: 'public' }));
    expect(forbidden).toEqual(['Exceedance.value', 'MonitoringStation.vendor']);
    expect(data.exceedances[0].limit).toBe(55);
    expect(phone(data)).toContain('*');
  });
  test('reads by other departments are in the audit trail', async () => {
    const trail = await subgraph.audit.records({ dept: 'citymgmt' });
    expect(trail.length).toBeGreaterThan(0);
    expect(trail[0].reads.map((x) => x.type)).toEqual(expect.arrayContaining(['Exceedance', 'Query']));
  });
});

test('a conflicting packet for a slot (issue 18): the reading in use unchanged, Reading.conflicting and FactorReading.conflictingValues show it', async () => {
  const quiet = city.projects.find((p) => p.stationMn && !city.planted.nightNoise.includes(p.code))!;
  const mn = quiet.stationMn!;
  const rows = fs.readFileSync(path.join(dir, 'environment-stations.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const pw = rows.find((r) => r[0] === mn)![rows[0].indexOf('pw')];
  const query = `query($mn: String!) { station(mn: $mn) {
    latestReading { dataTime conflicting values { code value conflictingValues } }
    readings(from: "2026-10-04T23:30:00+08:00", to: "2026-10-05") { dataTime conflicting values { code value conflictingValues } } } }`;
  const before = await gql(query, { mn });
  expect(before.errors).toBeUndefined();
  const last = before.data.station.latestReading;
  expect(last).toMatchObject({ dataTime: '2026-10-04T15:45:00.000Z', conflicting: false });
  const pm10 = last.values.find((v: any) => v.code === 'a34002').value as number;
  const other = pm10 === 64 ? 63 : 64;

  // The same slot again, with the station's password, and another PM10.
  const { buildFrame } = await import('../../adapters/hj212/frame');
  const file = path.join(dir, 'conflict.log');
  fs.writeFileSync(file, buildFrame(`QN=20261004234600000;ST=39;CN=2051;PW=${pw};MN=${mn};Flag=4;CP=&&DataTime=20261004234500;a34002-Avg=${other},a34002-Flag=N&&`));
  const sink = new IngestSink(conn, { source: 'hj212' });
  await hj212Adapter.ingestFile(file, sink, conn, {});
  expect(await sink.finish()).toMatchObject({ read: 1, accepted: 1, conflicts: 1 });

  const after = await gql(query, { mn });
  expect(after.errors).toBeUndefined();
  const latest = after.data.station.latestReading;
  expect(latest.conflicting).toBe(true);
  expect(latest.values.find((v: any) => v.code === 'a34002')).toEqual({ code: 'a34002', value: pm10, conflictingValues: [other] });
  expect(latest.values.find((v: any) => v.code === 'LA').conflictingValues).toEqual([]);
  const [earlier, slot] = after.data.station.readings;
  expect(earlier.conflicting).toBe(false);
  expect(slot).toMatchObject({ dataTime: '2026-10-04T15:45:00.000Z', conflicting: true });
  expect(slot.values.find((v: any) => v.code === 'a34002')).toEqual({ code: 'a34002', value: pm10, conflictingValues: [other] });
});
