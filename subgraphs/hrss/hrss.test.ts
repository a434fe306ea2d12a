/**
 * The hrss subgraph over HTTP (no gateway) on a small demo city ingested through the adapters:
 * the access matrix of the catalogue, masking, wage arrears, argument errors, entity batching.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Connection } from 'mongoose';
import { workerIdFor } from '../../domain/pseudonym';
import { generateCity, type DemoCity } from '../../adapters/demo/city';
import { writeHrssFiles } from '../../adapters/demo/hrss';
import { ingestFile } from '../../adapters/ingest';
import { attendanceAdapter } from '../../adapters/attendance';
import { payrollAdapter } from '../../adapters/payroll';
import { workersAdapter } from '../../adapters/workers';
import { testStore } from '../../test/harness/db';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { maskPersonal, maskSettingsFromEnv } from '../common/masking';
import { hrssSubgraph } from './server';

const SECRET = 'test-secret';
process.env.WORKER_PSEUDONYM_SECRET = SECRET;
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrss-subgraph-'));
let conn: Connection;
let hrss: Awaited<ReturnType<typeof startSubgraph>>;
let city: DemoCity;
let commands = 0;

const HRSS = bearer({ dept: 'hrss' });
const HOUSING = bearer({ dept: 'housing' });
const INSPECTOR = bearer({ dept: 'citymgmt', purposes: ['wage-enforcement'] });
const PUBLIC = bearer({ dept: 'public' });
const AS_OF = '2026-11-20';

function gql(query: string, variables: Record<string, unknown>, auth: string) {
  return request(hrss.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query, variables });
}

beforeAll(async () => {
  city = generateCity({ projects: 6, seed: 11 });
  conn = await store.connect('hrss', { monitorCommands: true });
  const adapters = { workers: workersAdapter, attendance: attendanceAdapter, payroll: payrollAdapter } as const;
  for (const { source, file } of await writeHrssFiles(city, dir)) {
    const report = await ingestFile(adapters[source as keyof typeof adapters], file, conn);
    expect(report.rejected).toBe(0);
  }
  conn.getClient().on('commandStarted', (e) => {
    if (['find', 'aggregate'].includes(e.commandName)) commands++;
  });
  hrss = await startSubgraph(hrssSubgraph, conn);
});
afterAll(async () => {
  await hrss?.stop();
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const WORKER_QUERY = 'query($id: String!) { worker(workerId: $id) { workerId name trade idNumber bankAccount } }';

describe('access matrix on Worker: OPEN trade, OPEN masked name, CONDITIONAL idNumber, OWNER_ONLY bankAccount', () => {
  const w = () => city.workers[0];
  const id = () => workerIdFor(w().idNumber, SECRET);
  const mask = maskSettingsFromEnv();

  test('hrss, the owner, sees everything in clear', async () => {
    const r = await gql(WORKER_QUERY, { id: id() }, HRSS);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.worker).toEqual({ workerId: id(), name: w().name, trade: w().trade, idNumber: w().idNumber, bankAccount: w().bankAccount });
  });

  test.each([['housing without a purpose', HOUSING], ['public', PUBLIC]])('%s: open fields, masked name, no ID number, no bank account', async (_l, auth) => {
    const r = await gql(WORKER_QUERY, { id: id() }, auth);
    expect(r.body.data.worker).toEqual({ workerId: id(), name: maskPersonal('name', w().name, mask), trade: w().trade, idNumber: null, bankAccount: null });
    expect(r.body.data.worker.name).not.toBe(w().name);
    const errors = r.body.errors.map((e: { path: string[]; extensions: Record<string, unknown> }) => [e.path.join('.'), e.extensions.code, e.extensions.requiredPurposes]);
    expect(errors.sort()).toEqual([['worker.bankAccount', 'FORBIDDEN', []], ['worker.idNumber', 'FORBIDDEN', ['wage-enforcement']]]);
  });

  test('another department with wage-enforcement: name and ID number in clear, still no bank account', async () => {
    const r = await gql(WORKER_QUERY, { id: id() }, INSPECTOR);
    expect(r.body.data.worker).toEqual({ workerId: id(), name: w().name, trade: w().trade, idNumber: w().idNumber, bankAccount: null });
    expect(r.body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['worker.bankAccount']);
  });

  test('the inspector read is on the audit trail', async () => {
    const trail = await hrss.audit.records({ dept: 'citymgmt' });
    expect(trail.some((t) => t.reads.some((x) => x.type === 'Worker' && x.keys.includes(id())))).toBe(true);
    expect((await hrss.audit.verify()).ok).toBe(true);
    const admin = bearer({ dept: 'hrss', roles: ['auditor'] });
    const r = await gql('{ hrssAuditTrail(filter: { dept: "citymgmt", type: "Worker" }) { dept reads { type keys } } verifyHrssAuditTrail { ok } }', {}, admin);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.verifyHrssAuditTrail.ok).toBe(true);
    expect(r.body.data.hrssAuditTrail.some((t: { reads: { keys: string[] }[] }) => t.reads.some((x) => x.keys.includes(id())))).toBe(true);
  });
});

describe('wage arrears', () => {
  const ARREARS = 'query($m: String!, $d: String, $a: String) { wageArrears(month: $m, district: $d, asOf: $a) { project { code } month payDeadline daysOverdue workersAffected workersUnpaid workersShort amountOwed employers { uscc } } }';

  test('finds exactly the planted project, with its workers and days overdue', async () => {
    const plant = city.planted.arrears[0];
    const r = await gql(ARREARS, { m: plant.month, a: AS_OF }, INSPECTOR);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.wageArrears.map((a: { project: { code: string } }) => a.project.code)).toEqual(city.planted.arrears.map((a) => a.projectCode));
    const found = r.body.data.wageArrears[0];
    expect(found).toMatchObject({ month: plant.month, payDeadline: '2026-11-15', daysOverdue: 5, workersAffected: plant.idNumbers.length });
    expect(found.amountOwed).toBeGreaterThan(0);
    const contractor = city.projects.find((p) => p.code === plant.projectCode)!.contractorUscc;
    expect(found.employers).toEqual([{ uscc: contractor }]);
    // Another district, an earlier month, or before the pay date: nothing.
    const otherDistrict = city.districts.find((d) => d.code !== plant.projectCode.slice(5, 11))!.code;
    expect((await gql(ARREARS, { m: plant.month, d: otherDistrict, a: AS_OF }, INSPECTOR)).body.data.wageArrears).toEqual([]);
    expect((await gql(ARREARS, { m: city.months[0], a: AS_OF }, INSPECTOR)).body.data.wageArrears).toEqual([]);
    expect((await gql(ARREARS, { m: plant.month, a: '2026-11-15' }, INSPECTOR)).body.data.wageArrears).toEqual([]);
  });

  test('is conditionally shared: null with FORBIDDEN without wage-enforcement', async () => {
    const r = await gql(ARREARS, { m: '2026-10', a: AS_OF }, HOUSING);
    expect(r.body.data.wageArrears).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.wageArrears', requiredPurposes: ['wage-enforcement'] });
  });

  test.each([
    ['month', { m: '2026-13', a: AS_OF }],
    ['month', { m: 'October', a: AS_OF }],
    ['district', { m: '2026-10', d: '3713', a: AS_OF }],
    ['asOf', { m: '2026-10', a: '2026-11-31' }],
  ])('a malformed %s is BAD_USER_INPUT naming it', async (argument, variables) => {
    const r = await gql(ARREARS, variables, INSPECTOR);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('entities', () => {
  const PROJECTS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { code workforce wageStatus(month: "2026-10", asOf: "2026-11-20") { workersWithAttendance workersPaid workersUnpaid workersShort amountOwed daysOverdue } } } }';

  test('projects: workforce and wage status, batched: the same number of queries for 2 and 6 projects', async () => {
    const reps = city.projects.map((p) => ({ __typename: 'Project', code: p.code }));
    commands = 0;
    const two = await gql(PROJECTS, { r: reps.slice(0, 2) }, INSPECTOR);
    const forTwo = commands;
    commands = 0;
    const six = await gql(PROJECTS, { r: reps }, INSPECTOR);
    expect(forTwo).toBeGreaterThan(0);
    expect(commands).toBe(forTwo);
    expect(two.body.errors).toBeUndefined();
    expect(six.body.data._entities).toHaveLength(6);
    const planted = city.planted.arrears[0];
    for (const [i, p] of city.projects.entries()) {
      const e = six.body.data._entities[i];
      expect(e.code).toBe(p.code);
      expect(e.workforce).toBe(city.workers.filter((w) => w.projectCode === p.code).length);
      expect(e.wageStatus.workersWithAttendance).toBe(e.workforce);
      const affected = p.code === planted.projectCode ? planted.idNumbers.length : 0;
      expect(e.wageStatus.workersUnpaid + e.wageStatus.workersShort).toBe(affected);
      expect(e.wageStatus.workersPaid).toBe(e.workforce - affected);
    }
  });

  test('workers: unknown pseudonyms resolve to null; attendance days and payments', async () => {
    const w = city.workers[3];
    const id = workerIdFor(w.idNumber, SECRET);
    const r = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { workerId dailyWage attendanceDays(month: "2026-09") employer { uscc } project { code } payments { month amount paidOn payeeAccount } } } }',
      { r: [{ __typename: 'Worker', workerId: 'W00000000000000000000' }, { __typename: 'Worker', workerId: id }] },
      INSPECTOR,
    );
    expect(r.body.data._entities[0]).toBeNull();
    const worker = r.body.data._entities[1];
    expect(worker).toMatchObject({ workerId: id, dailyWage: w.dailyWage, employer: { uscc: w.employerUscc }, project: { code: w.projectCode } });
    expect(worker.attendanceDays).toBeGreaterThanOrEqual(24);
    expect(worker.payments.map((p: { month: string }) => p.month)).toEqual(city.months);
    expect(worker.payments[0]).toMatchObject({ amount: worker.attendanceDays * w.dailyWage, paidOn: '2026-10-10', payeeAccount: null });
  });

  test('a malformed worker id is BAD_USER_INPUT; an unknown one is null without error', async () => {
    const bad = await gql(WORKER_QUERY, { id: 'not-a-worker' }, INSPECTOR);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'workerId' });
    const unknown = await gql(WORKER_QUERY, { id: 'W00000000000000000000' }, INSPECTOR);
    expect(unknown.body).toEqual({ data: { worker: null } });
  });

  test('enterprises: workforce and arrears of the employer', async () => {
    const plant = city.planted.arrears[0];
    const contractor = city.projects.find((p) => p.code === plant.projectCode)!.contractorUscc;
    const r = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc workforce wageArrears(month: "2026-10", asOf: "2026-11-20") { project { code } } } } }',
      { r: [{ __typename: 'Enterprise', uscc: contractor }, { __typename: 'Enterprise', uscc: city.projects[0].builderUscc }] },
      INSPECTOR,
    );
    expect(r.body.errors).toBeUndefined();
    const [employer, builder] = r.body.data._entities;
    expect(employer.workforce).toBe(city.workers.filter((w) => w.employerUscc === contractor).length);
    expect(employer.wageArrears).toEqual([{ project: { code: plant.projectCode } }]);
    expect(builder).toEqual({ uscc: city.projects[0].builderUscc, workforce: 0, wageArrears: [] });
  });
});
