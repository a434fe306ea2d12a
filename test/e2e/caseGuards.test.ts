/**
 * The case file's guards through the gateway: every illegal transition, the procedure's conditions, who
 * sees and writes, bad input, idempotent retries, racing writers and the FILED → DECIDED clock.
 */
import request from 'supertest';
import { startSubgraph } from '../harness/services';
import { createJointSubgraph } from '../../subgraphs/joint/server';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';
import { CaseStore } from '../../subgraphs/joint/cases/caseStore';
import { canonical, sha256Hex } from '../../subgraphs/joint/cases/chain';
import { CASE_STATES, TRANSITIONS, type CaseEvent, type CaseState } from '../../subgraphs/joint/cases/procedure';
import { ADVANCE, ATTACH, CASE_FIELDS, gql, housingOfficer, hrssOfficer, hrssReviewer, ok, OPEN_CASE } from './caseSupport';

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 12, monitoringDays: 2 });
}, 240_000);
afterAll(() => system?.stop());

const DAY = 86_400_000;
const citymgmtOfficer = bearer({ dept: 'citymgmt', sub: 'cm-1', roles: ['enforcement-officer'], purposes: ['wage-enforcement'] });
const publicToken = bearer({ dept: 'public', sub: 'anyone', roles: ['enforcement-officer', 'legal-reviewer'] });

function input(extra: Record<string, unknown> = {}) {
  return { kind: 'WAGE_ARREARS', title: '欠薪案', subject: { projectCode: system.city.projects[0].code }, departments: ['housing'], purpose: 'wage-enforcement', ...extra };
}

async function open(extra: Record<string, unknown> = {}, auth = hrssOfficer()): Promise<any> {
  return (await ok(gql(system, OPEN_CASE, { input: input(extra) }, auth))).openCase;
}

async function move(id: string, to: CaseState, extra: Record<string, unknown> = {}, auth = hrssOfficer()) {
  return gql(system, ADVANCE, { id, to, ...extra }, auth);
}

const STEP: Partial<Record<CaseState, Record<string, unknown>>> = {
  INVESTIGATING: { officers: ['hrss-officer-1', 'hrss-officer-2'] },
  LEGAL_REVIEW: { review: { passed: true } },
  DECIDED: { waived: true, decision: { type: 'PENALTY', documentNumber: '临人社罚〔2026〕1号', summary: '罚款' } },
};
const authFor = (to: CaseState) => (to === 'LEGAL_REVIEW' ? hrssReviewer() : hrssOfficer());

async function expectRefused(id: string, from: CaseState, chainLength: number) {
  for (const to of CASE_STATES.filter((s) => !TRANSITIONS[from].includes(s))) {
    const r = await move(id, to, STEP[to] ?? {}, authFor(to));
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', state: from, allowed: [...TRANSITIONS[from]] });
    expect(r.errors?.[0]?.message).toContain(`Allowed next states: ${TRANSITIONS[from].length ? TRANSITIONS[from].join(', ') : 'none'}`);
  }
  const c = (await ok(gql(system, `query C($id: ID!) { case(id: $id) { state chainLength } }`, { id }, hrssOfficer()))).case;
  expect(c).toEqual({ state: from, chainLength });
}

test('every illegal transition is BAD_USER_INPUT naming the allowed next states, and changes nothing', async () => {
  const path: CaseState[] = ['INVESTIGATING', 'NOTIFIED', 'HEARING', 'LEGAL_REVIEW', 'DECIDED', 'SERVED', 'ENFORCING', 'CLOSED'];
  const c = await open();
  let state: CaseState = 'FILED';
  let length = 1;
  for (const to of path) {
    await expectRefused(c.id, state, length);
    await ok(move(c.id, to, STEP[to] ?? {}, authFor(to)));
    state = to;
    length += 1;
  }
  await expectRefused(c.id, 'CLOSED', length);
  const dismissed = await open();
  await ok(move(dismissed.id, 'DISMISSED'));
  await expectRefused(dismissed.id, 'DISMISSED', 2);
  const transferred = await open();
  await ok(move(transferred.id, 'INVESTIGATING', STEP.INVESTIGATING));
  await ok(move(transferred.id, 'TRANSFERRED', { note: '涉嫌拒不支付劳动报酬罪，移送公安机关' }));
  await expectRefused(transferred.id, 'TRANSFERRED', 3);
});

test('an investigation needs two officers; the legal review needs a reviewer who did not investigate; no decision without a passed review', async () => {
  const c = await open();
  const lone = await move(c.id, 'INVESTIGATING', { officers: ['hrss-officer-1', ' hrss-officer-1 '] });
  expect(lone.errors?.[0]).toMatchObject({ message: expect.stringContaining('at least two officers'), extensions: { code: 'BAD_USER_INPUT', argument: 'officers' } });
  await ok(move(c.id, 'INVESTIGATING', { officers: ['hrss-officer-1', 'hrss-officer-2'] }));
  await ok(move(c.id, 'NOTIFIED', { waived: true }));
  // An officer cannot record the review; a reviewer who investigated cannot either.
  expect((await move(c.id, 'LEGAL_REVIEW', { review: { passed: true } }, hrssOfficer())).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const own = await move(c.id, 'LEGAL_REVIEW', { review: { passed: true } }, hrssReviewer('hrss-officer-2'));
  expect(own.errors?.[0]).toMatchObject({ message: expect.stringContaining('investigated this case'), extensions: { code: 'FORBIDDEN' } });
  // A review that does not pass: no decision; the case goes back to investigation.
  await ok(move(c.id, 'LEGAL_REVIEW', { review: { passed: false, opinion: '证据不足' } }, hrssReviewer()));
  const decided = await move(c.id, 'DECIDED', STEP.DECIDED);
  expect(decided.errors?.[0]).toMatchObject({ message: expect.stringContaining('no decision without a passed legal review'), extensions: { code: 'BAD_USER_INPUT' } });
  // Moving to DECIDED without a decision of the caller's own department is refused too.
  await ok(move(c.id, 'INVESTIGATING', { officers: ['hrss-officer-1', 'hrss-officer-3'] }));
  await ok(move(c.id, 'NOTIFIED', { waived: true }));
  await ok(move(c.id, 'LEGAL_REVIEW', { review: { passed: true } }, hrssReviewer()));
  expect((await move(c.id, 'DECIDED', { waived: true })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'decision' });
  expect((await ok(move(c.id, 'DECIDED', STEP.DECIDED))).advanceCase.decisions).toEqual([{ department: 'hrss', type: 'PENALTY', documentNumber: '临人社罚〔2026〕1号' }]);
});

test('a non-participating department and public see nothing and write nothing; a participant without a team role writes nothing', async () => {
  const c = await open();
  const read = `query C($id: ID!) { case(id: $id) { id } cases { totalCount edges { node { id } } } }`;
  for (const outsider of [citymgmtOfficer, publicToken]) {
    const r = await ok(gql(system, read, { id: c.id }, outsider));
    expect(r.case).toBeNull();
    expect(r.cases.edges.map((e: any) => e.node.id)).not.toContain(c.id);
    const moveIt = await move(c.id, 'INVESTIGATING', STEP.INVESTIGATING, outsider);
    expect(moveIt.errors?.[0]?.extensions?.code).toBe('NOT_FOUND'); // as for an unknown id
    const v = await gql(system, `query V($id: ID!) { verifyCase(id: $id) { ok } }`, { id: c.id }, outsider);
    expect(v.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  expect((await gql(system, OPEN_CASE, { input: input() }, publicToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await gql(system, OPEN_CASE, { input: input() }, bearer({ dept: 'hrss', sub: 'clerk' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const noRole = await move(c.id, 'INVESTIGATING', STEP.INVESTIGATING, bearer({ dept: 'housing', sub: 'clerk' }));
  expect(noRole.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', requiredRoles: ['enforcement-officer', 'legal-reviewer'] } });
  // housing takes part: it reads the case.
  expect((await ok(gql(system, read, { id: c.id }, housingOfficer()))).case).toEqual({ id: c.id });
});

test('bad input: unknown case, a mutation, a syntax error, an oversize operation — each named, nothing appended', async () => {
  const c = await open();
  expect((await move('LH-1999-000001', 'INVESTIGATING', STEP.INVESTIGATING)).errors?.[0]).toMatchObject({ message: 'No case LH-1999-000001', extensions: { code: 'NOT_FOUND' } });
  const attach = (q: string) => gql(system, ATTACH, { id: c.id, input: { query: q } }, hrssOfficer());
  const mutation = await attach('mutation { openCase(input: {kind: OTHER, title: "x", subject: {}, departments: [], purpose: "x"}) { id } }');
  expect(mutation.errors?.[0]).toMatchObject({ message: expect.stringContaining('a mutation is refused'), extensions: { code: 'BAD_USER_INPUT', argument: 'input.query' } });
  const subscription = await attach('subscription { x }');
  expect(subscription.errors?.[0]?.message).toContain('a subscription is refused');
  const syntax = await attach('query {\n  project(code: "x") {\n    code\n');
  expect(syntax.errors?.[0]).toMatchObject({ message: expect.stringMatching(/syntax error at line 4, column 1/), extensions: { code: 'BAD_USER_INPUT' } });
  const huge = await attach(`query { ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
  expect(huge.errors?.[0]).toMatchObject({ message: expect.stringContaining('over the limit of 16384 (EVIDENCE_MAX_BYTES)'), extensions: { code: 'BAD_USER_INPUT' } });
  const unknownField = await attach('query { project(code: "2026-371302-47-01-000001") { noSuchField } }');
  expect(unknownField.errors?.[0]).toMatchObject({ message: expect.stringContaining('Evidence not captured'), extensions: { code: 'BAD_USER_INPUT' } });
  const after = (await ok(gql(system, `query C($id: ID!) { case(id: $id) { chainLength evidence { id } } }`, { id: c.id }, hrssOfficer()))).case;
  expect(after).toEqual({ chainLength: 1, evidence: [] });
});

test('denied fields are stored as denied, with the FORBIDDEN message', async () => {
  const c = await open();
  const code = system.city.projects[0].code;
  const r = (await ok(gql(system, ATTACH, { id: c.id, input: { query: 'query P($code: String!) { project(code: $code) { code permit { permitNo reviewNote } } }', variables: { code } } }, hrssOfficer()))).attachEvidence;
  expect(r.denied).toEqual([{ path: 'project.permit.reviewNote', field: 'ConstructionPermit.reviewNote', message: expect.stringContaining('不予共享') }]);
  expect(JSON.parse(r.answer)).toEqual({ project: { code, permit: { permitNo: expect.any(String), reviewNote: null } } });
});

test('a retried mutation with the same idempotency key returns the first result and adds nothing', async () => {
  const first = (await ok(gql(system, OPEN_CASE, { input: input(), key: 'open-1' }, hrssOfficer()))).openCase;
  const again = (await ok(gql(system, OPEN_CASE, { input: input(), key: 'open-1' }, hrssOfficer()))).openCase;
  expect(again.id).toBe(first.id);
  // The same key from another caller is another request.
  const other = (await ok(gql(system, OPEN_CASE, { input: input(), key: 'open-1' }, hrssOfficer('hrss-officer-9')))).openCase;
  expect(other.id).not.toBe(first.id);
  const evidence = { id: first.id, input: { query: '{ catalog(subgraph: "joint", type: "Evidence") { coordinate } }' }, key: 'ev-1' };
  const e1 = (await ok(gql(system, ATTACH, evidence, hrssOfficer()))).attachEvidence;
  const e2 = (await ok(gql(system, ATTACH, evidence, hrssOfficer()))).attachEvidence;
  expect(e2).toEqual(e1);
  const moved = await ok(move(first.id, 'INVESTIGATING', { ...STEP.INVESTIGATING, key: 'inv-1' }));
  const movedAgain = await ok(move(first.id, 'INVESTIGATING', { ...STEP.INVESTIGATING, key: 'inv-1' }));
  expect(movedAgain.advanceCase.chainLength).toBe(moved.advanceCase.chainLength);
  const c = (await ok(gql(system, `query C($id: ID!) { case(id: $id) { chainLength evidence { id } events { seq } } }`, { id: first.id }, hrssOfficer()))).case;
  expect(c).toEqual({ chainLength: 3, evidence: [{ id: e1.id }], events: [{ seq: 1 }, { seq: 3 }] });
  const reused = await gql(system, ATTACH, { ...evidence, input: { query: '{ __typename }' } }, hrssOfficer());
  expect(reused.errors?.[0]).toMatchObject({ message: expect.stringContaining('already used by you for a different request'), extensions: { code: 'BAD_USER_INPUT', argument: 'idempotencyKey' } });
});

test('two clients advancing the same case at once: one wins, the other is told the current state', async () => {
  const c = await open();
  await ok(move(c.id, 'INVESTIGATING', STEP.INVESTIGATING));
  const racers = await Promise.all([1, 2, 3, 4].map(() => move(c.id, 'NOTIFIED')));
  const winners = racers.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  for (const loser of racers.filter((r) => r.errors)) {
    // A loser that lost the append gets CONFLICT; one that read the case after the winner is told it is NOTIFIED already.
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(loser.errors![0].extensions?.code);
    expect(loser.errors![0].message).toMatch(/NOTIFIED/);
  }
  const after = (await ok(gql(system, `query C($id: ID!) { case(id: $id) { state chainLength } }`, { id: c.id }, hrssOfficer()))).case;
  expect(after).toEqual({ state: 'NOTIFIED', chainLength: 3 });
});

test('a writer appending from a stale read gets CONFLICT naming the state the case moved to (the store, on the real database)', async () => {
  const c = await open();
  const store = new CaseStore(system.connections.joint);
  const stale = (await store.get(c.id))!;
  const event = (to: CaseState): CaseEvent => ({ type: 'TRANSITION', at: new Date().toISOString(), effectiveAt: new Date().toISOString(), by: { sub: 'x', dept: 'hrss' }, from: 'FILED', to, officers: ['a', 'b'] });
  await store.append(stale, 'event', event('INVESTIGATING'));
  await expect(store.append(stale, 'event', event('DISMISSED'))).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentState: 'INVESTIGATING', seq: 2 } });
  expect((await store.links(c.id)).map((l) => l.seq)).toEqual([1, 2]);
});

test('the FILED → DECIDED clock: overdue after its days, suspended, extended; the 陈述申辩 window elapsed', async () => {
  const now = Date.now();
  const old = await open({ filedAt: new Date(now - 100 * DAY).toISOString() });
  expect(old.overdue).toBe(true);
  expect(Math.abs(Date.parse(old.deadline) - (now - 10 * DAY))).toBeLessThan(120_000);
  const overdue = async () => (await ok(gql(system, `{ cases(filter: { overdue: true }, first: 100) { edges { node { id } } } }`, {}, hrssOfficer()))).cases.edges.map((e: any) => e.node.id);
  expect(await overdue()).toContain(old.id);
  const clock = (action: string, extra: Record<string, unknown> = {}) =>
    gql(system, `mutation K($id: ID!, $action: ClockAction!, $days: Int, $at: String) { recordClockEvent(caseId: $id, action: $action, days: $days, reason: "鉴定", effectiveAt: $at) { overdue clockSuspended deadline } }`, { id: old.id, action, ...extra }, hrssOfficer());
  expect((await ok(clock('EXTEND', { days: 30 }))).recordClockEvent).toMatchObject({ overdue: false, clockSuspended: false });
  expect(await overdue()).not.toContain(old.id);
  expect((await clock('RESUME')).errors?.[0]?.message).toContain('not suspended');
  expect((await ok(clock('SUSPEND'))).recordClockEvent).toMatchObject({ overdue: false, clockSuspended: true });
  expect((await ok(clock('RESUME'))).recordClockEvent).toMatchObject({ overdue: false, clockSuspended: false });

  const fresh = await open({ filedAt: new Date(now - 30 * DAY).toISOString() });
  await ok(move(fresh.id, 'INVESTIGATING', { ...STEP.INVESTIGATING, effectiveAt: new Date(now - 29 * DAY).toISOString() }));
  // Records after the fact: not before the last event, not in the future.
  const before = await move(fresh.id, 'NOTIFIED', { effectiveAt: new Date(now - 40 * DAY).toISOString() });
  expect(before.errors?.[0]).toMatchObject({ message: expect.stringContaining("before the case's last event"), extensions: { argument: 'effectiveAt' } });
  const future = await move(fresh.id, 'NOTIFIED', { effectiveAt: new Date(now + 2 * DAY).toISOString() });
  expect(future.errors?.[0]?.message).toContain('is in the future');
  // Notice 6 days ago: the 5-day 陈述申辩 window has elapsed, no waiver needed.
  await ok(move(fresh.id, 'NOTIFIED', { effectiveAt: new Date(now - 6 * DAY).toISOString() }));
  await ok(move(fresh.id, 'LEGAL_REVIEW', STEP.LEGAL_REVIEW, hrssReviewer()));
  const decided = (await ok(move(fresh.id, 'DECIDED', { decision: { type: 'ORDER_TO_PAY', documentNumber: 'N-1', summary: '责令支付' } }))).advanceCase;
  expect(decided).toMatchObject({ state: 'DECIDED', overdue: false });
});

test('cases lists only the caller department\'s cases, filtered and paged', async () => {
  const a = await open({ title: 'page a' });
  const page = await ok(gql(system, `query L($after: String) { cases(filter: { state: FILED, kind: WAGE_ARREARS }, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${CASE_FIELDS} } } } }`, {}, housingOfficer()));
  expect(page.cases.edges).toHaveLength(2);
  expect(page.cases.totalCount).toBeGreaterThanOrEqual(2);
  expect(page.cases.edges.every((e: any) => e.node.departments.includes('housing') && e.node.state === 'FILED')).toBe(true);
  const all: string[] = [];
  let after: string | null = null;
  for (;;) {
    const p: any = (await ok(gql(system, `query L($after: String) { cases(filter: { state: FILED }, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after }, housingOfficer()))).cases;
    all.push(...p.edges.map((e: any) => e.node.id));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  expect(all).toContain(a.id);
  expect(new Set(all).size).toBe(all.length);
});

test("a read of a case by a participating department other than the lead is in joint's audit trail, with the case number", async () => {
  const c = await open();
  await ok(gql(system, `query Peek($id: ID!) { case(id: $id) { id state evidence { sha256 } } }`, { id: c.id }, housingOfficer('housing-reader')));
  const trail = await ok(gql(system, `{ jointAuditTrail(filter: { sub: "housing-reader" }) { dept sub operationName reads { type keys fields } } }`, {}, bearer({ dept: 'joint', roles: ['auditor'] })));
  const [record] = trail.jointAuditTrail;
  expect(record).toMatchObject({ dept: 'housing', sub: 'housing-reader', operationName: 'Peek' });
  expect(record.reads).toEqual(expect.arrayContaining([
    { type: 'JointCase', keys: [c.id], fields: ['evidence', 'id', 'state'] },
    { type: 'Query', keys: [JSON.stringify({ id: c.id })], fields: ['case'] },
  ]));
});

test('a key left pending by a request that died is taken over by a retry after two minutes, not blocked for ever', async () => {
  const requests = system.connections.joint.db!.collection('joint_case_requests');
  const argsHash = sha256Hex(canonical({ operation: 'openCase', args: input() }));
  await requests.insertOne({ _id: 'hrss:hrss-officer-1:died-1' as any, operation: 'openCase', argsHash, status: 'pending', result: null, createdAt: new Date(Date.now() - 60_000) });
  const running = await gql(system, OPEN_CASE, { input: input(), key: 'died-1' }, hrssOfficer());
  expect(running.errors?.[0]).toMatchObject({ message: expect.stringContaining('still running'), extensions: { code: 'CONFLICT' } });
  await requests.updateOne({ _id: 'hrss:hrss-officer-1:died-1' as any }, { $set: { createdAt: new Date(Date.now() - 180_000) } });
  const retried = (await ok(gql(system, OPEN_CASE, { input: input(), key: 'died-1' }, hrssOfficer()))).openCase;
  const again = (await ok(gql(system, OPEN_CASE, { input: input(), key: 'died-1' }, hrssOfficer()))).openCase;
  expect(again.id).toBe(retried.id);
});

test('a witness that cannot be reached leaves the write in place with a warning on the case; verifyCase says what it could not check', async () => {
  // A second joint service on the same database whose gateway is unreachable (nothing listens on port 1).
  const isolated = await startSubgraph(createJointSubgraph({ gatewayUrl: () => 'http://127.0.0.1:1/graphql' }), system.connections.joint);
  try {
    const direct = (query: string, variables: Record<string, unknown>) =>
      request(isolated.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', hrssOfficer()).send({ query, variables }).then((r) => r.body);
    const opened = await direct(OPEN_CASE, { input: input() });
    expect(opened.errors).toBeUndefined();
    const c = opened.data.openCase;
    expect(c).toMatchObject({ state: 'FILED', chainLength: 1 });
    expect(c.warnings).toEqual([expect.stringMatching(/link 1 not witnessed by housing \(gateway: [^)]+\); hrss \(gateway: [^)]+\)$/)]);
    const v = (await ok(gql(system, `query V($id: ID!) { verifyCase(id: $id) { ok checked witnessedUpTo reason } }`, { id: c.id }, hrssOfficer()))).verifyCase;
    // Through the real gateway: the chain holds, no department witnessed link 1, and that is not a break.
    expect(v).toMatchObject({ ok: true, checked: 1, witnessedUpTo: 0 });
    const unreachable = await direct(`query V($id: ID!) { verifyCase(id: $id) { ok reason unavailableWitnesses } }`, { id: c.id });
    expect(unreachable.data.verifyCase).toMatchObject({ ok: false, reason: expect.stringContaining('could not be read'), unavailableWitnesses: [expect.stringContaining('housing'), expect.stringContaining('hrss')] });
  } finally {
    await isolated.stop();
  }
});
