/** hrss composed with housing behind the gateway: the project view with hrss fields, and arrears with project names. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCity, type DemoCity } from '../../adapters/demo/city';
import { writeHrssFiles } from '../../adapters/demo/hrss';
import { ingestFile } from '../../adapters/ingest';
import { attendanceAdapter } from '../../adapters/attendance';
import { payrollAdapter } from '../../adapters/payroll';
import { workersAdapter } from '../../adapters/workers';
import { testStore } from '../../test/harness/db';
import { startGateway, startSubgraph, type GatewayHandle, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { createHousingModels } from '../housing/models';
import { housingSubgraph } from '../housing/server';
import { hrssSubgraph } from './server';

process.env.WORKER_PSEUDONYM_SECRET = 'test-secret';
const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrss-gateway-'));
let city: DemoCity;
let housing: Started;
let hrss: Started;
let gateway: GatewayHandle;

beforeAll(async () => {
  city = generateCity({ projects: 4, seed: 3, workersPerProject: 8 });
  const housingConn = await store.connect('housing');
  await createHousingModels(housingConn).Project.insertMany(city.projects.map((p) => ({
    code: p.code, name: p.name, district: p.district, districtName: p.districtName, address: p.address, status: p.status, lng: p.lng, lat: p.lat,
  })));
  const hrssConn = await store.connect('hrss');
  const adapters = { workers: workersAdapter, attendance: attendanceAdapter, payroll: payrollAdapter } as const;
  for (const { source, file } of await writeHrssFiles(city, dir)) await ingestFile(adapters[source as keyof typeof adapters], file, hrssConn);
  housing = await startSubgraph(housingSubgraph, housingConn);
  hrss = await startSubgraph(hrssSubgraph, hrssConn);
  gateway = await startGateway({ housing: housing.url, hrss: hrss.url });
});
afterAll(async () => {
  await gateway?.stop();
  await hrss?.stop();
  await housing?.stop();
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('one query: the project from housing with its workforce and wage status from hrss', async () => {
  const plant = city.planted.arrears[0];
  const r = await gateway.query(
    'query($c: String!) { project(code: $c) { name workforce wageStatus(month: "2026-10", asOf: "2026-11-20") { workersWithAttendance workersUnpaid workersShort daysOverdue } } }',
    { c: plant.projectCode },
    bearer({ dept: 'joint', purposes: ['wage-enforcement'] }),
  );
  expect(r.body.errors).toBeUndefined();
  const project = city.projects.find((p) => p.code === plant.projectCode)!;
  expect(r.body.data.project).toEqual({
    name: project.name, workforce: 8,
    wageStatus: { workersWithAttendance: 8, workersUnpaid: plant.kind === 'missing' ? plant.idNumbers.length : 0, workersShort: plant.kind === 'short' ? plant.idNumbers.length : 0, daysOverdue: 5 },
  });
});

test('wage arrears with the project names from housing; denied without the purpose', async () => {
  const q = '{ wageArrears(month: "2026-10", asOf: "2026-11-20") { project { code name } workersAffected } }';
  const r = await gateway.query(q, undefined, bearer({ dept: 'joint', purposes: ['wage-enforcement'] }));
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.wageArrears.map((a: { project: { code: string; name: string } }) => a.project)).toEqual(
    city.planted.arrears.map((a) => ({ code: a.projectCode, name: city.projects.find((p) => p.code === a.projectCode)!.name })),
  );
  const denied = await gateway.query(q, undefined, bearer({ dept: 'housing' }));
  expect(denied.body.data.wageArrears).toBeNull();
  expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
});
