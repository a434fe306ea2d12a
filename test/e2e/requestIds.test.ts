/**
 * Request ids belong to the server (issue 22): a caller's `x-request-id`, sent to the gateway or straight to a
 * subgraph, is kept only as its clientRequestId; it is nowhere a request id — not the answer's `x-request-id`,
 * not in any owner's audit trail — while the gateway's own id reaches the owner's audit record of the read.
 * A subgraph adopts an id only with a valid signature (the services of this test share the secret, as
 * npm start's processes share the data dir); a forged one is ignored.
 */
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { requestIdHeaders, signRequestId } from '../../lib/http/requestId';
import { DEPARTMENTS } from '../../lib/config';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 3, monitoringDays: 1 });
}, 180_000);
afterAll(async () => {
  await system?.stop();
});

const READ = 'query Permit($code: String!) { project(code: $code) { code name } }';
const ENTITY = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Project { code name } } }';
const officer = bearer({ dept: 'hrss', purposes: ['wage-enforcement'] });
const gatewayBase = () => system.gateway.url.replace(/\/graphql$/, '');
const housingBase = () => system.subgraphUrls.housing.replace(/\/graphql$/, '');
const code = () => system.city.projects[0].code;
const unique = (what: string) => `${what}-${Date.now()}-${randomBytes(3).toString('hex')}`;

/** Every audit record anywhere (each silo's store) carrying this request id. */
async function recordsAnywhere(requestId: string): Promise<number> {
  let n = 0;
  for (const name of [...DEPARTMENTS, 'joint']) n += await system.connections[name].collection('audit_trail').countDocuments({ requestId });
  return n;
}

/** housing's trail as its admin reads it, for one request id. */
async function housingTrail(requestId: string): Promise<{ requestId: string; dept: string }[]> {
  const r = await request(gatewayBase())
    .post('/graphql')
    .set('authorization', bearer({ dept: 'housing', roles: ['admin'] }))
    .send({ query: 'query T($r: String) { housingAuditTrail(filter: { requestId: $r }) { requestId dept } }', variables: { r: requestId } });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.housingAuditTrail;
}

test('through the gateway: the chosen id is only the client’s; the gateway’s id is what the owner records', async () => {
  const chosen = unique('chosen-by-client');
  const r = await request(gatewayBase()).post('/graphql').set('authorization', officer).set('x-request-id', chosen).send({ query: READ, variables: { code: code() } });
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.project.code).toBe(code());
  const gatewayId = r.headers['x-request-id'];
  expect(gatewayId).toMatch(/^[0-9a-f-]{36}$/);
  expect(gatewayId).not.toBe(chosen);
  expect(r.headers['x-client-request-id']).toBe(chosen);

  // housing recorded hrss's read of its project under the gateway's id, and nowhere is the chosen id a request id.
  expect(await housingTrail(gatewayId)).toEqual([{ requestId: gatewayId, dept: 'hrss' }]);
  expect(await housingTrail(chosen)).toEqual([]);
  expect(await recordsAnywhere(chosen)).toBe(0);
});

test('straight to a subgraph with a valid token: the chosen id is not adopted, nor recorded', async () => {
  const chosen = unique('direct-chosen');
  const r = await request(housingBase())
    .post('/graphql')
    .set('authorization', officer)
    .set('x-request-id', chosen)
    .send({ query: ENTITY, variables: { r: [{ __typename: 'Project', code: code() }] } });
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data._entities[0].code).toBe(code());
  const ownId = r.headers['x-request-id'];
  expect(ownId).not.toBe(chosen);
  expect(r.headers['x-client-request-id']).toBe(chosen);
  expect(await housingTrail(ownId)).toEqual([{ requestId: ownId, dept: 'hrss' }]);
  expect(await recordsAnywhere(chosen)).toBe(0);
});

test('a forged signature is ignored; a signature under the shared secret is adopted', async () => {
  const ask = (headers: Record<string, string>) =>
    request(housingBase()).post('/graphql').set('authorization', officer).set(headers).send({ query: ENTITY, variables: { r: [{ __typename: 'Project', code: code() }] } });

  const forgedId = unique('forged');
  const wrongKey = Buffer.from('not-the-shared-secret-but-long-enough-000', 'utf8');
  for (const signature of [signRequestId(forgedId, wrongKey), signRequestId(`${forgedId}-other`), 'A'.repeat(43)]) {
    const r = await ask({ 'x-request-id': forgedId, 'x-xietong-request-id-signature': signature });
    expect(r.body.errors).toBeUndefined();
    expect(r.headers['x-request-id']).not.toBe(forgedId);
  }
  expect(await recordsAnywhere(forgedId)).toBe(0);

  // What the gateway sends (its id and the HMAC under the shared secret) is adopted and recorded.
  const signedId = unique('signed');
  const r = await ask(requestIdHeaders(signedId));
  expect(r.headers['x-request-id']).toBe(signedId);
  expect(r.headers['x-client-request-id']).toBeUndefined();
  expect(await housingTrail(signedId)).toEqual([{ requestId: signedId, dept: 'hrss' }]);
});
