/**
 * `affectedWorkers` (WageArrears, ProjectWageStatus): the workers behind a planted project-month's arrears, checked
 * against the demo city model, over HTTP against the hrss subgraph on a city ingested through the adapters; who
 * may read it, what is masked (as the catalogue says), the audit record of another department's read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { workerIdFor } from '../../domain/pseudonym';
import { generateCity, type DemoCity, type PlantedArrears } from '../../adapters/demo/city';
import { daysWorked, writeHrssFiles } from '../../adapters/demo/hrss';
import { ingestFile } from '../../adapters/ingest';
import { attendanceAdapter } from '../../adapters/attendance';
import { payrollAdapter } from '../../adapters/payroll';
import { workersAdapter } from '../../adapters/workers';
import { testStore } from '../../test/harness/db';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { loadCatalog } from '../common/catalog';
import { maskPersonal, maskSettingsFromEnv } from '../common/masking';
import type { Connection } from 'mongoose';
import { HrssData } from './data';
import { createHrssModels } from './models';
import { hrssSubgraph } from './server';
import { WageFactsCache } from './wageFactsCache';
import { WageReadModel } from './wageFactsRead';
import { wageSettingsFromEnv } from './wageRule';

const SECRET = 'test-secret';
process.env.WORKER_PSEUDONYM_SECRET = SECRET;
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrss-arrears-workers-'));
let hrss: Awaited<ReturnType<typeof startSubgraph>>;
let conn: Connection;
let city: DemoCity;
const AS_OF = '2026-11-20';

const HRSS = bearer({ dept: 'hrss' });
const JOINT = bearer({ dept: 'joint', purposes: ['wage-enforcement'] });
const HOUSING = bearer({ dept: 'housing', purposes: ['planning-supervision'] });

const STATUS_WORKERS = `query($r: [_Any!]!, $m: String!, $a: String, $n: Int) { _entities(representations: $r) {
  ... on Project { wageStatus(month: $m, asOf: $a) { workersUnpaid workersShort affectedWorkers(first: $n) {
    workerId name state employer { uscc } daysWorked dailyWage amountDue amountPaid amountOwed } } } } }`;

interface Row { workerId: string; name: string; state: string; employer: { uscc: string } | null; daysWorked: number; dailyWage: number; amountDue: number; amountPaid: number; amountOwed: number }

function gql(query: string, variables: Record<string, unknown>, auth: string) {
  return request(hrss.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', auth).send({ query, variables });
}

function statusWorkers(plant: PlantedArrears, auth: string, first?: number) {
  return gql(STATUS_WORKERS, { r: [{ __typename: 'Project', code: plant.projectCode }], m: plant.month, a: AS_OF, n: first }, auth);
}

/** What the demo city says each affected worker of the plant worked and was due (in yuan). */
function expectedWorkers(plant: PlantedArrears) {
  return plant.idNumbers.map((idNumber) => {
    const i = city.workers.findIndex((w) => w.idNumber === idNumber);
    const w = city.workers[i];
    return { workerId: workerIdFor(idNumber, SECRET), name: w.name, uscc: w.employerUscc, days: daysWorked(city, i, plant.month).length, dailyWage: w.dailyWage };
  });
}

beforeAll(async () => {
  // 15 projects: project 2 is planted with missing pay, project 14 with short pay.
  city = generateCity({ projects: 15, seed: 19, workersPerProject: 14 });
  conn = await store.connect('hrss', { monitorCommands: true });
  const adapters = { workers: workersAdapter, attendance: attendanceAdapter, payroll: payrollAdapter } as const;
  for (const { source, file } of await writeHrssFiles(city, dir)) {
    expect((await ingestFile(adapters[source as keyof typeof adapters], file, conn)).rejected).toBe(0);
  }
  hrss = await startSubgraph(hrssSubgraph, conn);
});
afterAll(async () => {
  await hrss?.stop();
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the demo city plants both kinds of arrears', () => {
  expect(city.planted.arrears.map((a) => a.kind).sort()).toEqual(['missing', 'short']);
});

test.each(['missing', 'short'] as const)('hrss, the owner: the workers of the %s-pay plant, their days, due, paid and owed, names in clear', async (kind) => {
  const plant = city.planted.arrears.find((a) => a.kind === kind)!;
  const r = await statusWorkers(plant, HRSS);
  expect(r.body.errors).toBeUndefined();
  const status = r.body.data._entities[0].wageStatus;
  const rows: Row[] = status.affectedWorkers;
  const expected = expectedWorkers(plant);
  expect(rows).toHaveLength(status.workersUnpaid + status.workersShort);
  expect(rows.map((w) => w.workerId).sort()).toEqual(expected.map((e) => e.workerId).sort());
  for (const row of rows) {
    const e = expected.find((x) => x.workerId === row.workerId)!;
    const due = e.days * e.dailyWage;
    expect(row).toMatchObject({ name: e.name, employer: { uscc: e.uscc }, daysWorked: e.days, dailyWage: e.dailyWage, amountDue: due });
    expect(row.amountOwed).toBeCloseTo(due - row.amountPaid, 2);
    if (kind === 'missing') expect(row).toMatchObject({ state: 'UNPAID', amountPaid: 0, amountOwed: due });
    else {
      expect(row.state).toBe('SHORT');
      expect(row.amountPaid).toBeGreaterThan(0);
      expect(row.amountPaid).toBeLessThan(due * 0.99);
    }
  }
  // Largest amount owed first.
  const owed = rows.map((w) => w.amountOwed);
  expect(owed).toEqual([...owed].sort((a, b) => b - a));
});

test('the same list from WageArrears as from the project wage status; `first` bounds it, and a bad `first` names the argument', async () => {
  const plant = city.planted.arrears[0];
  const viaStatus = (await statusWorkers(plant, HRSS)).body.data._entities[0].wageStatus.affectedWorkers as Row[];
  const r = await gql(`query($m: String!, $a: String) { wageArrears(month: $m, asOf: $a) { project { code } workersAffected affectedWorkers { workerId amountOwed } } }`, { m: plant.month, a: AS_OF }, HRSS);
  expect(r.body.errors).toBeUndefined();
  const entry = r.body.data.wageArrears.find((a: { project: { code: string } }) => a.project.code === plant.projectCode);
  expect(entry.affectedWorkers).toEqual(viaStatus.map((w) => ({ workerId: w.workerId, amountOwed: w.amountOwed })));
  expect(entry.affectedWorkers).toHaveLength(entry.workersAffected);

  const two = await statusWorkers(plant, HRSS, 2);
  expect(two.body.data._entities[0].wageStatus.affectedWorkers.map((w: Row) => w.workerId)).toEqual(viaStatus.slice(0, 2).map((w) => w.workerId));
  const bad = await statusWorkers(plant, HRSS, 0);
  expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
});

test('before the pay date nobody is in arrears: the list is empty', async () => {
  const plant = city.planted.arrears[0];
  const r = await gql(STATUS_WORKERS, { r: [{ __typename: 'Project', code: plant.projectCode }], m: plant.month, a: `${plant.month}-28` }, HRSS);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data._entities[0].wageStatus.affectedWorkers).toEqual([]);
});

test('joint with wage-enforcement: the list with names as the catalogue says (masked as configured), and the read audited with the worker keys', async () => {
  const plant = city.planted.arrears.find((a) => a.kind === 'short')!;
  const r = await statusWorkers(plant, JOINT);
  expect(r.body.errors).toBeUndefined();
  const rows: Row[] = r.body.data._entities[0].wageStatus.affectedWorkers;
  const expected = expectedWorkers(plant);
  expect(rows.map((w) => w.workerId).sort()).toEqual(expected.map((e) => e.workerId).sort());
  const entry = loadCatalog('hrss').fields['WorkerInArrears.name'];
  const unlocked = (entry.purposes ?? []).includes('wage-enforcement');
  const mask = maskSettingsFromEnv();
  for (const row of rows) {
    const e = expected.find((x) => x.workerId === row.workerId)!;
    expect(row.name).toBe(unlocked ? e.name : maskPersonal('name', e.name, mask));
    expect(row.daysWorked).toBe(e.days);
  }
  if (!unlocked) expect(rows.every((w) => !expected.some((e) => e.name === w.name))).toBe(true);

  const trail = await hrss.audit.records({ dept: 'joint' });
  const read = trail.flatMap((t) => t.reads).find((x) => x.type === 'WorkerInArrears');
  expect(read?.keys).toEqual(expected.map((e) => e.workerId).sort());
  expect(read?.fields).toEqual(expect.arrayContaining(['name', 'daysWorked', 'amountOwed']));
  expect(trail.flatMap((t) => t.reads).some((x) => x.type === 'ProjectWageStatus' && x.fields.includes('affectedWorkers'))).toBe(true);
  expect((await hrss.audit.verify()).ok).toBe(true);
});

test('a department without wage-enforcement gets FORBIDDEN naming the purpose, and no worker', async () => {
  const plant = city.planted.arrears[0];
  // Denied at wageStatus already (the same purpose); the catalogue denies affectedWorkers too, should another path reach it.
  const direct = await statusWorkers(plant, HOUSING);
  expect(direct.body.data._entities[0].wageStatus).toBeNull();
  expect(direct.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredPurposes: ['wage-enforcement'] });
  expect(JSON.stringify(direct.body.data)).not.toMatch(/W[0-9A-F]{20}/);
  const entry = loadCatalog('hrss').fields['ProjectWageStatus.affectedWorkers'];
  expect(entry).toMatchObject({ level: 'CONDITIONAL', purposes: ['wage-enforcement'] });
});

test('the read model answers by the project-month _id alone, and the same workers as the computation from the raw facts', async () => {
  const models = createHrssModels(conn);
  const settings = wageSettingsFromEnv();
  const reads: string[] = [];
  const listener = (e: { commandName: string; command: Record<string, any> }) => {
    if (!['find', 'aggregate', 'count', 'distinct'].includes(e.commandName)) return;
    const id = e.command.filter?._id;
    reads.push(`${e.command[e.commandName]}:${typeof id === 'string' ? 'equals' : Object.keys(id ?? {}).join(',')}`);
  };
  conn.getClient().on('commandStarted', listener);
  try {
    for (const plant of city.planted.arrears) {
      reads.length = 0;
      const viaReadModel = await new HrssData(models, settings, new WageFactsCache(models, 0), undefined, new WageReadModel(models)).workersInArrears(plant.projectCode, plant.month, AS_OF, 500);
      // The read model's state, then this one project-month's facts by _id: nothing of the rest of the city.
      expect(reads).toEqual(['wage_read_model_state:equals', 'wage_project_months:$in']);
      const reference = await new HrssData(models, settings, new WageFactsCache(models, 0)).workersInArrears(plant.projectCode, plant.month, AS_OF, 500);
      expect(viaReadModel).toEqual(reference);
      expect(viaReadModel.map((w) => w.workerId).sort()).toEqual(expectedWorkers(plant).map((e) => e.workerId).sort());
    }
  } finally {
    conn.getClient().off('commandStarted', listener);
  }
});
