/**
 * Access matrix of the 住建 catalogue, by direct HTTP to the subgraph: for an OPEN, a CONDITIONAL and
 * an OWNER_ONLY field, and for personal data, what the owner, another department without the purpose,
 * another department with it, and the public receive; and what the audit trail records.
 */
import { requestIdHeaders } from '../../lib/http/requestId';
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { createHousingModels } from './models';
import { housingSubgraph } from './server';

const store = testStore();
let subgraph: Awaited<ReturnType<typeof startSubgraph>>;
const CODE = '2024-371302-47-01-A1B2C3';

beforeAll(async () => {
  const conn = await store.connect('housing');
  const m = createHousingModels(conn);
  await m.Project.create({ code: CODE, name: '兰山区示范住宅项目', district: '371302', districtName: '兰山区', address: '临沂市兰山区沂蒙路1号', status: 'IN_PROGRESS', lng: 118.35, lat: 35.06 });
  await m.Permit.create({
    permitNo: '371302202400010101', projectCode: CODE, issuedOn: '2024-03-05', builderUscc: '91350100M000100Y43', contractorUscc: '91350100M000100Y43',
    contractValue: 123_456_789, projectManagerName: '张建军', projectManagerPhone: '13812345678', reviewNote: '资金证明待补充',
  });
  await m.Progress.create({ projectCode: CODE, reportDate: '2026-10-25', progressPercent: 60, reportedFloorArea: 30_000, reportedHeight: 45, storeys: 15, inspectorRemark: '现场与填报不符' });
  subgraph = await startSubgraph(housingSubgraph, conn);
});
afterAll(async () => {
  await subgraph?.stop();
  await store.closeAll();
});

const QUERY = `query Matrix($c: String!) { _entities(representations: [{ __typename: "Project", code: $c }]) { ... on Project {
  name
  permit { permitNo contractValue projectManagerName projectManagerPhone reviewNote }
  latestProgress { reportedHeight inspectorRemark } } } }`;

async function asCaller(auth: string) {
  const r = await request(subgraph.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query: QUERY, variables: { c: CODE } });
  expect(r.status).toBe(200);
  const forbidden = (r.body.errors ?? [])
    .filter((e: { extensions: { code: string } }) => e.extensions.code === 'FORBIDDEN')
    .map((e: { extensions: { field: string } }) => e.extensions.field)
    .sort();
  expect((r.body.errors ?? []).length).toBe(forbidden.length);
  return { project: r.body.data._entities[0], forbidden, errors: r.body.errors ?? [] };
}

test('the owner sees every field in clear', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'housing' }));
  expect(forbidden).toEqual([]);
  expect(project).toEqual({
    name: '兰山区示范住宅项目',
    permit: { permitNo: '371302202400010101', contractValue: 123_456_789, projectManagerName: '张建军', projectManagerPhone: '13812345678', reviewNote: '资金证明待补充' },
    latestProgress: { reportedHeight: 45, inspectorRemark: '现场与填报不符' },
  });
});

test('another department without the purpose: OPEN only, the manager name masked', async () => {
  const { project, forbidden, errors } = await asCaller(bearer({ dept: 'citymgmt', purposes: ['pollution-enforcement'] }));
  expect(forbidden).toEqual(['ConstructionPermit.contractValue', 'ConstructionPermit.projectManagerPhone', 'ConstructionPermit.reviewNote', 'ProgressReport.inspectorRemark']);
  expect(project).toEqual({
    name: '兰山区示范住宅项目',
    permit: { permitNo: '371302202400010101', contractValue: null, projectManagerName: '张**', projectManagerPhone: null, reviewNote: null },
    latestProgress: { reportedHeight: 45, inspectorRemark: null },
  });
  const contract = errors.find((e: { extensions: { field: string } }) => e.extensions.field === 'ConstructionPermit.contractValue');
  expect(contract.extensions.requiredPurposes).toEqual(['planning-supervision', 'wage-enforcement']);
});

test('another department with planning-supervision: the contract value, still no personal data in clear', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'resources', purposes: ['planning-supervision'] }));
  expect(forbidden).toEqual(['ConstructionPermit.projectManagerPhone', 'ConstructionPermit.reviewNote', 'ProgressReport.inspectorRemark']);
  expect(project.permit).toEqual({ permitNo: '371302202400010101', contractValue: 123_456_789, projectManagerName: '张**', projectManagerPhone: null, reviewNote: null });
});

test('another department with wage-enforcement: contract value and the manager in clear, never the owner-only notes', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'hrss', purposes: ['wage-enforcement'] }));
  expect(forbidden).toEqual(['ConstructionPermit.reviewNote', 'ProgressReport.inspectorRemark']);
  expect(project.permit).toEqual({ permitNo: '371302202400010101', contractValue: 123_456_789, projectManagerName: '张建军', projectManagerPhone: '13812345678', reviewNote: null });
  expect(project.latestProgress).toEqual({ reportedHeight: 45, inspectorRemark: null });
});

test('the public: OPEN fields only, personal data masked', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'public' }));
  expect(forbidden).toEqual(['ConstructionPermit.contractValue', 'ConstructionPermit.projectManagerPhone', 'ConstructionPermit.reviewNote', 'ProgressReport.inspectorRemark']);
  expect(project.permit.projectManagerName).toBe('张**');
  expect(project.name).toBe('兰山区示范住宅项目');
});

test('reads by other departments are in the audit trail; the owner\'s are not', async () => {
  const trail = (await subgraph.audit.records()).reverse();
  expect(trail.map((r) => r.dept)).toEqual(['citymgmt', 'resources', 'hrss', 'public']);
  const hrss = trail.find((r) => r.dept === 'hrss')!;
  expect(hrss.reads.find((x) => x.type === 'ConstructionPermit')?.fields).toEqual(expect.arrayContaining(['contractValue', 'projectManagerPhone']));
  expect(hrss.reads.find((x) => x.type === 'Project')?.keys).toEqual([CODE]);
  expect((await subgraph.audit.verify()).ok).toBe(true);
});

test('concurrent reads by another department share audit inserts (commit delay), and each is recorded', async () => {
  // A second server on the same silo, with a long delay: a write waits for every read in flight.
  const waiting = await startSubgraph(housingSubgraph, await store.connect('housing'), { auditCommitDelayMs: 1000 });
  try {
    const auth = bearer({ dept: 'resources' });
    const url = waiting.url.replace(/\/graphql$/, '');
    const replies = await Promise.all(Array.from({ length: 10 }, () => request(url).post('/graphql').set('authorization', auth).send({ query: QUERY, variables: { c: CODE } })));
    expect(replies.map((r) => r.body.data._entities[0].name)).toEqual(Array(10).fill('兰山区示范住宅项目'));
    expect(waiting.audit.stats.appends).toBe(10);
    expect(waiting.audit.stats.records).toBe(10);
    // Without the announcement each reply would have its own insert (9–10 measured with the delay at 0).
    expect(waiting.audit.stats.inserts).toBeLessThanOrEqual(3);
    const trail = await waiting.audit.records({ dept: 'resources' });
    expect(trail.length).toBeGreaterThanOrEqual(10);
    expect(await waiting.audit.verify()).toMatchObject({ ok: true });
  } finally {
    await waiting.stop();
  }
});

test('a read by another department that fails (bad JSON, a syntax error, an unknown field) leaves no audit ticket behind', async () => {
  // A long delay: a ticket left outstanding would hold every later audit write for a second.
  const waiting = await startSubgraph(housingSubgraph, await store.connect('housing'), { auditCommitDelayMs: 1000 });
  try {
    const url = waiting.url.replace(/\/graphql$/, '');
    const auth = bearer({ dept: 'resources' });
    const badJson = await request(url).post('/graphql').set('authorization', auth).set('content-type', 'application/json').send('{"query": ');
    expect(badJson.status).toBe(400);
    const syntax = await request(url).post('/graphql').set('authorization', auth).send({ query: '{ _entities(' });
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await request(url).post('/graphql').set('authorization', auth).send({ query: '{ noSuchField }' });
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(waiting.audit.outstanding).toBe(0);
    const good = await request(url).post('/graphql').set('authorization', auth).send({ query: QUERY, variables: { c: CODE } });
    expect(good.body.data._entities[0].name).toBe('兰山区示范住宅项目');
    expect(waiting.audit.outstanding).toBe(0);
    // Nothing was read by the failed requests, so only the good one is on record, in its own insert.
    expect(waiting.audit.stats).toMatchObject({ appends: 1, inserts: 1, records: 1 });
  } finally {
    await waiting.stop();
  }
});

test('when the audit record cannot be stored, no data leaves the subgraph: 500, no data, and nothing half-written', async () => {
  // A real store constraint the trail does not expect (a unique request id) makes the second insert fail.
  const conn = await store.connect('housing_audit_fails');
  await createHousingModels(conn).Project.create({ code: CODE, name: '兰山区示范住宅项目', district: '371302', districtName: '兰山区', address: '临沂市兰山区沂蒙路1号', status: 'IN_PROGRESS', lng: 118.35, lat: 35.06 });
  const failing = await startSubgraph(housingSubgraph, conn);
  try {
    await failing.audit.model.init();
    await conn.db!.collection('audit_trail').createIndex({ requestId: 1 }, { unique: true });
    const url = failing.url.replace(/\/graphql$/, '');
    const ask = () => request(url).post('/graphql').set('authorization', bearer({ dept: 'resources' })).set(requestIdHeaders('same-id')).send({ query: QUERY, variables: { c: CODE } });
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.body.data._entities[0].name).toBe('兰山区示范住宅项目');
    // The service's log says why (a JSON line on stderr); the client learns nothing of the data.
    const logged = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let second: Awaited<ReturnType<typeof ask>>;
    let log: string;
    try {
      second = await ask();
      log = logged.mock.calls.flat().map(String).join(' ');
    } finally {
      logged.mockRestore();
    }
    expect(log).toMatch(/"level":"error"/);
    expect(log).toMatch(/audit trail insert failed: E11000/);
    expect(log).toMatch(/"service":"subgraph housing"/);
    expect(second.status).toBe(500);
    expect(second.body.data).toBeUndefined();
    expect(JSON.stringify(second.body)).not.toContain('兰山区');
    expect(second.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await failing.audit.records()).map((r) => r.requestId)).toEqual(['same-id']);
    expect(await failing.audit.verify()).toMatchObject({ ok: true, checked: 1 });
  } finally {
    await failing.stop();
  }
});
