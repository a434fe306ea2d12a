/**
 * A subgraph that fails without going away (issue 22), over real TCP: the real housing subgraph sits
 * behind a switchable TCP front (bench/resilience/tcpFront.ts) that passes bytes through, accepts and
 * never answers, or resets every connection. The gateway gives a partial answer naming housing within SUBGRAPH_TIMEOUT_MS and
 * holds no connection afterwards; after SUBGRAPH_BREAKER_FAILURES failures its breaker answers for
 * housing at once without opening a connection, and closes again after a trial once housing is back.
 */
import request from 'supertest';
import { tcpFront, type TcpFront } from '../../bench/resilience/tcpFront';
import { createGateway } from '../../gateway/src/server';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { jointSubgraph } from '../../subgraphs/joint/server';
import { testStore } from '../harness/db';
import { composeFor, startSubgraph, type Started } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';
import { waitUntil } from '../harness/wait';

const store = testStore();
const auth = bearer({ dept: 'citymgmt' });
const QUERY = '{ catalog(subgraph: "joint", type: "Query") { coordinate } project(code: "2024-371302-47-01-A1B2C3") { name } }';
let housing: Started;
let joint: Started;
let front: TcpFront;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  housing = await startSubgraph(housingSubgraph, await store.connect('housing'));
  joint = await startSubgraph(jointSubgraph, await store.connect('joint'));
  front = await tcpFront(housing.url);
  stops.push(housing.stop, joint.stop, front.close);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await store.closeAll();
});

async function gatewayFor(subgraphTimeoutMs: number) {
  const g = await createGateway({
    tokens: testTokenSettings(),
    supergraphSdl: composeFor({ housing: housing.url, joint: joint.url }),
    subgraphUrls: { housing: front.url },
    subgraphTimeoutMs,
  });
  const running = await g.listen(0);
  stops.push(() => g.stop());
  const base = running.url.replace(/\/graphql$/, '');
  return {
    base,
    async query() {
      const started = performance.now();
      const r = await request(base).post('/graphql').set('authorization', auth).send({ query: QUERY });
      return { status: r.status, body: r.body, text: r.text, ms: performance.now() - started };
    },
  };
}

function expectPartial(body: { data: { catalog: { coordinate: string }[]; project: unknown }; errors: unknown[] }, reason: string) {
  expect(body.data.catalog.map((c) => c.coordinate)).toContain('Query.catalog');
  expect(body.data.project).toBeNull();
  expect(body.errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'housing', reason }) }),
  ]);
}

test('a subgraph that accepts and never answers: a partial answer naming it within SUBGRAPH_TIMEOUT_MS, and its connection is not kept', async () => {
  const TIMEOUT = 1500;
  const gateway = await gatewayFor(TIMEOUT);
  front.set('pass');
  const ok = await gateway.query();
  expect(ok.body.errors).toBeUndefined();

  front.set('hang');
  const r = await gateway.query();
  expect(r.status).toBe(200);
  expectPartial(r.body, 'timeout');
  expect(r.body.errors[0].message).toBe('Subgraph "housing" did not answer (timed out)');
  expect(r.text).not.toMatch(/127\.0\.0\.1|localhost|UND_ERR|ECONN/);
  // The timeout bounds the wait: not much less (it did wait), not much more (nothing else waited).
  expect(r.ms).toBeGreaterThanOrEqual(TIMEOUT - 50);
  expect(r.ms).toBeLessThan(TIMEOUT + 1000);
  // The gateway gave the connection up; the hanging server holds nothing of it.
  await waitUntil(() => front.openConnections === 0, 'the gateway closed its connection to the hanging subgraph', 5000);
});

test('the breaker opens after SUBGRAPH_BREAKER_FAILURES failures, answers at once without a connection while open, and closes after a trial once the subgraph is back', async () => {
  process.env.SUBGRAPH_BREAKER_FAILURES = '3';
  process.env.SUBGRAPH_BREAKER_RESET_MS = '1500';
  const gateway = await gatewayFor(5000);
  const state = async () => {
    const text = (await request(gateway.base).get('/metrics')).text;
    return Number(/^xietong_subgraph_breaker_state\{subgraph="housing"\} (\d)$/m.exec(text)?.[1]);
  };
  front.set('pass');
  expect((await gateway.query()).body.errors).toBeUndefined();
  expect(await state()).toBe(0);

  front.set('reset');
  for (let i = 0; i < 3; i++) {
    const r = await gateway.query();
    expectPartial(r.body, 'connection_reset');
    expect(r.body.errors[0].message).toBe('Subgraph "housing" did not answer (connection reset)');
  }
  const openedAt = performance.now();
  expect(await state()).toBe(2);

  // Open: were a fetch sent, the hanging front would hold it for 5 s. The breaker answers at once, sending nothing.
  front.set('hang');
  const bytesBefore = front.bytesReceived;
  const open = await gateway.query();
  expectPartial(open.body, 'circuit_open');
  expect(open.body.errors[0].message).toMatch(/^Subgraph "housing" did not answer \(circuit open after repeated failures; next try in \d s\)$/);
  expect(open.body.errors[0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
  expect(open.ms).toBeLessThan(2500); // ~20 ms here; a fetch sent would have waited the 5 s timeout (bench: docs/perf-log.md)
  expect(front.bytesReceived).toBe(bytesBefore);
  expect(front.openConnections).toBe(0);

  // Back: the first query after SUBGRAPH_BREAKER_RESET_MS is the trial; its success closes the breaker.
  front.set('pass');
  const reopenedAt = performance.now();
  let last = open;
  while (last.body.errors !== undefined) {
    expect(last.body.errors[0].extensions.reason).toBe('circuit_open');
    if (performance.now() - reopenedAt > 10_000) throw new Error('the gateway did not use housing again within 10 s');
    await new Promise((r) => setTimeout(r, 50)); // polling interval, not a wait for a condition
    last = await gateway.query();
  }
  // Not before the cool-down: the breaker opened at the third failure, before `reopenedAt`.
  expect(performance.now() - openedAt).toBeGreaterThanOrEqual(1500);
  expect(last.body.errors).toBeUndefined();
  expect(last.body.data.project).toBeNull();
  expect(await state()).toBe(0);

  const metricsText = (await request(gateway.base).get('/metrics')).text;
  expect(metricsText).toMatch(/^xietong_subgraph_fetch_duration_seconds_count\{subgraph="housing",outcome="circuit_open"\} [1-9]\d*$/m);
  expect(metricsText).toMatch(/^xietong_subgraph_fetch_duration_seconds_count\{subgraph="housing",outcome="error"\} [1-9]\d*$/m);
  expect(metricsText).toMatch(/^xietong_subgraph_errors_total\{subgraph="housing",code="SUBGRAPH_UNAVAILABLE"\} [1-9]\d*$/m);
});
