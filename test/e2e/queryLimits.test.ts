/**
 * Issue 16, first bullet: the queries that took the hub down are refused with QUERY_TOO_COMPLEX before
 * any work — at the gateway and straight at a subgraph's port — while every README, benchmark and
 * contract query still runs end to end (the gateway's fetches pass the subgraphs' own limits).
 * A demo city seeded through the adapters, every subgraph and the gateway on port 0, real tokens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../lib/config';
import { GATEWAY_QUERY_LIMITS, SUBGRAPH_QUERY_LIMITS } from '../../lib/limits/settings';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { startGateway, startSubgraph } from '../harness/services';
import { startSystem, type SystemHandle } from '../harness/system';
import { gqlClient, waitForBoard } from '../harness/risk';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
const publicCaller = bearer({ dept: 'public' });
const inspector = bearer({ dept: 'joint', roles: ['inspector'], purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision', 'complaint-handling'] });
/** DB commands per silo, to show that a refused query reads nothing. */
const commands: Record<string, number> = {};

// Background store work would blur "a refused query reads nothing": no audit anchoring in this file, and the
// risk view's first evaluation (joint reads the city at start) is waited for below.
process.env.AUDIT_ANCHOR_SECONDS = '0';

beforeAll(async () => {
  system = await startSystem({ projects: 24, monitorCommands: true });
  await waitForBoard(gqlClient(system.gateway.url, inspector), (h) => h.evaluatedAt !== null, 'the risk view\'s first evaluation');
  for (const [name, conn] of Object.entries(system.connections)) {
    // Mongoose builds the models' indexes in the background once they are defined: let that finish first.
    await Promise.all(Object.values(conn.models).map((m) => m.init()));
    commands[name] = 0;
    conn.getClient().on('commandStarted', () => commands[name]++);
  }
}, 240_000);
afterAll(() => system?.stop());

async function post(url: string, body: unknown, authorization: string): Promise<{ status: number; json: any; ms: number }> {
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  const json = await res.json();
  return { status: res.status, json, ms: Date.now() - started };
}

const totalCommands = () => Object.values(commands).reduce((a, b) => a + b, 0);

/** One copy of the fan-out: 182 bytes that returned 16.5 MB. */
const fanOut = (alias: string) =>
  `${alias}projects(first: 100) { edges { node { participants { enterprise { participations { project { participants { enterprise { name } } } } } } } } }`;

test('the six-alias fan-out is refused at the gateway in well under a second, with its cost and the limit; the gateway answers right after', async () => {
  const query = `{ ${Array.from({ length: 6 }, (_, i) => fanOut(`a${i}: `)).join(' ')} }`;
  const rssBefore = process.memoryUsage().rss;
  const commandsBefore = totalCommands();
  const r = await post(system.gateway.url, { query }, publicCaller);
  expect(r.ms).toBeLessThan(1000);
  expect(r.status).toBe(400);
  expect(r.json.data).toBeUndefined();
  const [error] = r.json.errors;
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'cost', limit: GATEWAY_QUERY_LIMITS.maxCost });
  expect(error.extensions.cost).toBeGreaterThan(GATEWAY_QUERY_LIMITS.maxCost);
  expect(error.message).toBe(`Query cost ${error.extensions.cost} exceeds the limit of ${GATEWAY_QUERY_LIMITS.maxCost}: ask for fewer items (first), fewer nested lists or fewer aliased copies`);
  expect(totalCommands()).toBe(commandsBefore); // no subgraph read anything
  const cheap = await post(system.gateway.url, { query: '{ __typename }' }, publicCaller);
  expect(cheap.json).toEqual({ data: { __typename: 'Query' } });
  expect(cheap.ms).toBeLessThan(1000);
  // Repeated, it still costs nothing: memory stays where it was (the issue saw +740 MB per copy).
  for (let i = 0; i < 20; i++) expect((await post(system.gateway.url, { query }, publicCaller)).status).toBe(400);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
});

test('a depth-23 query sent straight to a subgraph is QUERY_TOO_COMPLEX', async () => {
  let inner = 'code';
  for (let i = 0; i < 4; i++) inner = `project { participants { enterprise { participations { ${inner} } } } }`;
  const query = `{ projects(first: 100) { edges { node { participants { enterprise { participations { ${inner} } } } } } } }`;
  const commandsBefore = totalCommands();
  const r = await post(system.subgraphUrls.housing, { query }, publicCaller);
  expect(r.ms).toBeLessThan(1000);
  expect(r.status).toBe(400);
  expect(r.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'depth', depth: 23, limit: SUBGRAPH_QUERY_LIMITS.maxDepth });
  expect(totalCommands()).toBe(commandsBefore);
});

test('a shallow fan-out sent straight to a subgraph is refused by its cost', async () => {
  const r = await post(system.subgraphUrls.housing, { query: `{ ${fanOut('')} }` }, publicCaller);
  expect(r.ms).toBeLessThan(1000);
  expect(r.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'cost', limit: SUBGRAPH_QUERY_LIMITS.maxCost });
});

test('a direct _entities call with 10,000 representations is refused; the contract suite`s three pass', async () => {
  const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Project { code workforce } } }';
  const codes = system.city.projects.map((p) => p.code);
  const many = Array.from({ length: 10_000 }, (_, i) => ({ __typename: 'Project', code: codes[i % codes.length] }));
  const commandsBefore = totalCommands();
  const refused = await post(system.subgraphUrls.hrss, { query, variables: { representations: many } }, publicCaller);
  expect(refused.ms).toBeLessThan(1000);
  expect(refused.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'cost', limit: SUBGRAPH_QUERY_LIMITS.maxCost });
  expect(refused.json.errors[0].extensions.cost).toBeGreaterThanOrEqual(10_000 * 6);
  expect(totalCommands()).toBe(commandsBefore);

  const three = await post(system.subgraphUrls.hrss, { query, variables: { representations: many.slice(0, 3) } }, publicCaller);
  expect(three.json.errors).toBeUndefined();
  expect(three.json.data._entities.map((e: { code: string }) => e.code)).toEqual(codes.slice(0, 3));
});

const readme = fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');
const benchQuery = (name: string) => fs.readFileSync(path.join(ROOT_DIR, 'bench', 'graph', 'queries', `${name}.graphql`), 'utf8');

test.each([
  ['README: a first query', () => /"query":"(\{ projects.*?\})"\}'/.exec(readme)![1], () => undefined],
  ['README: the wage arrears of October', () => '{ wageArrears(month: "2026-10") { project { code name } daysOverdue workersAffected amountOwed employers { uscc name } } }', () => undefined],
  [
    'README: night noise in October, every field of a row',
    () => '{ exceedances(from: "2026-10-01", to: "2026-10-31", pollutant: "LA") { mn project { code name } district pollutant pollutantName unit rule ruleKind averaging periodStart periodEnd value limit background timeOfDay basis } }',
    () => undefined,
  ],
  ['README: over-built projects', () => '{ projects(first: 100) { edges { node { code approvedFloorArea reportedFloorArea } } } }', () => undefined],
  ['README: builders to review', () => `{ enterprise(uscc: "${system.city.planted.badUscc[0]}") { needsReview } }`, () => undefined],
  ['bench: one project, every readable field', () => benchQuery('project'), () => ({ code: system.city.projects[0].code })],
  ['bench: the list at its largest page (first: 100)', () => benchQuery('projects-list'), () => ({ first: 100 })],
  ['every project with its five parties and their workforce (five enterprise keys per project to hrss)', () => '{ projects(first: 100) { edges { node { code participants { role enterprise { uscc name workforce } } } } } }', () => undefined],
  ['contract: introspection', () => '{ __schema { types { name fields { name } } } }', () => undefined],
])('%s runs end to end', async (_name, query, variables) => {
  const r = await post(system.gateway.url, { query: query(), variables: variables() }, inspector);
  expect(r.json.errors).toBeUndefined();
  expect(r.status).toBe(200);
});

test('an exceedances period over EXCEEDANCES_MAX_DAYS is BAD_USER_INPUT naming the argument and the limit', async () => {
  const r = await post(system.gateway.url, { query: '{ exceedances(from: "2026-10-01", to: "2026-11-15", pollutant: "LA") { mn } }' }, inspector);
  expect(r.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  expect(r.json.errors[0].message).toMatch(/at most 31 days \(EXCEEDANCES_MAX_DAYS\)/);
  const summary = await post(
    system.gateway.url,
    { query: `{ project(code: "${system.city.projects[0].code}") { exceedanceSummary(from: "2026-09-01", to: "2026-11-01") { total } } }` },
    inspector,
  );
  expect(summary.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
});

test('a subgraph whose limit is tighter than the gateway`s plans says so, through the gateway, with its name', async () => {
  const tight = await startSubgraph(housingSubgraph, system.connections.housing, { limits: { maxCost: 500 } });
  const gateway = await startGateway({ housing: tight.url });
  try {
    const r = await gateway.query('{ projects(first: 100) { edges { node { code name district } } } }', undefined, inspector);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', subgraph: 'housing', rule: 'cost', cost: 501, limit: 500 });
  } finally {
    await gateway.stop();
    await tight.stop();
  }
});
