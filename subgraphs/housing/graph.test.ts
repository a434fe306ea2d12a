/**
 * The 住建 subgraph over HTTP on a seeded demo city: pagination, filters, argument errors, the
 * Project and Enterprise fields, and batching (one query per collection for N representations).
 */
import request from 'supertest';
import type { Connection } from 'mongoose';
import type { DemoCity } from '../../adapters/demo/city';
import { testStore } from '../../test/harness/db';
import { startSubgraph, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { housingSubgraph } from './server';
import { seedHousingFromDemo } from './testFixtures';
import { bumpRevisions } from '../../adapters/store/revisions';

const store = testStore();
let subgraph: Started;
let conn: Connection;
let city: DemoCity;
const OWNER = bearer({ dept: 'housing' });

beforeAll(async () => {
  conn = await store.connect('housing', { monitorCommands: true });
  city = await seedHousingFromDemo(conn, 110);
  // Batching is measured here with deliberately deep `_entities` calls (100 projects × participants ×
  // participations × project) that the subgraph's cost limit refuses; the limits have their own tests
  // (lib/limits, test/e2e/queryLimits.test.ts).
  subgraph = await startSubgraph(housingSubgraph, conn, { limits: { maxCost: Number.MAX_SAFE_INTEGER } });
});
afterAll(async () => {
  await subgraph?.stop();
  await store.closeAll();
});

async function gql(query: string, variables: Record<string, unknown> = {}, auth = OWNER) {
  const r = await request(subgraph.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query, variables });
  expect(r.status).toBe(200);
  return r.body as { data: Record<string, any>; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const PAGE = `query($first: Int, $after: String, $filter: ProjectFilter) {
  projects(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } } }`;

async function allPages(filter: Record<string, unknown> | null, first: number): Promise<string[]> {
  const codes: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const body = await gql(PAGE, { first, after, filter });
    expect(body.errors).toBeUndefined();
    const page = body.data.projects;
    codes.push(...page.edges.map((e: { node: { code: string } }) => e.node.code));
    if (!page.pageInfo.hasNextPage) return codes;
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('projects', () => {
  test('paging with first/after returns every project exactly once, in code order', async () => {
    const codes = await allPages(null, 7);
    const expected = city.projects.map((p) => p.code).sort();
    expect(codes).toEqual(expected);
    const first = await gql(PAGE, { first: 3 });
    expect(first.data.projects.totalCount).toBe(110);
    expect(first.data.projects.edges[0].cursor).not.toContain(expected[0]);
  });

  test('filters by district, status, bounding box and literal text', async () => {
    const lanshan = city.projects.filter((p) => p.district === '371302').map((p) => p.code).sort();
    expect(await allPages({ district: '371302' }, 100)).toEqual(lanshan);
    const suspended = city.projects.filter((p) => p.status === 'SUSPENDED').map((p) => p.code).sort();
    expect(suspended.length).toBeGreaterThan(0);
    expect(await allPages({ status: 'SUSPENDED' }, 100)).toEqual(suspended);
    const box = { minLng: 118.3, minLat: 35.0, maxLng: 118.4, maxLat: 35.1 };
    const inBox = city.projects.filter((p) => p.lng >= box.minLng && p.lng <= box.maxLng && p.lat >= box.minLat && p.lat <= box.maxLat).map((p) => p.code).sort();
    expect(inBox.length).toBeGreaterThan(0);
    expect(await allPages({ bbox: box }, 100)).toEqual(inBox);
    const target = city.projects[42];
    expect(await allPages({ text: target.name }, 100)).toEqual([target.code]);
    // Regex metacharacters are literal text.
    expect(await allPages({ text: '.*' }, 100)).toEqual([]);
    expect(await allPages({ text: target.name, district: target.district === '371302' ? '371311' : '371302' }, 100)).toEqual([]);
  });
});

describe('argument errors name the argument; unknown keys are null', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['malformed project code', 'query($c: String!) { project(code: $c) { code } }', { c: '2024-3713-47' }, 'code'],
    ['first = 0', PAGE, { first: 0 }, 'first'],
    ['first = 101', PAGE, { first: 101 }, 'first'],
    ['a forged cursor', PAGE, { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['a bad district filter', PAGE, { filter: { district: '37' } }, 'filter'],
    ['an inverted bounding box', PAGE, { filter: { bbox: { minLng: 119, minLat: 35, maxLng: 118, maxLat: 36 } } }, 'filter'],
    ['malformed credit code', 'query($u: String!) { enterprise(uscc: $u) { name } }', { u: '91371302ABCDEFGHIZ' }, 'uscc'],
  ];
  test.each(cases)('%s → BAD_USER_INPUT', async (_label, query, variables, argument) => {
    const body = await gql(query, variables);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  test('unknown project and enterprise → null, no error', async () => {
    const body = await gql('{ project(code: "2020-370302-47-01-ZZZZZ9") { code } enterprise(uscc: "91350100M000100Y43") { name } }');
    expect(body).toEqual({ data: { project: null, enterprise: null } });
  });
});

test('a project carries its permit, five participants and the reported (not approved) values', async () => {
  const p = city.projects.find((x) => city.planted.overBuilt.includes(x.code))!;
  const body = await gql(`query($c: String!) { project(code: $c) {
    code status permit { permitNo issuedOn contractValue }
    participants { role enterpriseName enterprise { uscc } project { code } }
    contractor: participants(role: CONTRACTOR) { enterprise { uscc } }
    latestProgress { reportDate progressPercent } reportedFloorArea reportedHeight progressReports { reportDate }
    inspections { inspectedOn kind outcome issuesFound } } }`, { c: p.code });
  expect(body.errors).toBeUndefined();
  const got = body.data.project;
  expect(got.permit).toEqual({ permitNo: p.permitNo, issuedOn: p.permitIssuedOn, contractValue: p.contractValue });
  expect(got.participants.map((x: { role: string }) => x.role).sort()).toEqual(['BUILDER', 'CONTRACTOR', 'DESIGNER', 'SUPERVISOR', 'SURVEYOR']);
  expect(got.participants.every((x: { project: { code: string } }) => x.project.code === p.code)).toBe(true);
  expect(got.contractor).toEqual([{ enterprise: { uscc: p.contractorUscc } }]);
  expect(got.latestProgress).toEqual({ reportDate: '2026-10-25', progressPercent: p.progressPercent });
  expect(got.reportedFloorArea).toBe(p.reportedFloorArea);
  expect(got.reportedHeight).toBe(p.reportedHeight);
  expect(got.reportedFloorArea > p.approvedFloorArea || got.reportedHeight > p.approvedHeight).toBe(true);
  expect(got.inspections.length).toBeGreaterThanOrEqual(1);
  expect(got.inspections.every((i: { outcome: string }) => i.outcome !== 'STOP_WORK_ORDERED')).toBe(true);
  const dates = got.progressReports.map((r: { reportDate: string }) => r.reportDate);
  expect(dates).toEqual([...dates].sort());
});

test('an enterprise with a planted bad credit code is flagged for review, with its projects in every role', async () => {
  const uscc = city.planted.badUscc[0];
  const body = await gql(`query($u: String!) { enterprise(uscc: $u) { uscc name creditCodeStatus needsReview participations { role project { code } } } }`, { u: uscc });
  expect(body.errors).toBeUndefined();
  const projects = city.projects.filter((p) => p.builderUscc === uscc).map((p) => ({ role: 'BUILDER', project: { code: p.code } }));
  expect(body.data.enterprise).toMatchObject({ uscc, creditCodeStatus: 'CHECKSUM_MISMATCH', needsReview: true, participations: projects });

  const contractor = city.projects[0].contractorUscc;
  const c = await gql(`query($u: String!) { enterprise(uscc: $u) { creditCodeStatus needsReview participations(role: CONTRACTOR) { project { code } } } }`, { u: contractor });
  expect(c.data.enterprise.creditCodeStatus).toBe('VALID');
  expect(c.data.enterprise.needsReview).toBe(false);
  expect(c.data.enterprise.participations.map((x: { project: { code: string } }) => x.project.code).sort())
    .toEqual(city.projects.filter((p) => p.contractorUscc === contractor).map((p) => p.code).sort());
});

describe('batching: one query per collection whatever the number of representations', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Project { code name permit { permitNo } participants { role enterprise { name needsReview } } latestProgress { reportDate } reportedHeight inspections { kind } }
    ... on Enterprise { uscc name participations { project { code } } } } }`;

  async function commandsFor(representations: object[], query = ENTITIES) {
    const counts: Record<string, number> = {};
    const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'find' || e.commandName === 'aggregate') {
        const key = `${e.commandName}:${String(e.command[e.commandName])}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    };
    const client = conn.getClient();
    client.on('commandStarted', onCommand);
    try {
      const body = await gql(query, { r: representations });
      expect(body.errors).toBeUndefined();
      return { counts, entities: body.data._entities as ({ code?: string; uscc?: string } | null)[] };
    } finally {
      client.off('commandStarted', onCommand);
    }
  }

  test.each([5, 100])('N = %i Project and Enterprise representations (plus unknown keys)', async (n) => {
    const projects = city.projects.slice(0, n);
    const reps = [
      ...projects.map((p) => ({ __typename: 'Project', code: p.code })),
      { __typename: 'Project', code: '2020-370302-47-01-ZZZZZ9' },
      ...projects.slice(0, 3).map((p) => ({ __typename: 'Enterprise', uscc: p.builderUscc })),
      { __typename: 'Enterprise', uscc: '91350100M000100Y43' },
    ];
    const { counts, entities } = await commandsFor(reps);
    expect(entities.slice(0, n).map((e) => e?.code)).toEqual(projects.map((p) => p.code));
    expect(entities[n]).toBeNull();
    expect(entities[reps.length - 1]).toBeNull();
    // One find per collection per batch, whatever N. The Project and the Enterprise representations
    // resolve from two different queries that answer at different moments, so their participant
    // lists are two batches; enterprises are loaded for the representations and again for the
    // participants' enterprise one level deeper.
    // Plus one read of the silo's collection revisions per request (these fixtures have none, so
    // nothing is served from memory: the loaders themselves are what is counted here).
    expect(counts).toEqual({
      'find:collection_revisions': 1,
      'find:projects': 1,
      'find:permits': 1,
      'find:participants': 2,
      'find:enterprises': 2,
      'find:progress_reports': 1,
      'find:inspections': 1,
    });
  });

  test('the number of queries is the same for N = 5 and N = 100', async () => {
    // Deeper nesting: participant → enterprise → participations → project.
    const reps = (n: number) => city.projects.slice(0, n).map((p) => ({ __typename: 'Project', code: p.code }));
    const nested = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project {
      participants { enterprise { participations { role project { name permit { permitNo } } } } } } } }`;
    const five = await commandsFor(reps(5), nested);
    const hundred = await commandsFor(reps(100), nested);
    expect(Object.values(five.counts).every((c) => c <= 3)).toBe(true);
    expect(hundred.counts).toEqual(five.counts);
  });
});

describe('the in-memory copy (collections written through the adapters carry a revision)', () => {
  const VIEW = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Project { code name status permit { permitNo } participants { role enterprise { uscc name } } progressReports { reportDate progressPercent } latestProgress { reportDate } inspections { inspectionNo kind } }
    ... on Enterprise { uscc participations { role project { code } } } } }`;
  const FILTERS: (Record<string, unknown> | null)[] = [
    null, { district: '371302' }, { status: 'SUSPENDED' }, { bbox: { minLng: 118.3, minLat: 35.0, maxLng: 118.4, maxLat: 35.1 } },
    { text: '项目' }, { text: '.*' }, { district: '371311', status: 'IN_PROGRESS' },
  ];

  async function answers() {
    const reps = [
      ...city.projects.slice(0, 30).map((p) => ({ __typename: 'Project', code: p.code })),
      { __typename: 'Project', code: '2020-370302-47-01-ZZZZZ9' },
      ...city.projects.slice(0, 5).map((p) => ({ __typename: 'Enterprise', uscc: p.builderUscc })),
    ];
    const view = await gql(VIEW, { r: reps });
    expect(view.errors).toBeUndefined();
    const pages: unknown[] = [];
    for (const filter of FILTERS) pages.push(await allPages(filter, 9), (await gql(PAGE, { first: 4, filter })).data.projects);
    return { view: view.data, pages };
  }

  test('answers exactly what the store answers, and reads no reference collection once loaded', async () => {
    const fromStore = await answers();
    await bumpRevisions(conn, ['projects', 'permits', 'participants', 'enterprises', 'progress_reports', 'inspections']);
    await answers(); // loads the copies
    const finds: string[] = [];
    const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'find' || e.commandName === 'aggregate' || e.commandName === 'count') finds.push(String(e.command[e.commandName]));
    };
    conn.getClient().on('commandStarted', onCommand);
    const fromCopy = await answers();
    conn.getClient().off('commandStarted', onCommand);
    expect(fromCopy).toEqual(fromStore);
    expect(new Set(finds)).toEqual(new Set(['collection_revisions']));
  });
});
