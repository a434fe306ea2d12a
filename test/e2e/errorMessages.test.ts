/**
 * Error messages neither amplify the caller's input nor show internals (issue 22, probe findings):
 * a 500 KB argument comes back as a short message with its code, from the gateway and from a subgraph
 * (each service's formatError cuts at ERROR_MESSAGE_MAX_CHARS); a stopped subgraph or one answering
 * 500 is named and described, and its address, port and system error are only in the gateway's log.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createGateway } from '../../gateway/src/server';
import { environmentSubgraph } from '../../subgraphs/environment/server';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { jointSubgraph } from '../../subgraphs/joint/server';
import { testStore } from '../harness/db';
import { composeFor, startSubgraph, type Started } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';

const store = testStore();
const BIG = 'x'.repeat(500_000);
const auth = bearer({ dept: 'environment' });
let environment: Started;
let joint: Started;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  environment = await startSubgraph(environmentSubgraph, await store.connect('environment'));
  joint = await startSubgraph(jointSubgraph, await store.connect('joint'));
  stops.push(environment.stop, joint.stop);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await store.closeAll();
});

async function gateway(subgraphs: Record<string, string>, subgraphUrls?: Record<string, string>) {
  const g = await createGateway({ tokens: testTokenSettings(), supergraphSdl: composeFor(subgraphs), subgraphUrls });
  const running = await g.listen(0);
  stops.push(() => g.stop());
  return (query: string, variables?: Record<string, unknown>) =>
    request(running.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query, variables });
}

function expectCut(message: string) {
  expect(message.length).toBeLessThanOrEqual(500);
  expect(message).toMatch(/ … \[cut: [\d,]+ characters in all\]$/);
}

test('a 500 KB variable the gateway cannot coerce: a short BAD_USER_INPUT, not a 1 MB echo', async () => {
  const query = await gateway({ environment: environment.url, joint: joint.url });
  const r = await query('query ($n: Int) { jointAuditTrail(first: $n) { seq } }', { n: BIG });
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(r.body.errors[0].message).toMatch(/^Variable "\$n" got invalid value "x{10}/);
  expectCut(r.body.errors[0].message);
  expect(r.text.length).toBeLessThan(2_000);
});

test('a 500 KB argument a subgraph quotes in its error: short at the subgraph, short through the gateway, with its code', async () => {
  const exceedances = 'query ($from: String!) { exceedances(from: $from, to: "2026-10-31") { mn } }';
  const direct = await request(environment.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query: exceedances, variables: { from: BIG } });
  expect(direct.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  expect(direct.body.errors[0].message).toMatch(/^Invalid argument "from": "x{10}/);
  expectCut(direct.body.errors[0].message);
  expect(direct.text.length).toBeLessThan(2_000);

  const query = await gateway({ environment: environment.url, joint: joint.url });
  const r = await query(exceedances, { from: BIG });
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  expectCut(r.body.errors[0].message);
  expect(r.text.length).toBeLessThan(2_000);
});

/** Runs `fn` while collecting what the process writes to stderr (the JSON log lines). */
async function withLog<T>(fn: () => Promise<T>): Promise<{ result: T; lines: Record<string, unknown>[] }> {
  const chunks: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    chunks.push(String(chunk));
    return original(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    const result = await fn();
    const lines = chunks.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    return { result, lines };
  } finally {
    process.stderr.write = original;
  }
}

test('a stopped subgraph: "did not answer (connection refused)" naming it, no address, port or ECONNREFUSED in the answer; all of it in the log with the request id', async () => {
  const housing = await startSubgraph(housingSubgraph, await store.connect('housing'));
  const port = new URL(housing.url).port;
  await housing.stop();
  const query = await gateway({ housing: housing.url, joint: joint.url });
  const { result: r, lines } = await withLog(() => query('{ catalog(subgraph: "joint", type: "Query") { coordinate } project(code: "2024-371302-47-01-A1B2C3") { name } }'));
  expect(r.body.data.project).toBeNull();
  expect(r.body.errors).toEqual([
    {
      message: 'Subgraph "housing" did not answer (connection refused)',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'housing', reason: 'connection_refused' },
    },
  ]);
  expect(r.text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|http:\/\//);
  expect(r.text).not.toContain(`:${port}`);
  const logged = lines.find((l) => l.msg === 'subgraph did not answer');
  expect(logged).toMatchObject({ level: 'warn', subgraph: 'housing', url: housing.url, reason: 'connection_refused', requestId: r.headers['x-request-id'] });
  expect(String(logged?.error)).toMatch(/ECONNREFUSED|connect/);
});

test('a subgraph answering 500 with internal details: SUBGRAPH_UNAVAILABLE naming it with the status, none of the details', async () => {
  const server = http.createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Error: connect ECONNREFUSED 10.1.2.3:27017 at /srv/xietong/housing/store.js:42');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stops.push(() => new Promise<void>((r) => server.close(() => r())));
  const broken = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const housing = await startSubgraph(housingSubgraph, await store.connect('housing'));
  stops.push(housing.stop);
  const query = await gateway({ housing: housing.url, joint: joint.url }, { housing: broken });
  const r = await query('{ catalog(subgraph: "joint", type: "Query") { coordinate } project(code: "2024-371302-47-01-A1B2C3") { name } }');
  expect(r.body.data.catalog.length).toBeGreaterThan(0);
  expect(r.body.errors).toEqual([
    expect.objectContaining({
      message: 'Subgraph "housing" did not answer (HTTP 500)',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'housing', reason: 'server_error', status: 500 },
    }),
  ]);
  expect(r.text).not.toMatch(/10\.1\.2\.3|ECONNREFUSED|srv\/xietong|127\.0\.0\.1/);
});
