/** The gateway answers through a subgraph, both on port 0, on the embedded store. */
import { housingSubgraph } from '../../subgraphs/housing/server';
import { createHousingModels } from '../../subgraphs/housing/models';
import { testStore } from '../harness/db';
import { startGateway, startSubgraph, type GatewayHandle, type Started } from '../harness/services';
import { bearer } from '../harness/tokens';

const store = testStore();
let housing: Started;
let gateway: GatewayHandle;

beforeAll(async () => {
  const conn = await store.connect('housing');
  await createHousingModels(conn).Project.create({
    code: '2024-371302-47-01-A1B2C3', name: '兰山区示范项目', district: '371302', districtName: '兰山区',
    address: '临沂市兰山区', status: 'IN_PROGRESS', lng: 118.35, lat: 35.06,
  });
  housing = await startSubgraph(housingSubgraph, conn);
  gateway = await startGateway({ housing: housing.url });
});
afterAll(async () => {
  await gateway?.stop();
  await housing?.stop();
  await store.closeAll();
});

test('answers { __typename } and a project through the gateway', async () => {
  const auth = bearer({ dept: 'housing' });
  const t = await gateway.query('{ __typename }', undefined, auth);
  expect(t.status).toBe(200);
  expect(t.body).toEqual({ data: { __typename: 'Query' } });

  const r = await gateway.query('query($c: String!) { project(code: $c) { code name location { lng lat } } }', { c: '2024-371302-47-01-A1B2C3' }, auth);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.project).toEqual({ code: '2024-371302-47-01-A1B2C3', name: '兰山区示范项目', location: { lng: 118.35, lat: 35.06 } });
});

test('rejects a request without a token with 401 UNAUTHENTICATED', async () => {
  const r = await gateway.query('{ __typename }');
  expect(r.status).toBe(401);
  expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
});
