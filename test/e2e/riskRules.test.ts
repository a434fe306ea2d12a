/**
 * Issue 20 "Done when": editing the rules file changes colours after a restart, with no code change, and the
 * new version shows in `rulesVersion`. Runs `npm start`'s program (supervised, every port 0, a small demo city)
 * with RISK_RULES_FILE pointing at a copy of the rules in a temp dir; the copy is edited (the rules that make
 * the over-built project's colour switched off, a new version), joint alone is killed, and the supervisor's
 * restart of joint applies the edited file in its first evaluation.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generateCity } from '../../adapters/demo/city';
import { ROOT_DIR } from '../../lib/config';
import { startSupervised, type SupervisedSystem } from '../harness/supervised';
import { waitUntil } from '../harness/wait';
import { gqlClient, projectRisk, SEVERITY, waitForBoard } from '../harness/risk';

const PROJECTS = 8;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-risk-rules-'));
const rulesFile = path.join(dataDir, 'edited-rules.json');
let run: SupervisedSystem | undefined;

afterAll(async () => {
  await run?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A port nothing listens on at this moment (the OS's pick for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Switches off every rule (any object with an `id`) of the file whose id is in `ids`, with the note the file demands. */
function switchOff(node: unknown, ids: Set<string>): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + switchOff(x, ids), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  let n = 0;
  if (typeof o.id === 'string' && ids.has(o.id)) {
    Object.assign(o, { enabled: false, note: 'switched off by the city for this test' });
    n = 1;
  }
  for (const v of Object.values(o)) n += switchOff(v, ids);
  return n;
}

test('an edited rules file changes colours after joint restarts, and its version shows in rulesVersion', async () => {
  fs.copyFileSync(path.join(ROOT_DIR, 'subgraphs/joint/risk/rules.json'), rulesFile);
  const original = JSON.parse(fs.readFileSync(rulesFile, 'utf8'));
  expect(original.version).toEqual(expect.any(String));

  // The city npm start seeds: the demo generator with its default seed.
  const city = generateCity({ projects: PROJECTS });
  const overBuilt = city.planted.overBuilt[0];
  expect(overBuilt).toBeDefined();

  // joint finds the gateway at GATEWAY_URL, by default 127.0.0.1:GATEWAY_PORT; with the harness's port 0 it would
  // call port 0 for ever (joint starts before the gateway learns its port), so the gateway gets a port free now.
  const gatewayPort = await freePort();
  run = await startSupervised({ dataDir, env: { XIETONG_DEMO_PROJECTS: String(PROJECTS), RISK_RULES_FILE: rulesFile, GATEWAY_PORT: String(gatewayPort) } });
  const gql = gqlClient(run.url, `Bearer ${run.token({
    sub: 'risk-rules-e2e', dept: 'joint', roles: ['enforcement-officer'],
    purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'],
  })}`);
  await waitForBoard(gql, (h) => h.rulesVersion === original.version, `joint evaluated with rules ${original.version}`, 300_000);
  const before = (await projectRisk(gql, overBuilt))!;
  expect(SEVERITY[before.level]).toBeGreaterThanOrEqual(SEVERITY.ORANGE);
  expect(before.rulesVersion).toBe(original.version);
  const fired = new Set(before.reasons.map((r) => r.rule));
  const others = await Promise.all(city.projects.filter((p) => p.code !== overBuilt).map(async (p) => [p.code, (await projectRisk(gql, p.code))!] as const));

  // The city edits its rules: those that make the over-built project's colour are switched off.
  const edited = JSON.parse(fs.readFileSync(rulesFile, 'utf8'));
  expect(switchOff(edited, fired)).toBe(fired.size);
  edited.version = `${original.version}+e2e-edited`;
  fs.writeFileSync(rulesFile, JSON.stringify(edited, null, 2));

  const jointPid = run.services().joint.pid;
  process.kill(jointPid, 'SIGTERM');
  await waitUntil(() => run!.services().joint?.pid !== jointPid, 'the supervisor restarted joint', 120_000);
  await waitForBoard(gql, (h) => h.rulesVersion === edited.version, `joint evaluated with rules ${edited.version}`, 300_000);

  const after = (await projectRisk(gql, overBuilt))!;
  expect(after.rulesVersion).toBe(edited.version);
  expect(after.reasons.filter((r) => fired.has(r.rule))).toEqual([]);
  expect(SEVERITY[after.level]).toBeLessThan(SEVERITY[before.level]);
  // A project none of the switched-off rules applied to keeps its colour under the new version.
  for (const [code, risk] of others.filter(([, r]) => !r.reasons.some((x) => fired.has(x.rule)))) {
    expect({ code, level: (await projectRisk(gql, code))!.level }).toEqual({ code, level: risk.level });
  }
  // The change is in the history, with the new version.
  const d = await gql(`query H($code: String!) { project(code: $code) { riskHistory(first: 5) { level previousLevel rulesVersion } } }`, { code: overBuilt });
  expect(d.data.project.riskHistory[0]).toEqual({ level: after.level, previousLevel: before.level, rulesVersion: edited.version });
}, 900_000);
