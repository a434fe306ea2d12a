/** 城管 subgraph over HTTP on FerretDB: lists, filters, pagination, entity fields, argument errors, and the gateway. */
import type { Connection } from 'mongoose';
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startGateway, startSubgraph, type GatewayHandle, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { createHousingModels } from '../housing/models';
import { housingSubgraph } from '../housing/server';
import { createCitymgmtModels } from './models';
import { citymgmtSubgraph } from './server';
import { insertCitymgmtFixtures, PROJECT_A, PROJECT_B, USCC_A } from './testData';

const store = testStore();
let conn: Connection;
let citymgmt: Started;
const OWNER = bearer({ dept: 'citymgmt' });

beforeAll(async () => {
  conn = await store.connect('citymgmt');
  await insertCitymgmtFixtures(createCitymgmtModels(conn));
  citymgmt = await startSubgraph(citymgmtSubgraph, conn);
});
afterAll(async () => {
  await citymgmt?.stop();
  await store.closeAll();
});

async function gql(query: string, variables: Record<string, unknown> = {}, auth = OWNER) {
  const u = new URL(citymgmt.url);
  const r = await request(u.origin).post(u.pathname).set('authorization', auth).send({ query, variables });
  expect(r.status).toBe(200);
  return r.body as { data: any; errors?: any[] };
}

const COMPLAINTS = `query($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { orderNo receivedAt receivedAtNight category categoryName status projectCode } }
  } }`;

test('complaints: newest first, every order exactly once across pages (ties on time broken by order no)', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const r = await gql(COMPLAINTS, { first: 2, after });
    expect(r.errors).toBeUndefined();
    expect(r.data.complaints.totalCount).toBe(5);
    seen.push(...r.data.complaints.edges.map((e: any) => e.node.orderNo));
    if (!r.data.complaints.pageInfo.hasNextPage) break;
    after = r.data.complaints.pageInfo.endCursor;
  }
  expect(seen).toEqual(['GD2026101000003', 'GD2026101000002', 'GD2026101000001', 'GD2026100400001', 'GD2026100200001']);
});

test('complaints: filters by category, district, status, project, period; local times and night flag', async () => {
  const night = await gql(COMPLAINTS, { filter: { category: 'NIGHT_CONSTRUCTION_NOISE' } });
  expect(night.data.complaints.edges.map((e: any) => e.node)).toEqual([
    { orderNo: 'GD2026100400001', receivedAt: '2026-10-04T01:30:00+08:00', receivedAtNight: true, category: 'NIGHT_CONSTRUCTION_NOISE', categoryName: '夜间施工扰民', status: 'CLOSED', projectCode: PROJECT_A },
    { orderNo: 'GD2026100200001', receivedAt: '2026-10-02T23:15:00+08:00', receivedAtNight: true, category: 'NIGHT_CONSTRUCTION_NOISE', categoryName: '夜间施工扰民', status: 'REPLIED', projectCode: PROJECT_A },
  ]);
  const count = async (filter: object) => (await gql(COMPLAINTS, { filter })).data.complaints.totalCount;
  expect(await count({ district: '371311' })).toBe(2);
  expect(await count({ status: 'RECEIVED' })).toBe(2);
  expect(await count({ projectCode: PROJECT_B })).toBe(1);
  expect(await count({ from: '2026-10-03', to: '2026-10-10 10:00:00' })).toBe(1);
  expect(await count({ from: '2026-10-10T02:00:00Z' })).toBe(3);
});

test('violations and enforcement cases: filters, open cases, history and 首违不罚', async () => {
  const v = await gql(`{ violations(filter: { type: MUCK }) { totalCount edges { node { violationNo typeName source foundAt enterpriseUscc usccNeedsReview } } } }`);
  expect(v.data.violations).toEqual({ totalCount: 1, edges: [{ node: { violationNo: 'WF1002', typeName: '渣土', source: 'PATROL', foundAt: '2026-10-11T10:00:00+08:00', enterpriseUscc: USCC_A, usccNeedsReview: false } }] });
  const open = await gql(`{ enforcementCases(filter: { open: true }) { totalCount edges { node { caseNo state } } } }`);
  expect(open.data.enforcementCases.edges.map((e: any) => e.node.caseNo)).toEqual(['C-0004', 'C-0003', 'C-0001']);
  const closed = await gql(`{ enforcementCases(filter: { open: false, enterpriseUscc: "${USCC_A}" }) { edges { node {
    caseNo state firstViolationNoPenalty penaltyAmount closedAt history { state at } violation { violationNo } } } } }`);
  expect(closed.data.enforcementCases.edges[0].node).toEqual({
    caseNo: 'C-0002', state: 'CLOSED', firstViolationNoPenalty: true, penaltyAmount: 0, closedAt: '2026-10-16T09:00:00+08:00',
    history: [
      { state: 'FILED', at: '2026-10-12T09:00:00+08:00' }, { state: 'INVESTIGATING', at: '2026-10-13T09:00:00+08:00' },
      { state: 'DECIDED', at: '2026-10-15T09:00:00+08:00' }, { state: 'CLOSED', at: '2026-10-16T09:00:00+08:00' },
    ],
    violation: { violationNo: 'WF1002' },
  });
  const byState = await gql(`{ enforcementCases(filter: { state: FILED, open: false }) { totalCount } }`);
  expect(byState.data.enforcementCases.totalCount).toBe(0);
});

test('Project and Enterprise entities: complaints in a period, counts, violations, open cases, penalties; unknown keys empty', async () => {
  const r = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Project { code complaintCount nightCount: complaintCount(category: NIGHT_CONSTRUCTION_NOISE, from: "2026-10-03") complaints(category: DUST) { orderNo }
      violations { violationNo } openEnforcementCases { caseNo } enforcementCases { caseNo } }
    ... on Enterprise { uscc violations { violationNo } penalties { caseNo amount firstViolationNoPenalty decidedAt } totalPenaltyAmount }
  } }`, { reps: [
    { __typename: 'Project', code: PROJECT_A }, { __typename: 'Enterprise', uscc: USCC_A }, { __typename: 'Project', code: '2020-000000-00-00-000000' },
  ] });
  expect(r.errors).toBeUndefined();
  expect(r.data._entities).toEqual([
    { code: PROJECT_A, complaintCount: 3, nightCount: 1, complaints: [{ orderNo: 'GD2026101000001' }], violations: [{ violationNo: 'WF1001' }],
      openEnforcementCases: [{ caseNo: 'C-0003' }, { caseNo: 'C-0001' }], enforcementCases: [{ caseNo: 'C-0003' }, { caseNo: 'C-0001' }] },
    { uscc: USCC_A, violations: [{ violationNo: 'WF1002' }, { violationNo: 'WF1001' }],
      penalties: [
        { caseNo: 'C-0003', amount: 30000, firstViolationNoPenalty: false, decidedAt: '2026-10-18T09:00:00+08:00' },
        { caseNo: 'C-0002', amount: 0, firstViolationNoPenalty: true, decidedAt: '2026-10-15T09:00:00+08:00' },
      ],
      totalPenaltyAmount: 30000 },
    { code: '2020-000000-00-00-000000', complaintCount: 0, nightCount: 0, complaints: [], violations: [], openEnforcementCases: [], enforcementCases: [] },
  ]);
});

test.each([
  ['first', `{ complaints(first: 0) { totalCount } }`],
  ['first', `{ violations(first: 101) { totalCount } }`],
  ['after', `{ enforcementCases(after: "not-a-cursor") { totalCount } }`],
  ['filter.projectCode', `{ complaints(filter: { projectCode: "2024-1" }) { totalCount } }`],
  ['filter.district', `{ complaints(filter: { district: "兰山区" }) { totalCount } }`],
  ['filter.from', `{ violations(filter: { from: "2026-02-30" }) { totalCount } }`],
  ['filter.to', `{ complaints(filter: { from: "2026-10-05", to: "2026-10-01" }) { totalCount } }`],
  ['filter.enterpriseUscc', `{ enforcementCases(filter: { enterpriseUscc: "123" }) { totalCount } }`],
])('BAD_USER_INPUT naming %s', async (argument, query) => {
  const r = await gql(query);
  expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
});

describe('through the gateway with housing', () => {
  let housingConn: Connection;
  let housing: Started;
  let gateway: GatewayHandle;
  beforeAll(async () => {
    housingConn = await store.connect('housing');
    await createHousingModels(housingConn).Project.create({
      code: PROJECT_A, name: '兰山区示范项目', district: '371302', districtName: '兰山区', address: '临沂市兰山区', status: 'IN_PROGRESS', lng: 118.35, lat: 35.06,
    });
    housing = await startSubgraph(housingSubgraph, housingConn);
    gateway = await startGateway({ housing: housing.url, citymgmt: citymgmt.url });
  });
  afterAll(async () => {
    await gateway?.stop();
    await housing?.stop();
  });

  test('project(code) joins the registry entry with complaints, violations and open cases', async () => {
    const r = await gateway.query(`query($c: String!) { project(code: $c) { name complaintCount(category: NIGHT_CONSTRUCTION_NOISE)
      openEnforcementCases { caseNo state } complaints(category: NIGHT_CONSTRUCTION_NOISE) { orderNo project { name } } } }`, { c: PROJECT_A }, OWNER);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.project).toEqual({
      name: '兰山区示范项目', complaintCount: 2,
      openEnforcementCases: [{ caseNo: 'C-0003', state: 'EXECUTING' }, { caseNo: 'C-0001', state: 'INVESTIGATING' }],
      complaints: [{ orderNo: 'GD2026100400001', project: { name: '兰山区示范项目' } }, { orderNo: 'GD2026100200001', project: { name: '兰山区示范项目' } }],
    });
  });
});
