/** The 自然资源 subgraph over HTTP on the real store: root fields, pagination, errors, batching. */
import type { Connection } from 'mongoose';
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startSubgraph, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { resourcesSubgraph } from './server';
import { fixtureParcelCode, fixtureProjectCode, seedResources } from './testFixtures';

const store = testStore();
let conn: Connection;
let subgraph: Started;
const commands: { name: string; collection: unknown }[] = [];
const owner = bearer({ dept: 'resources' });

beforeAll(async () => {
  conn = await store.connect('resources', { monitorCommands: true });
  await seedResources(conn, 120);
  conn.getClient().on('commandStarted', (e) => commands.push({ name: e.commandName, collection: e.command[e.commandName] }));
  subgraph = await startSubgraph(resourcesSubgraph, conn);
});
afterAll(async () => {
  await subgraph?.stop();
  await store.closeAll();
});

function post(query: string, variables?: Record<string, unknown>, auth = owner) {
  return request(subgraph.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query, variables });
}

test('parcel(parcelCode) gives the parcel with its red line as GeoJSON, bounds and permits', async () => {
  const r = await post(`query($c: String!) { parcel(parcelCode: $c) {
    parcelCode district area landUse redLine bounds { minLng maxLat } center { lng lat } permits { permitNo kind project { code } } } }`, { c: fixtureParcelCode(3) });
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.parcel).toEqual({
    parcelCode: fixtureParcelCode(3), district: '371302', area: 10_003, landUse: '住宅用地',
    redLine: { type: 'Polygon', coordinates: [[[118.03, 35], [118.031, 35], [118.031, 35.001], [118.03, 35.001], [118.03, 35]]] },
    bounds: { minLng: 118.03, maxLat: 35.001 }, center: { lng: 118.0305, lat: 35.0005 },
    permits: [{ permitNo: '地字3', kind: 'LAND_USE', project: { code: fixtureProjectCode(3) } }, { permitNo: '建字3', kind: 'ENGINEERING', project: { code: fixtureProjectCode(3) } }],
  });
});

test('an unknown parcel is null without error; a malformed code is BAD_USER_INPUT naming the argument', async () => {
  const unknown = await post('{ parcel(parcelCode: "371302001GB99999") { parcelCode } }');
  expect(unknown.body).toEqual({ data: { parcel: null } });
  const bad = await post('{ parcel(parcelCode: "nope") { parcelCode } }');
  expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'parcelCode' });
});

test('parcelsInBox pages through every parcel in the box exactly once', async () => {
  // Parcels 10..49 lie in the box (lng 118.10 .. 118.4905).
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const r: request.Response = await post(`query($a: String) { parcelsInBox(minLng: 118.1, minLat: 34.9, maxLng: 118.4905, maxLat: 35.1, first: 7, after: $a) {
      totalCount edges { cursor node { parcelCode } } pageInfo { hasNextPage endCursor } } }`, { a: after });
    expect(r.body.errors).toBeUndefined();
    const conn = r.body.data.parcelsInBox;
    expect(conn.totalCount).toBe(40);
    seen.push(...conn.edges.map((e: { node: { parcelCode: string } }) => e.node.parcelCode));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => fixtureParcelCode(i + 10)));
});

test('parcelsInBox refuses out-of-range first, bad coordinates and a forged cursor, naming the argument', async () => {
  const q = (args: string) => post(`{ parcelsInBox(${args}) { totalCount } }`);
  const box = 'minLng: 118, minLat: 35, maxLng: 119, maxLat: 36';
  for (const [args, argument] of [
    [`${box}, first: 0`, 'first'],
    [`${box}, first: 101`, 'first'],
    ['minLng: 181, minLat: 35, maxLng: 119, maxLat: 36', 'minLng'],
    ['minLng: 118, minLat: 35, maxLng: 119, maxLat: 95', 'maxLat'],
    ['minLng: 119, minLat: 35, maxLng: 118, maxLat: 36', 'minLng'],
    [`${box}, after: "bm9wZQ"`, 'after'],
  ]) {
    const r = await q(args);
    expect({ args, ext: r.body.errors?.[0]?.extensions }).toEqual({ args, ext: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) });
  }
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project {
  code parcel { parcelCode area } landUsePlanningPermit { permitNo plotRatio } engineeringPlanningPermit { permitNo }
  approvedFloorArea approvedHeight approvedUse } } }`;

async function entityQueries(n: number) {
  const reps = Array.from({ length: n }, (_, i) => ({ __typename: 'Project', code: fixtureProjectCode(n - 1 - i) }));
  commands.length = 0;
  const r = await post(ENTITIES, { r: [...reps, { __typename: 'Project', code: '2025-371302-47-01-UNKNWN' }] });
  expect(r.body.errors).toBeUndefined();
  const reads = commands.filter((c) => ['find', 'aggregate', 'count'].includes(c.name));
  return { body: r.body, reads };
}

test.each([5, 100])('_entities for %i Project representations makes one query per collection', async (n) => {
  const { body, reads } = await entityQueries(n);
  // Plus one read of the silo's collection revisions per request (fixtures carry none: no copies).
  expect(reads.map((c) => c.collection).sort()).toEqual(['collection_revisions', 'parcels', 'planning_permits']);
  const entities = body.data._entities;
  expect(entities).toHaveLength(n + 1);
  expect(entities[0]).toEqual({
    code: fixtureProjectCode(n - 1), parcel: { parcelCode: fixtureParcelCode(n - 1), area: 10_000 + n - 1 },
    landUsePlanningPermit: { permitNo: `地字${n - 1}`, plotRatio: 2.5 }, engineeringPlanningPermit: { permitNo: `建字${n - 1}` },
    approvedFloorArea: 20_000 + n - 1, approvedHeight: 50, approvedUse: '住宅',
  });
  // An unknown project has no planning data: nulls, not an error.
  expect(entities[n]).toEqual({ code: '2025-371302-47-01-UNKNWN', parcel: null, landUsePlanningPermit: null, engineeringPlanningPermit: null, approvedFloorArea: null, approvedHeight: null, approvedUse: null });
});

test('_entities for Parcel representations: one query, unknown codes null', async () => {
  commands.length = 0;
  const r = await post('query($r: [_Any!]!) { _entities(representations: $r) { ... on Parcel { parcelCode landUse } } }', {
    r: [fixtureParcelCode(7), '371302001GB99999', fixtureParcelCode(2)].map((parcelCode) => ({ __typename: 'Parcel', parcelCode })),
  });
  expect(r.body.data._entities).toEqual([{ parcelCode: fixtureParcelCode(7), landUse: '住宅用地' }, null, { parcelCode: fixtureParcelCode(2), landUse: '住宅用地' }]);
  expect(commands.filter((c) => c.name === 'find').map((c) => c.collection)).toEqual(['collection_revisions', 'parcels']);
});
