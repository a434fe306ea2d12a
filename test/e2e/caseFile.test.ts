/**
 * Issue 19's "done when", on the demo city: a planted wage-arrears project → openCaseFromArrears (the
 * finding and the records behind it captured as evidence) → evidence captured by housing from hrss and
 * housing → INVESTIGATING, NOTIFIED, LEGAL_REVIEW by a legal reviewer → DECIDED with hrss's own decision
 * → SERVED → CLOSED; verifyCase holds and hrss's audit trail shows housing's evidence reads with the case id.
 * Then the tamper tests, each changing joint's database directly.
 */
import { daysWorked } from '../../adapters/demo/hrss';
import { pseudonymSecret, workerIdFor } from '../../domain/pseudonym';
import { loadCatalog } from '../../subgraphs/common/catalog';
import { maskPersonal, maskSettingsFromEnv } from '../../subgraphs/common/masking';
import { canonical, linkHash, type ChainLink } from '../../subgraphs/joint/cases/chain';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';
import { ADVANCE, ATTACH, gql, housingOfficer, hrssOfficer, hrssReviewer, ok, OPEN_FROM_ARREARS, VERIFY } from './caseSupport';

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 12, monitoringDays: 4 }); // the planted night-noise night is the 3rd
}, 240_000);
afterAll(() => system?.stop());

const links = () => system.connections.joint.db!.collection('joint_case_links');

async function verify(id: string, auth = hrssOfficer()) {
  return (await ok(gql(system, VERIFY, { id }, auth))).verifyCase;
}

let closedCaseId = '';

test('from a planted wage-arrears project to a closed case whose chain verifies', async () => {
  const planted = system.city.planted.arrears[0];
  expect(planted).toBeDefined();
  const opened = (await ok(gql(system, OPEN_FROM_ARREARS, { code: planted.projectCode, month: planted.month }, hrssOfficer()))).openCaseFromArrears;
  const id: string = opened.id;
  expect(id).toMatch(/^LH-\d{4}-\d{6}$/);
  expect(opened).toMatchObject({ kind: 'WAGE_ARREARS', state: 'FILED', leadDepartment: 'hrss', departments: ['housing', 'hrss'], overdue: false, warnings: [] });
  // The finding and the records behind it: wage status (hrss), the affected workers' attendance and pay (hrss), the
  // district's arrears with employers (hrss), permit and contractor (housing).
  expect(opened.evidence.map((e: any) => e.operationName)).toEqual(['CaseWageArrearsFinding', 'CaseArrearsWorkers', 'CaseArrearsByEmployer', 'CasePermitAndContractor']);
  const finding = JSON.parse(opened.evidence[0].answer);
  expect(finding.project.code).toBe(planted.projectCode);
  expect(finding.project.wageStatus.workersUnpaid + finding.project.wageStatus.workersShort).toBeGreaterThan(0);
  expectPlantedWorkers(JSON.parse(opened.evidence[1].answer), planted, (name) => name); // hrss itself: names in clear
  const permit = JSON.parse(opened.evidence[3].answer).project;
  expect(permit.participants.some((p: any) => p.role === 'CONTRACTOR')).toBe(true);
  expect(permit.permit.permitNo).toEqual(expect.any(String));
  // The reviewNote was not asked; nothing denied to hrss with wage-enforcement.
  expect(opened.evidence.flatMap((e: any) => e.denied)).toEqual([]);

  // housing's officer captures evidence from hrss and housing in one operation; the permit's internal note is denied and stored as such.
  const attached = (
    await ok(
      gql(system, ATTACH, {
        id,
        input: {
          query: 'query SiteAndWages($code: String!, $month: String!) { project(code: $code) { code name permit { permitNo reviewNote } workforce wageStatus(month: $month) { workersUnpaid amountOwed } } }',
          variables: { code: planted.projectCode, month: planted.month },
          note: 'site and wage status seen by housing',
        },
      }, housingOfficer()),
    )
  ).attachEvidence;
  expect(attached.capturedByDepartment).toBe('housing');
  expect(attached.denied).toEqual([]); // housing owns the permit
  expect(JSON.parse(attached.answer).project.wageStatus.amountOwed).toBeGreaterThan(0);

  // hrss sees housing's evidence but not its answer (captured with housing's access).
  const seenByHrss = (await ok(gql(system, `query C($id: ID!) { case(id: $id) { evidence { id answer answerWithheld sha256 } } }`, { id }, hrssOfficer()))).case;
  expect(seenByHrss.evidence.find((e: any) => e.id === attached.id)).toMatchObject({ answer: null, answerWithheld: true, sha256: attached.sha256 });

  const step = async (auth: string, vars: Record<string, unknown>) => (await ok(gql(system, ADVANCE, { id, ...vars }, auth))).advanceCase;
  expect((await step(hrssOfficer(), { to: 'INVESTIGATING', officers: ['hrss-officer-1', 'hrss-officer-2'] })).state).toBe('INVESTIGATING');
  expect((await step(hrssOfficer(), { to: 'NOTIFIED' })).state).toBe('NOTIFIED');
  const reviewed = await step(hrssReviewer(), { to: 'LEGAL_REVIEW', review: { passed: true, opinion: '事实清楚，证据确凿' } });
  expect(reviewed.allowedNext).toEqual(['DECIDED', 'INVESTIGATING', 'DISMISSED', 'TRANSFERRED']);

  // The 5-day 陈述申辩 window has not elapsed: the decision waits unless the party waived it.
  const early = await gql(system, ADVANCE, { id, to: 'DECIDED', decision: { type: 'ORDER_TO_PAY', documentNumber: '临人社监令〔2026〕17号', summary: '限期支付拖欠工资' } }, hrssOfficer());
  expect(early.errors?.[0]).toMatchObject({ message: expect.stringContaining('陈述申辩'), extensions: { code: 'BAD_USER_INPUT' } });

  const decided = await step(hrssOfficer(), { to: 'DECIDED', waived: true, decision: { type: 'ORDER_TO_PAY', documentNumber: '临人社监令〔2026〕17号', summary: '限期支付拖欠工资', amount: 12345.5 } });
  expect(decided.decisions).toEqual([{ department: 'hrss', type: 'ORDER_TO_PAY', documentNumber: '临人社监令〔2026〕17号' }]);
  // housing records its own decision with its own number: never a joint decision.
  const both = await ok(gql(system, `mutation D($id: ID!) { recordDecision(caseId: $id, decision: { type: CREDIT_LISTING, documentNumber: "临住建信〔2026〕3号", summary: "不良信用记录" }) { decisions { department documentNumber } } }`, { id }, housingOfficer()));
  expect(both.recordDecision.decisions).toEqual([{ department: 'hrss', documentNumber: '临人社监令〔2026〕17号' }, { department: 'housing', documentNumber: '临住建信〔2026〕3号' }]);
  expect((await step(hrssOfficer(), { to: 'SERVED' })).state).toBe('SERVED');
  const closed = await step(hrssOfficer(), { to: 'CLOSED' });
  expect(closed).toMatchObject({ state: 'CLOSED', allowedNext: [], warnings: [] });
  expect(closed.events.map((e: any) => e.to ?? e.type)).toEqual(['FILED', 'INVESTIGATING', 'NOTIFIED', 'LEGAL_REVIEW', 'DECIDED', 'DECISION', 'SERVED', 'CLOSED']);

  const v = await verify(id);
  expect(v).toMatchObject({ ok: true, checked: closed.chainLength, events: 8, evidence: 5, brokenAt: null, reason: null, witnessedUpTo: closed.chainLength, unavailableWitnesses: [] });
  // housing (a participant, not the lead) verifies too.
  expect((await verify(id, housingOfficer())).ok).toBe(true);

  // hrss's audit trail: housing's evidence read of hrss data, recorded with the case id.
  const trail = await ok(gql(system, `query T($id: String) { hrssAuditTrail(filter: { caseId: $id }) { dept sub caseId reads { type keys fields } } }`, { id }, bearer({ dept: 'hrss', roles: ['admin'] })));
  const byHousing = trail.hrssAuditTrail.filter((r: any) => r.dept === 'housing' && r.sub === 'housing-officer-1');
  expect(byHousing.length).toBeGreaterThanOrEqual(1);
  expect(byHousing[0]).toMatchObject({ caseId: id });
  expect(byHousing.flatMap((r: any) => r.reads)).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Project', keys: [planted.projectCode], fields: expect.arrayContaining(['wageStatus']) })]));
  closedCaseId = id;
});

/**
 * The affected workers' evidence answer against the demo city model: exactly the planted workers, each with the days
 * the city gave them in the month, the agreed wage, amount due, and owed = due − paid; `name` as the reader sees it.
 */
function expectPlantedWorkers(answer: any, planted: (typeof system.city.planted.arrears)[number], shown: (name: string) => string) {
  const status = answer.project.wageStatus;
  const rows: any[] = status.affectedWorkers;
  expect(rows).toHaveLength(planted.idNumbers.length);
  expect(status.workersUnpaid + status.workersShort).toBe(planted.idNumbers.length);
  const secret = pseudonymSecret();
  const expected = planted.idNumbers.map((idNumber) => {
    const i = system.city.workers.findIndex((w) => w.idNumber === idNumber);
    const w = system.city.workers[i];
    const days = daysWorked(system.city, i, planted.month).length;
    return { workerId: workerIdFor(idNumber, secret), name: shown(w.name), state: planted.kind === 'missing' ? 'UNPAID' : 'SHORT', employer: { uscc: w.employerUscc }, daysWorked: days, dailyWage: w.dailyWage, amountDue: days * w.dailyWage };
  });
  expect(rows.map(({ workerId, name, state, employer, daysWorked: d, dailyWage, amountDue }) => ({ workerId, name, state, employer, daysWorked: d, dailyWage, amountDue })).sort((a, b) => a.workerId.localeCompare(b.workerId)))
    .toEqual(expected.sort((a, b) => a.workerId.localeCompare(b.workerId)));
  for (const row of rows) expect(row.amountOwed).toBeCloseTo(row.amountDue - row.amountPaid, 2);
  expect(rows.reduce((sum, r) => sum + r.amountOwed, 0)).toBeCloseTo(status.amountOwed, 2);
}

test("the affected workers captured by another department: names as hrss's catalogue says, the read on hrss's trail with the case id and the worker keys", async () => {
  const planted = system.city.planted.arrears[0];
  const id = (await ok(gql(system, OPEN_FROM_ARREARS, { code: planted.projectCode, month: planted.month }, hrssOfficer()))).openCaseFromArrears.id;
  const hrssCapture = (await ok(gql(system, `query C($id: ID!) { case(id: $id) { evidence { operationName operation variables } } }`, { id }, hrssOfficer()))).case.evidence
    .find((e: any) => e.operationName === 'CaseArrearsWorkers');
  const attached = (await ok(gql(system, ATTACH, { id, input: { query: hrssCapture.operation, variables: JSON.parse(hrssCapture.variables), note: 'the workers seen by housing' } }, housingOfficer()))).attachEvidence;
  expect(attached.denied).toEqual([]);
  const entry = loadCatalog('hrss').fields['WorkerInArrears.name'];
  const unlocked = (entry.purposes ?? []).includes('wage-enforcement'); // housingOfficer holds wage-enforcement
  const mask = maskSettingsFromEnv();
  expectPlantedWorkers(JSON.parse(attached.answer), planted, (name) => (unlocked ? name : maskPersonal('name', name, mask)));

  const trail = await ok(gql(system, `query T($id: String) { hrssAuditTrail(filter: { caseId: $id, dept: "housing" }) { caseId reads { type keys fields } } }`, { id }, bearer({ dept: 'hrss', roles: ['admin'] })));
  const reads = trail.hrssAuditTrail.flatMap((r: any) => r.reads);
  const secret = pseudonymSecret();
  expect(reads).toEqual(expect.arrayContaining([
    expect.objectContaining({ type: 'WorkerInArrears', keys: planted.idNumbers.map((n) => workerIdFor(n, secret)).sort(), fields: expect.arrayContaining(['name', 'daysWorked', 'amountOwed']) }),
  ]));
});

/** A fresh case for each tamper test (FILED + four evidence links + two events). */
async function freshCase(): Promise<string> {
  const planted = system.city.planted.arrears[0];
  const id = (await ok(gql(system, OPEN_FROM_ARREARS, { code: planted.projectCode, month: planted.month }, hrssOfficer()))).openCaseFromArrears.id;
  await ok(gql(system, ADVANCE, { id, to: 'INVESTIGATING', officers: ['hrss-officer-1', 'hrss-officer-2'] }, hrssOfficer()));
  await ok(gql(system, ADVANCE, { id, to: 'NOTIFIED' }, hrssOfficer()));
  expect((await verify(id)).ok).toBe(true);
  return id;
}

test('tamper: an edited event is detected and named', async () => {
  const id = await freshCase();
  const doc = await links().findOne({ caseId: id, seq: 6 });
  const body = JSON.parse(doc!.body);
  expect(body.to).toBe('INVESTIGATING');
  body.officers = ['hrss-officer-1', 'someone-else'];
  await links().updateOne({ caseId: id, seq: 6 }, { $set: { body: canonical(body) } });
  const v = await verify(id);
  expect(v).toMatchObject({ ok: false, brokenAt: 6, checked: 5 });
  expect(v.reason).toMatch(/edited: hash mismatch at seq 6/);
});

test('tamper: an edited evidence answer is detected and named', async () => {
  const id = await freshCase();
  const doc = await links().findOne({ caseId: id, seq: 2 });
  const answer = JSON.parse(doc!.answer);
  answer.project.wageStatus.amountOwed = 0;
  await links().updateOne({ caseId: id, seq: 2 }, { $set: { answer: canonical(answer) } });
  const v = await verify(id);
  expect(v).toMatchObject({ ok: false, brokenAt: 2 });
  expect(v.reason).toMatch(/edited evidence answer at seq 2/);
});

test('tamper: an event deleted in the middle is detected and named', async () => {
  const id = await freshCase();
  await links().deleteOne({ caseId: id, seq: 6 });
  const v = await verify(id);
  expect(v).toMatchObject({ ok: false, brokenAt: 6, checked: 5 });
  expect(v.reason).toMatch(/gap: seq 6 is missing/);
});

test('tamper: a link rehashed to hide an edit breaks the next link', async () => {
  const id = await freshCase();
  const doc = await links().findOne({ caseId: id, seq: 6 });
  const link: Omit<ChainLink, 'hash'> = { caseId: id, seq: 6, kind: 'event', body: { ...JSON.parse(doc!.body), note: 'rewritten' }, prevHash: doc!.prevHash };
  await links().updateOne({ caseId: id, seq: 6 }, { $set: { body: canonical(link.body), hash: linkHash(link) } });
  const v = await verify(id);
  expect(v).toMatchObject({ ok: false, brokenAt: 7 });
  expect(v.reason).toMatch(/wrong prevHash at seq 7/);
});

test('the closed case still verifies after the tampering of the others', async () => {
  expect(closedCaseId).not.toBe('');
  expect((await verify(closedCaseId)).ok).toBe(true);
});

test('compareEvidence reports a changed source as such, and refuses a department that did not capture it', async () => {
  const planted = system.city.planted.arrears[0];
  const id = (await ok(gql(system, OPEN_FROM_ARREARS, { code: planted.projectCode, month: planted.month }, hrssOfficer()))).openCaseFromArrears.id;
  // Evidence whose source is the case file itself: its state changes when the case moves.
  const ev = (await ok(gql(system, ATTACH, { id, input: { query: 'query S($id: ID!) { case(id: $id) { id state } }', variables: { id } } }, hrssOfficer()))).attachEvidence;
  const COMPARE = `query Cmp($id: ID!) { compareEvidence(id: $id) { evidenceId storedIntact sourceChanged capturedSha256 currentSha256 changes { path before after } summary } }`;
  const same = (await ok(gql(system, COMPARE, { id: ev.id }, hrssOfficer()))).compareEvidence;
  expect(same).toMatchObject({ evidenceId: ev.id, storedIntact: true, sourceChanged: false, changes: [], capturedSha256: ev.sha256, currentSha256: ev.sha256 });
  await ok(gql(system, ADVANCE, { id, to: 'INVESTIGATING', officers: ['hrss-officer-1', 'hrss-officer-2'] }, hrssOfficer()));
  const changed = (await ok(gql(system, COMPARE, { id: ev.id }, hrssOfficer()))).compareEvidence;
  expect(changed).toMatchObject({ storedIntact: true, sourceChanged: true, changes: [{ path: 'case.state', before: '"FILED"', after: '"INVESTIGATING"' }] });
  expect(changed.summary).toContain('not tampering');
  expect((await verify(id)).ok).toBe(true);
  const byHousing = await gql(system, COMPARE, { id: ev.id }, housingOfficer());
  expect(byHousing.errors?.[0]).toMatchObject({ message: expect.stringContaining('only hrss can compare it'), extensions: { code: 'FORBIDDEN' } });
  expect((await gql(system, COMPARE, { id: `${id}:999` }, hrssOfficer())).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

test('openCaseFromExceedances: the exceedances, their readings and the permit as evidence; a period without exceedances opens nothing', async () => {
  const code = system.city.planted.nightNoise[0];
  expect(code).toBeDefined();
  const envOfficer = bearer({ dept: 'environment', sub: 'env-officer-1', roles: ['enforcement-officer'], purposes: ['pollution-enforcement'] });
  const from = system.city.monitoringFrom;
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + system.city.monitoringDays * 86_400_000).toISOString().slice(0, 10);
  const OPEN = `mutation O($code: String!, $from: String!, $to: String!) { openCaseFromExceedances(projectCode: $code, from: $from, to: $to) { id kind departments leadDepartment evidence { operationName answer denied { path } } } }`;
  const opened = (await ok(gql(system, OPEN, { code, from, to }, envOfficer))).openCaseFromExceedances;
  expect(opened).toMatchObject({ kind: 'NOISE', leadDepartment: 'environment', departments: ['environment', 'housing'] });
  const names = opened.evidence.map((e: any) => e.operationName);
  expect(names.slice(0, 2)).toEqual(['CaseExceedanceFinding', 'CasePermitAndContractor']);
  expect(names.slice(2).every((n: string) => n === 'CaseExceedanceReadings')).toBe(true);
  const finding = JSON.parse(opened.evidence[0].answer).project;
  expect(finding.exceedances.length).toBeGreaterThan(0);
  const readings = JSON.parse(opened.evidence[2].answer).station.readings;
  expect(readings.length).toBeGreaterThan(0);
  expect((await verify(opened.id, envOfficer)).ok).toBe(true);

  const quiet = system.city.projects.map((p) => p.code).find((c) => !system.city.planted.nightNoise.includes(c))!;
  const none = await gql(system, OPEN, { code: quiet, from: '2020-01-01', to: '2020-01-02' }, envOfficer);
  expect(none.errors?.[0]).toMatchObject({ message: expect.stringContaining('shows no exceedances'), extensions: { code: 'BAD_USER_INPUT' } });
});
