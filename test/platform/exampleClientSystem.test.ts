/**
 * examples/client against the whole system (demo city, every subgraph and the gateway on port 0): the
 * typed documents and request() answer what the city holds, partial answers keep their errors, a refused
 * token throws with its code, and main.ts prints the three answers for --url / XIETONG_TOKEN.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_PATHS } from '../../examples/client/codegen';
import { FirstProjectsDocument, ProjectViewDocument, WageArrearsDocument, type WageArrearsQuery } from '../../examples/client/src/generated/operations';
import { request, XietongError, type Endpoint } from '../../examples/client/src/request';
import { signToken } from '../../lib/auth/tokens';
import { startSystem, type SystemHandle } from '../harness/system';
import { testToken, testTokenSettings } from '../harness/tokens';
import { generated } from './exampleClientCodegen';

let system: SystemHandle;
let joint: Endpoint;
const PURPOSES = ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'];

beforeAll(async () => {
  system = await startSystem({ projects: 24 });
  joint = { url: system.gateway.url, token: testToken({ dept: 'joint', purposes: PURPOSES }) };
}, 240_000);
afterAll(() => system?.stop());

test("the README's first query: a typed page of the city's projects", async () => {
  const { data, errors } = await request(joint, FirstProjectsDocument, { first: 3 });
  expect(errors).toEqual([]);
  expect(data.projects.totalCount).toBe(system.city.projects.length);
  const codes = data.projects.edges.map((e) => e.node.code);
  expect(codes).toEqual([...system.city.projects.map((p) => p.code)].sort().slice(0, 3));
  const first = data.projects.edges[0].node;
  expect(first.name).toBe(system.city.projects.find((p) => p.code === first.code)!.name);
  expect(data.projects.pageInfo.hasNextPage).toBe(true);
  // The cursor of the typed answer pages on.
  const next = await request(joint, FirstProjectsDocument, { first: 3, after: data.projects.pageInfo.endCursor });
  expect(next.data.projects.edges.map((e) => e.node.code)).toEqual([...system.city.projects.map((p) => p.code)].sort().slice(3, 6));
});

test('wageArrears for October finds the planted projects, typed', async () => {
  const { data, errors } = await request(joint, WageArrearsDocument, { month: '2026-10', asOf: '2026-11-23' });
  expect(errors).toEqual([]);
  const rows: NonNullable<WageArrearsQuery['wageArrears']> = data.wageArrears ?? [];
  const planted = system.city.planted.arrears.filter((a) => a.month === '2026-10');
  expect(planted.length).toBeGreaterThan(0);
  expect(rows.map((a) => a.project.code).sort()).toEqual(planted.map((a) => a.projectCode).sort());
  for (const a of rows) {
    expect(a.workersAffected).toBe(planted.find((p) => p.projectCode === a.project.code)!.idNumbers.length);
    expect(a.daysOverdue).toBe(8); // due 2026-11-15, as of 2026-11-23
    expect(a.amountOwed).toBeGreaterThan(0);
  }
});

test("a project's unified view from every department in one typed answer", async () => {
  const code = system.city.planted.arrears.find((a) => a.month === '2026-10')!.projectCode;
  const { data, errors } = await request(joint, ProjectViewDocument, { code, month: '2026-10' });
  expect(errors).toEqual([]);
  const view = data.project!;
  const seeded = system.city.projects.find((p) => p.code === code)!;
  expect(view.code).toBe(code);
  expect(view.name).toBe(seeded.name); // 住建
  expect(view.permit?.permitNo).toEqual(expect.any(String));
  expect(view.parcel?.parcelCode).toEqual(expect.any(String)); // 自然资源
  expect(view.workforce).toBeGreaterThan(0); // 人社
  expect(view.wageStatus!.workersUnpaid + view.wageStatus!.workersShort).toBeGreaterThan(0);
  expect(view.participants.map((p) => p.role)).toContain('CONTRACTOR');
  expect((view.stations ?? []).map((s) => s.mn)).toEqual(seeded.stationMn ? [seeded.stationMn] : []); // 生态环境
});

test('a token without the wage-enforcement purpose gets a partial answer: null and a FORBIDDEN error naming the field', async () => {
  const housing = { url: system.gateway.url, token: testToken({ dept: 'housing' }) };
  const { data, errors } = await request(housing, WageArrearsDocument, { month: '2026-10' });
  expect(data.wageArrears).toBeNull();
  expect(errors.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  expect(errors.find((e) => e.extensions?.code === 'FORBIDDEN')!.message).toContain('wageArrears');
});

test('a forged token is refused as a whole: XietongError UNAUTHENTICATED, HTTP 401', async () => {
  const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const forged = signToken({ ...testTokenSettings(), signKey: other.privateKey, verifyKey: other.publicKey }, { sub: 'mallory', dept: 'joint' });
  const refusal = await request({ url: system.gateway.url, token: forged }, FirstProjectsDocument).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(XietongError);
  expect(refusal).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
});

test('main.ts prints the three answers for --url and XIETONG_TOKEN; without a token it says how to give one', async () => {
  const main = path.join(__dirname, '../../examples/client/main.ts');
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const code = system.city.planted.arrears.find((a) => a.month === '2026-10')!.projectCode;
  const ok = await run(['--url', system.gateway.url, '--month', '2026-10', '--code', code], { XIETONG_TOKEN: joint.token });
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain(`Projects (${system.city.projects.length} registered; first 3)`);
  expect(ok.stdout).toMatch(/Wage arrears for 2026-10: [1-9]\d* project\(s\)/);
  expect(ok.stdout).toContain(`Project ${code}: ${system.city.projects.find((p) => p.code === code)!.name}`);
  expect(ok.stdout).not.toContain('Partial answers');

  const none = await run(['--url', system.gateway.url], { XIETONG_TOKEN: '' });
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('no token: give --token or set XIETONG_TOKEN');
}, 120_000);

test("an external developer's path: codegen reads the schema from the gateway by introspection with a token, and gives the committed types", async () => {
  const fromGateway = await generated({ schema: system.gateway.url, token: joint.token });
  // The operations' result and variables types and their documents; enum unions and descriptions may run
  // ahead of the release in a working tree without concerning these operations.
  const operationTypes = (module: string) => module.match(/^export (type \w+Query(Variables)? = [^;]*;|const \w+Document = [\s\S]*?;)$/gm);
  const committed = operationTypes(fs.readFileSync(DEFAULT_PATHS.output, 'utf8'));
  expect(committed).toHaveLength(9); // FirstProjects, ProjectView, WageArrears: result, variables, document
  expect(operationTypes(fromGateway)).toEqual(committed);
  // Without a token the gateway shows nothing, not even the schema; the config says what is missing.
  const refused = await generated({ schema: system.gateway.url, token: '' }).then(() => 'generated', (e: Error) => e.message);
  expect(refused).toContain('needs a token: set XIETONG_TOKEN');
}, 120_000);
