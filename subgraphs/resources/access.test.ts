/**
 * Access matrix of the 自然资源 catalogue, by direct HTTP to the subgraph: for an OPEN, a CONDITIONAL
 * and an OWNER_ONLY field, and for personal data, what the owner, another department without the
 * purpose, another department with it, and the public receive.
 */
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startSubgraph, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { resourcesSubgraph } from './server';
import { fixtureProjectCode, seedResources } from './testFixtures';

const store = testStore();
let subgraph: Started;

beforeAll(async () => {
  const conn = await store.connect('resources');
  await seedResources(conn, 1);
  subgraph = await startSubgraph(resourcesSubgraph, conn);
});
afterAll(async () => {
  await subgraph?.stop();
  await store.closeAll();
});

const QUERY = `query($c: String!) { _entities(representations: [{ __typename: "Project", code: $c }]) { ... on Project {
  parcel { landUse grantPrice }
  approvedFloorArea
  engineeringPlanningPermit { contactName contactPhone } } } }`;

async function asCaller(auth: string) {
  const r = await request(subgraph.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query: QUERY, variables: { c: fixtureProjectCode(0) } });
  expect(r.status).toBe(200);
  const project = r.body.data._entities[0];
  const forbidden = (r.body.errors ?? [])
    .filter((e: { extensions: { code: string } }) => e.extensions.code === 'FORBIDDEN')
    .map((e: { extensions: { field: string } }) => e.extensions.field)
    .sort();
  return { project, forbidden };
}

test('the owner sees every field in clear', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'resources' }));
  expect(forbidden).toEqual([]);
  expect(project).toEqual({
    parcel: { landUse: '住宅用地', grantPrice: 1_000_000 },
    approvedFloorArea: 20_000,
    engineeringPlanningPermit: { contactName: '王建国', contactPhone: '13912345678' },
  });
});

test('another department without the purpose: OPEN only, personal name masked', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'citymgmt', purposes: ['complaint-handling'] }));
  expect(forbidden).toEqual(['Parcel.grantPrice', 'PlanningPermit.contactPhone', 'Project.approvedFloorArea']);
  expect(project).toEqual({
    parcel: { landUse: '住宅用地', grantPrice: null },
    approvedFloorArea: null,
    engineeringPlanningPermit: { contactName: '王**', contactPhone: null },
  });
});

test('another department with planning-supervision: CONDITIONAL fields and personal data in clear, OWNER_ONLY still denied', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'housing', purposes: ['planning-supervision'] }));
  expect(forbidden).toEqual(['Parcel.grantPrice']);
  expect(project).toEqual({
    parcel: { landUse: '住宅用地', grantPrice: null },
    approvedFloorArea: 20_000,
    engineeringPlanningPermit: { contactName: '王建国', contactPhone: '13912345678' },
  });
});

test('the public: OPEN only, masked', async () => {
  const { project, forbidden } = await asCaller(bearer({ dept: 'public' }));
  expect(forbidden).toEqual(['Parcel.grantPrice', 'PlanningPermit.contactPhone', 'Project.approvedFloorArea']);
  expect(project).toEqual({
    parcel: { landUse: '住宅用地', grantPrice: null },
    approvedFloorArea: null,
    engineeringPlanningPermit: { contactName: '王**', contactPhone: null },
  });
});
