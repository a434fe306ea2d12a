/**
 * Bounded answers (RESPONSE_MAX_BYTES, issue 16), on the real housing and joint subgraphs over the
 * test store: a subgraph replaces an answer past its limit with RESPONSE_TOO_LARGE (and does not
 * audit reads it did not deliver); the gateway's fetcher abandons a subgraph answer past the
 * gateway's limit, naming the subgraph; the gateway replaces its own answer when the parts fit but
 * the whole does not.
 */
import request from 'supertest';
import { createGateway } from '../../gateway/src/server';
import { createHousingModels } from '../../subgraphs/housing/models';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { jointSubgraph } from '../../subgraphs/joint/server';
import { testStore } from '../harness/db';
import { composeFor, startSubgraph } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';

const store = testStore();
const LIMIT = 2048;
let housing: Awaited<ReturnType<typeof startSubgraph>>;
let limitedHousing: Awaited<ReturnType<typeof startSubgraph>>;
let joint: Awaited<ReturnType<typeof startSubgraph>>;
const stops: (() => Promise<void>)[] = [];

const LIST = '{ projects(first: 30) { edges { node { code name address } } } }';
const CATALOG = '{ catalog(subgraph: "housing", type: "Project") { coordinate level purposes } }';
const code = (i: number) => `2024-371302-47-01-A1B${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  const conn = await store.connect('housing');
  await createHousingModels(conn).Project.insertMany(
    Array.from({ length: 30 }, (_, i) => ({
      code: code(i), name: `兰山区示范住宅项目${i}`, district: '371302', districtName: '兰山区', address: `临沂市兰山区沂蒙路${i}号`, status: 'IN_PROGRESS', lng: 118.35, lat: 35.06,
    })),
  );
  housing = await startSubgraph(housingSubgraph, conn);
  limitedHousing = await startSubgraph(housingSubgraph, conn, { responseMaxBytes: LIMIT });
  joint = await startSubgraph(jointSubgraph, await store.connect('joint'));
  stops.push(housing.stop, limitedHousing.stop, joint.stop);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await store.closeAll();
});

async function gateway(responseMaxBytes?: number) {
  const g = await createGateway({ tokens: testTokenSettings(), supergraphSdl: composeFor({ housing: housing.url, joint: joint.url }), responseMaxBytes });
  const running = await g.listen(0);
  stops.push(() => g.stop());
  const base = running.url.replace(/\/graphql$/, '');
  return (query: string, auth = bearer({ dept: 'housing' })) => request(base).post('/graphql').set('authorization', auth).send({ query });
}

function direct(url: string, query: string, auth: string) {
  return request(url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query });
}

test('a subgraph answer past RESPONSE_MAX_BYTES becomes RESPONSE_TOO_LARGE (200, data null, size and limit), and its reads are not audited', async () => {
  const other = bearer({ dept: 'resources' });
  const big = await direct(limitedHousing.url, LIST, other);
  expect(big.status).toBe(200);
  expect(big.body.data).toBeNull();
  expect(big.body.errors).toHaveLength(1);
  const [error] = big.body.errors;
  expect(error.extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', bytes: expect.any(Number), maxBytes: LIMIT });
  expect(error.extensions.bytes).toBeGreaterThan(LIMIT);
  expect(error.message).toMatch(/^The answer is [\d,]+ bytes, over the limit of 2,048 bytes \(RESPONSE_MAX_BYTES\): ask for fewer items or fields$/);
  // The same query where the limit is the default: the whole answer, as many bytes as the error said.
  const whole = await direct(housing.url, LIST, other);
  expect(whole.body.data.projects.edges).toHaveLength(30);
  expect(Buffer.byteLength(whole.text)).toBe(error.extensions.bytes);

  // A small read is delivered and recorded; the replaced one left no record and no ticket.
  const small = await direct(limitedHousing.url, `{ project(code: "${code(1)}") { name } }`, other);
  expect(small.body).toEqual({ data: { project: { name: '兰山区示范住宅项目1' } } });
  expect(small.text.endsWith('\n')).toBe(true);
  expect(limitedHousing.audit.outstanding).toBe(0);
  const records = await limitedHousing.audit.records();
  expect(records.filter((r) => r.requestId === small.headers['x-request-id'])).toHaveLength(1);
  expect(records.filter((r) => r.requestId === big.headers['x-request-id'])).toHaveLength(0);

  // The owner's own read is bounded too.
  const own = await direct(limitedHousing.url, LIST, bearer({ dept: 'housing' }));
  expect(own.body.errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');

  const metrics = await request(limitedHousing.url.replace(/\/graphql$/, '')).get('/metrics');
  expect(metrics.text).toMatch(/^xietong_responses_too_large_total\{service="housing"\} [2-9]$/m);
});

test("through the gateway, a subgraph answer past the gateway's limit is abandoned by the fetcher: RESPONSE_TOO_LARGE naming the subgraph", async () => {
  const ask = await gateway(LIMIT);
  const r = await ask(LIST);
  expect(r.status).toBe(200);
  expect(r.body.data).toBeNull();
  expect(r.body.errors).toEqual([
    expect.objectContaining({
      message: expect.stringMatching(/^The answer of subgraph "housing" is [\d,]+ bytes, over the limit of 2,048 bytes/),
      extensions: expect.objectContaining({ code: 'RESPONSE_TOO_LARGE', subgraph: 'housing', maxBytes: LIMIT }),
    }),
  ]);
  expect(r.body.errors[0].extensions.bytes).toBeGreaterThan(LIMIT);
  // Within the limit, the same gateway answers as usual.
  const small = await ask(`{ project(code: "${code(2)}") { name } }`);
  expect(small.body).toEqual({ data: { project: { name: '兰山区示范住宅项目2' } } });
});

test("the gateway's own answer is bounded: each subgraph's part fits, the whole does not", async () => {
  const unbounded = await gateway();
  const [list, catalog] = [await unbounded(LIST), await unbounded(CATALOG)];
  expect([list.body.errors, catalog.body.errors]).toEqual([undefined, undefined]);
  const parts = [Buffer.byteLength(list.text), Buffer.byteLength(catalog.text)];
  const limit = Math.max(...parts) + 64;
  expect(parts[0] + parts[1]).toBeGreaterThan(limit + 64);

  const ask = await gateway(limit);
  const both = await ask(`{ projects(first: 30) { edges { node { code name address } } } catalog(subgraph: "housing", type: "Project") { coordinate level purposes } }`);
  expect(both.status).toBe(200);
  expect(both.body).toEqual({
    data: null,
    errors: [{ message: expect.stringContaining(`over the limit of ${limit.toLocaleString('en-US')} bytes`), extensions: { code: 'RESPONSE_TOO_LARGE', bytes: expect.any(Number), maxBytes: limit } }],
  });
  expect(both.body.errors[0].extensions.bytes).toBeGreaterThan(limit);
});
