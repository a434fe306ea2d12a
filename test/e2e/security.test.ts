/**
 * Security through the gateway on the seeded city: the owner decides (catalogue), personal data is
 * masked, and every read by another department lands in the owner's audit trail — with the request
 * id the gateway propagated — which only the owner's admins can read and verify.
 */
import request from 'supertest';
import { createAuditModel } from '../../subgraphs/common/audit';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 12, monitoringDays: 2 });
}, 240_000);
afterAll(() => system?.stop());

function query(q: string, variables: Record<string, unknown>, authorization: string, requestId?: string) {
  const r = request(system.gateway.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', authorization);
  return (requestId ? r.set('x-request-id', requestId) : r).send({ query: q, variables });
}

const PROJECT_WAGES = 'query Wages($code: String!) { project(code: $code) { code name workforce wageStatus(month: "2026-10", asOf: "2026-11-23") { workersUnpaid } } }';

test('a department without the purpose gets the rest of the answer, the denied field null with FORBIDDEN naming it', async () => {
  const code = system.city.projects[0].code;
  const r = await query(PROJECT_WAGES, { code }, bearer({ dept: 'citymgmt' }));
  expect(r.body.data.project).toMatchObject({ code, name: system.city.projects[0].name, wageStatus: null });
  expect(r.body.data.project.workforce).toBeGreaterThan(0);
  expect(r.body.errors).toEqual([
    expect.objectContaining({
      path: ['project', 'wageStatus'],
      extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'Project.wageStatus', requiredPurposes: expect.arrayContaining(['wage-enforcement']) }),
    }),
  ]);
  const withPurpose = await query(PROJECT_WAGES, { code }, bearer({ dept: 'citymgmt', purposes: ['wage-enforcement'] }));
  expect(withPurpose.body.errors).toBeUndefined();
  expect(withPurpose.body.data.project.wageStatus).toEqual({ workersUnpaid: expect.any(Number) });
});

test('reads by another department are in the owner’s audit trail with the propagated request id; only its admins read and verify it', async () => {
  const code = system.city.projects[1].code;
  // The trail records the gateway's own request id, the one the answer's x-request-id header gives.
  const served = await query(PROJECT_WAGES, { code }, bearer({ dept: 'joint', sub: 'inspector-7', purposes: ['wage-enforcement'] })).expect(200);
  const requestId = served.headers['x-request-id'] as string;

  const trail = `query Trail($rid: String) { hrssAuditTrail(filter: { requestId: $rid }) { seq sub dept purposes operationName requestId reads { type keys fields } } verifyHrssAuditTrail { ok checked } }`;
  const admin = await query(trail, { rid: requestId }, bearer({ dept: 'hrss', roles: ['admin'] }));
  expect(admin.body.errors).toBeUndefined();
  const [record] = admin.body.data.hrssAuditTrail;
  expect(record).toMatchObject({ sub: 'inspector-7', dept: 'joint', purposes: ['wage-enforcement'], operationName: 'Wages', requestId });
  expect(record.reads).toEqual(expect.arrayContaining([{ type: 'Project', keys: [code], fields: expect.arrayContaining(['wageStatus', 'workforce']) }]));
  expect(admin.body.data.verifyHrssAuditTrail.ok).toBe(true);

  // The owner's own reads are not recorded; other departments and non-admins cannot read the trail.
  const own = await query(PROJECT_WAGES, { code }, bearer({ dept: 'hrss' }));
  expect(own.body.errors).toBeUndefined();
  const ownTrail = await query(trail, { rid: own.headers['x-request-id'] }, bearer({ dept: 'hrss', roles: ['admin'] }));
  expect(ownTrail.body.data.hrssAuditTrail).toEqual([]);
  for (const caller of [bearer({ dept: 'hrss', roles: ['inspector'] }), bearer({ dept: 'joint', roles: ['admin'], purposes: ['wage-enforcement'] })]) {
    const denied = await query(trail, { rid: requestId }, caller);
    expect(denied.body.data).toEqual({ hrssAuditTrail: null, verifyHrssAuditTrail: null });
    expect(denied.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  }
});

test('an edit made directly in the database is reported by verify', async () => {
  await query(PROJECT_WAGES, { code: system.city.projects[2].code }, bearer({ dept: 'housing', purposes: ['wage-enforcement'] })).expect(200);
  const model = createAuditModel(system.connections.hrss);
  const first = await model.findOne().sort({ seq: 1 }).lean();
  await model.collection.updateOne({ seq: first!.seq }, { $set: { dept: 'environment' } });
  const r = await query('{ verifyHrssAuditTrail { ok brokenAt reason } }', {}, bearer({ dept: 'hrss', roles: ['auditor'] }));
  expect(r.body.data.verifyHrssAuditTrail).toMatchObject({ ok: false, brokenAt: first!.seq, reason: expect.stringMatching(/altered/) });
});

test('personal data crosses departments masked unless a purpose unlocks it', async () => {
  const code = system.city.projects[3].code;
  const permitQuery = '{ project(code: "' + code + '") { permit { projectManagerName } } }';
  const masked = await query(permitQuery, {}, bearer({ dept: 'environment' }));
  const clear = await query(permitQuery, {}, bearer({ dept: 'housing' }));
  const name: string = clear.body.data.project.permit.projectManagerName;
  expect(name.length).toBeGreaterThan(1);
  expect(masked.body.data.project.permit.projectManagerName).toBe(name[0] + '*'.repeat(Array.from(name).length - 1));
});
