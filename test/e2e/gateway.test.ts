/** Gateway protections: query limits, request size, and partial results when a subgraph is down. */
import { housingSubgraph } from '../../subgraphs/housing/server';
import { jointSubgraph } from '../../subgraphs/joint/server';
import { testStore } from '../harness/db';
import { startGateway, startSubgraph, type GatewayHandle, type Started } from '../harness/services';
import { bearer } from '../harness/tokens';

const store = testStore();
let housing: Started;
let joint: Started;
let gateway: GatewayHandle;
const auth = bearer({ dept: 'citymgmt' });

beforeAll(async () => {
  housing = await startSubgraph(housingSubgraph, await store.connect('housing'));
  joint = await startSubgraph(jointSubgraph, await store.connect('joint'));
  gateway = await startGateway({ housing: housing.url, joint: joint.url });
});
afterAll(async () => {
  await gateway?.stop();
  await joint?.stop();
  await store.closeAll();
});

test('too many aliases is QUERY_TOO_COMPLEX, before any subgraph work', async () => {
  const fields = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
  const r = await gateway.query(`{ ${fields} }`, undefined, auth);
  expect(r.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  expect(r.body.errors[0].message).toMatch(/31 aliases; the limit is 30/);
});

test('a request body over the limit is refused with 413', async () => {
  const r = await gateway.query(`{ __typename } # ${'x'.repeat(1_100_000)}`, undefined, auth);
  expect(r.status).toBe(413);
  expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

test('the catalogue is queryable by any department', async () => {
  const r = await gateway.query('{ catalog(subgraph: "housing", type: "Project") { coordinate level purposes } }', undefined, auth);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.catalog).toEqual(expect.arrayContaining([{ coordinate: 'Project.code', level: 'OPEN', purposes: [] }]));
});

test('/ready is 200 while every subgraph answers', async () => {
  const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
  expect(ready.status).toBe(200);
});

test('with a subgraph down, the rest answers and the error names the subgraph', async () => {
  await housing.stop();
  const r = await gateway.query(
    '{ catalog(subgraph: "joint", type: "Query") { coordinate } project(code: "2024-371302-47-01-A1B2C3") { name } }',
    undefined,
    auth,
  );
  expect(r.body.data.catalog.map((c: { coordinate: string }) => c.coordinate)).toContain('Query.catalog');
  expect(r.body.data.project).toBeNull();
  expect(r.body.errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'housing' }) }),
  ]);
});

test('/ready names an unreachable subgraph; /health stays up', async () => {
  const base = gateway.url.replace(/\/graphql$/, '');
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).problems).toEqual([expect.stringMatching(/^subgraph housing unreachable/)]);
  expect((await fetch(`${base}/health`)).status).toBe(200);
});
