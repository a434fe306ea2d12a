/**
 * The product's core over HTTP through the gateway, on a demo city seeded through the adapters:
 * the unified view of one project from all five departments, paging, errors, and the planted
 * wage-arrears and night-noise situations found — and nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeHrssFiles } from '../../adapters/demo/hrss';
import { ingestFile } from '../../adapters/ingest';
import { adapterFor } from '../../adapters/registry';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
const inspector = bearer({ dept: 'joint', roles: ['inspector'], purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision', 'complaint-handling'] });

beforeAll(async () => {
  system = await startSystem({ projects: 24 });
}, 240_000);
afterAll(() => system?.stop());

const UNIFIED = `query Unified($code: String!, $month: String!, $from: String!, $to: String!) {
  project(code: $code) {
    code name districtName status
    permit { permitNo }
    reportedFloorArea
    approvedFloorArea approvedHeight planningPermits { permitNo kind }
    complaintCount(from: $from, to: $to)
    openEnforcementCases { caseNo }
    workforce
    wageStatus(month: $month, asOf: "2026-11-23") { workersWithAttendance workersUnpaid workersShort amountOwed }
    stations { mn latestReading { dataTime } }
    exceedanceSummary(from: $from, to: $to) { nightNoise dayNoise dust }
    nightWorkPermits { permitNo }
  }
}`;

test('the unified view of a planted project has fields from all five departments in one request', async () => {
  const code = system.city.planted.nightNoise[0];
  const p = system.city.projects.find((x) => x.code === code)!;
  const r = await system.gateway.query(UNIFIED, { code, month: '2026-10', from: '2026-10-01', to: '2026-10-08' }, inspector);
  expect(r.body.errors).toBeUndefined();
  const v = r.body.data.project;
  expect(v).toMatchObject({ code, name: p.name, districtName: p.districtName }); // 住建
  expect(v.permit.permitNo).toBe(p.permitNo);
  expect(v.reportedFloorArea).toBe(p.reportedFloorArea);
  expect(v.approvedFloorArea).toBe(p.approvedFloorArea); // 自然资源
  expect(v.approvedHeight).toBe(p.approvedHeight);
  expect(v.planningPermits.map((x: { kind: string }) => x.kind).sort()).toEqual(['ENGINEERING', 'LAND_USE']);
  expect(v.complaintCount).toBeGreaterThanOrEqual(3); // 城管
  expect(v.workforce).toBe(system.city.workers.filter((w) => w.projectCode === code).length); // 人社
  expect(v.wageStatus.workersWithAttendance).toBeGreaterThan(0);
  expect(v.stations.map((s: { mn: string }) => s.mn)).toEqual([p.stationMn]); // 生态环境
  expect(v.exceedanceSummary.nightNoise).toBeGreaterThan(0);
  expect(v.nightWorkPermits).toEqual([]);
});

test('an unknown project code gives null and no error', async () => {
  const r = await system.gateway.query(UNIFIED, { code: '1999-000000-00-00-000000', month: '2026-10', from: '2026-10-01', to: '2026-10-08' }, inspector);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.project).toBeNull();
});

test('paging through projects with first/after returns every project exactly once', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const r = await system.gateway.query(
      'query($after: String) { projects(first: 5, after: $after) { totalCount edges { node { code workforce stations { mn } } } pageInfo { hasNextPage endCursor } } }',
      { after },
      inspector,
    );
    expect(r.body.errors).toBeUndefined();
    const conn = r.body.data.projects;
    expect(conn.totalCount).toBe(24);
    seen.push(...conn.edges.map((e: { node: { code: string } }) => e.node.code));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(24);
  expect(new Set(seen)).toEqual(new Set(system.city.projects.map((p) => p.code)));
});

test.each([
  ['a malformed project code', '{ project(code: "2024-37") { code } }', 'code'],
  ['first above 100', '{ projects(first: 101) { totalCount } }', 'first'],
  ['first below 1', '{ projects(first: 0) { totalCount } }', 'first'],
  ['a malformed month', '{ wageArrears(month: "2026-13") { month } }', 'month'],
])('%s is BAD_USER_INPUT naming the argument', async (_n, query, argument) => {
  const r = await system.gateway.query(query, undefined, inspector);
  expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(r.body.errors[0].message).toContain(argument);
});

test('wageArrears finds the planted arrears projects and no others', async () => {
  const r = await system.gateway.query(
    '{ wageArrears(month: "2026-10", asOf: "2026-11-23") { project { code name } workersAffected amountOwed daysOverdue } }',
    undefined,
    inspector,
  );
  expect(r.body.errors).toBeUndefined();
  const found = r.body.data.wageArrears;
  const planted = system.city.planted.arrears.filter((a) => a.month === '2026-10');
  expect(found.map((a: { project: { code: string } }) => a.project.code).sort()).toEqual(planted.map((a) => a.projectCode).sort());
  for (const a of found) {
    const plant = planted.find((x) => x.projectCode === a.project.code)!;
    expect(a.workersAffected).toBe(plant.idNumbers.length);
    expect(a.amountOwed).toBeGreaterThan(0);
    expect(a.daysOverdue).toBe(8); // due 2026-11-15, as of 2026-11-23
    expect(a.project.name).toBe(system.city.projects.find((p) => p.code === a.project.code)!.name); // joined from 住建
  }
  const september = await system.gateway.query('{ wageArrears(month: "2026-09", asOf: "2026-11-23") { project { code } } }', undefined, inspector);
  expect(september.body.data.wageArrears).toEqual([]);
});

test('exceedances finds the planted night-noise sites', async () => {
  const r = await system.gateway.query(
    '{ exceedances(from: "2026-10-01", to: "2026-10-08", pollutant: "LA") { mn project { code } timeOfDay value limit } }',
    undefined,
    inspector,
  );
  expect(r.body.errors).toBeUndefined();
  const rows: { project: { code: string }; timeOfDay: string; value: number; limit: number }[] = r.body.data.exceedances;
  const nightSites = new Set(rows.filter((x) => x.timeOfDay === 'NIGHT').map((x) => x.project.code));
  expect([...nightSites].sort()).toEqual([...system.city.planted.nightNoise].sort());
  expect(rows.every((x) => x.value > x.limit)).toBe(true);
});

test('a roster ingested while the system runs shows in the next request (no stale in-memory copy)', async () => {
  const code = system.city.projects[0].code;
  const q = 'query($c: String!) { project(code: $c) { code workforce } }';
  const before = (await system.gateway.query(q, { c: code }, inspector)).body.data.project.workforce;
  // A worker of another project also registers on this one.
  const mover = system.city.workers.find((w) => w.projectCode !== code)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-roster-'));
  try {
    const files = await writeHrssFiles({ ...system.city, workers: [{ ...mover, projectCode: code }] }, dir);
    const roster = files.find((f) => f.source === 'workers')!;
    const report = await ingestFile(adapterFor('workers')!, roster.file, system.connections.hrss);
    expect(report.accepted).toBe(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const after = (await system.gateway.query(q, { c: code }, inspector)).body.data.project.workforce;
  expect(after).toBe(before + 1);
});
