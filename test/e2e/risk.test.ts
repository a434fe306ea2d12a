/**
 * Issue 20 "Done when", end to end on a demo city through the real gateway (startSystem: every subgraph
 * and the gateway on port 0; joint evaluates the colours through that gateway as it does in production):
 * - joint's first evaluation arrives by itself after start (no mutation);
 * - every planted wage-arrears, night-noise and built-beyond-permit project is at least ORANGE with the
 *   matching reason and its keys, for a caller whose purposes allow the records; nothing-planted projects
 *   are BLUE; the project of a builder whose credit code fails its check is YELLOW; the blacklisted
 *   enterprise is RED with the blacklist reason;
 * - a caller without the purpose sees the rule but `keys: []`, `keysHidden: true`;
 * - `riskBoard` paged 5 at a time visits every project exactly once, and its counts equal the levels
 *   read project by project through `projects`; its district filter narrows counts and projects, its level
 *   filter the projects only;
 * - a payroll return file that pays a planted arrears case, ingested with `npm run ingest`'s script, then
 *   `reevaluateRisk`, lowers that project's level, and `riskHistory` holds the old entry then the new one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer, testTokenSettings } from '../harness/tokens';
import { runScript } from '../harness/script';
import { testStoreUri } from '../harness/db';
import {
  boardPages, dataOf, gqlClient, levelsByProject, nothingPlanted, projectRisk, REASON_FIELDS, SEVERITY, waitForBoard,
  writeSettlementPayroll, type Gql, type Level, type ProjectRisk, type Reason,
} from '../harness/risk';

jest.setTimeout(300_000);

let system: SystemHandle;
/** An enforcement officer of the joint team whose purposes unlock every record behind a reason. */
let enforcer: Gql;
/** A housing clerk with no purpose: sees the colours and the rules, not the records. */
let clerk: Gql;
let admin: Gql;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-risk-e2e-'));

beforeAll(async () => {
  // joint's evaluator signs its own token with the process's JWT settings, and the harness's services verify
  // with the test keys: this file's process (jest gives each file its own env) takes those as its settings.
  const keys = testTokenSettings();
  Object.assign(process.env, { JWT_PUBLIC_KEY: keys.verifyKey, JWT_PRIVATE_KEY: keys.signKey, JWT_ISSUER: keys.issuer, JWT_AUDIENCE: keys.audience });
  system = await startSystem();
  enforcer = gqlClient(system.gateway.url, bearer({
    dept: 'joint', sub: 'risk-e2e-enforcer', roles: ['enforcement-officer'],
    purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision', 'complaint-handling'],
  }));
  clerk = gqlClient(system.gateway.url, bearer({ dept: 'housing', sub: 'risk-e2e-clerk' }));
  admin = gqlClient(system.gateway.url, bearer({ dept: 'joint', sub: 'risk-e2e-admin', roles: ['risk-admin'] }));
}, 600_000);

afterAll(async () => {
  await system?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const atLeast = (risk: ProjectRisk | null, level: Level) => risk !== null && SEVERITY[risk.level] >= SEVERITY[level];
const describeRisk = (code: string, risk: ProjectRisk | null) => `${code}: ${JSON.stringify(risk)}`;

test('joint evaluates the city by itself after start, through the gateway', async () => {
  const head = await waitForBoard(enforcer, (h) => h.evaluatedAt !== null, 'joint has evaluated the city');
  expect(head.totalCount).toBe(system.city.projects.length);
  expect(head.rulesVersion).toEqual(expect.any(String));
  expect(head.counts.reduce((n, c) => n + c.count, 0)).toBe(system.city.projects.length);
});

describe('the planted cases have their colours, reasons and keys', () => {
  beforeAll(async () => {
    await waitForBoard(enforcer, (h) => h.evaluatedAt !== null, 'joint has evaluated the city');
  });

  test('wage arrears: at least ORANGE, 人社 reason with the arrears month as a key', async () => {
    const { arrears } = system.city.planted;
    expect(arrears.length).toBeGreaterThan(0);
    for (const a of arrears) {
      const risk = await projectRisk(enforcer, a.projectCode);
      expect(atLeast(risk, 'ORANGE')).toBe(true);
      const reason = risk!.reasons.find((r) => r.rule === 'wage-arrears-any' && r.dept === 'hrss');
      expect({ project: describeRisk(a.projectCode, risk), found: reason !== undefined }).toMatchObject({ found: true });
      expect(reason!.keysHidden).toBe(false);
      expect(reason!.keys).toContain(a.month);
    }
  });

  test('night noise without a night-work permit: at least ORANGE, 生态环境 reason with the exceedances as keys', async () => {
    const { nightNoise } = system.city.planted;
    expect(nightNoise.length).toBeGreaterThan(0);
    for (const code of nightNoise) {
      const risk = await projectRisk(enforcer, code);
      expect(atLeast(risk, 'ORANGE')).toBe(true);
      const reason = risk!.reasons.find((r) => r.rule === 'night-noise-without-permit' && r.dept === 'environment');
      expect({ project: describeRisk(code, risk), found: reason !== undefined }).toMatchObject({ found: true });
      expect(reason!.keysHidden).toBe(false);
      expect(reason!.keys.length).toBeGreaterThan(0);
      // The project's own monitoring station is the source of the exceedances named.
      const mn = system.city.projects.find((p) => p.code === code)!.stationMn!;
      expect(reason!.keys.join(' ')).toContain(mn);
    }
  });

  test('built beyond the planning permit: at least ORANGE, a reason with the permit numbers as keys', async () => {
    const { overBuilt } = system.city.planted;
    expect(overBuilt.length).toBeGreaterThan(0);
    for (const code of overBuilt) {
      const p = system.city.projects.find((x) => x.code === code)!;
      const risk = await projectRisk(enforcer, code);
      expect(atLeast(risk, 'ORANGE')).toBe(true);
      const reason = risk!.reasons.find((r) => r.rule === 'over-built');
      expect({ project: describeRisk(code, risk), found: reason !== undefined }).toMatchObject({ found: true });
      expect(reason!.dept).toBe('resources');
      expect(reason!.keysHidden).toBe(false);
      // The permit the building is measured against.
      expect(reason!.keys.some((k) => [p.engineeringPermitNo, p.landPlanningPermitNo, p.permitNo].includes(k))).toBe(true);
    }
  });

  test('a builder whose credit code fails its check: its project is at least YELLOW with that reason', async () => {
    const { badUscc } = system.city.planted;
    expect(badUscc.length).toBeGreaterThan(0);
    for (const uscc of badUscc) {
      for (const p of system.city.projects.filter((x) => x.builderUscc === uscc)) {
        const risk = await projectRisk(enforcer, p.code);
        expect(atLeast(risk, 'YELLOW')).toBe(true);
        const reason = risk!.reasons.find((r) => r.rule === 'builder-credit-code-fails' && r.dept === 'housing');
        expect({ project: describeRisk(p.code, risk), found: reason !== undefined }).toMatchObject({ found: true });
        expect(reason!.keys).toEqual([uscc]);
      }
      // The builder itself is YELLOW (RED only from the blacklist) with the same check as its reason.
      if (((system.city.planted as { blacklisted?: string[] }).blacklisted ?? []).includes(uscc)) continue;
      const d = await dataOf(enforcer(`query C($uscc: String!) { enterprise(uscc: $uscc) { credit { colour inspectionInterval reasons { rule } } } }`, { uscc }));
      expect(d.enterprise.credit).toMatchObject({ colour: 'YELLOW', inspectionInterval: 'P1M' });
      expect(d.enterprise.credit.reasons.map((r: Reason) => r.rule)).toContain('credit-code-fails');
    }
  });

  test('projects with nothing planted are BLUE, with no reasons', async () => {
    const codes = nothingPlanted(system.city);
    expect(codes.length).toBeGreaterThan(system.city.projects.length / 2);
    const notBlue: string[] = [];
    for (const code of codes) {
      const risk = await projectRisk(enforcer, code);
      if (risk?.level !== 'BLUE' || risk.reasons.length) notBlue.push(describeRisk(code, risk));
    }
    expect(notBlue).toEqual([]);
  });

  test('the blacklisted enterprise is RED with the arrears-blacklist reason, inspected daily', async () => {
    const blacklisted: string[] = (system.city.planted as { blacklisted?: string[] }).blacklisted ?? [];
    expect(blacklisted.length).toBeGreaterThan(0);
    const credit = `query C($uscc: String!) { enterprise(uscc: $uscc) { uscc credit { colour inspectionInterval rulesVersion evaluatedAt reasons { ${REASON_FIELDS} } } } }`;
    for (const uscc of blacklisted) {
      const d = await dataOf(enforcer(credit, { uscc }));
      expect(d.enterprise.credit.colour).toBe('RED');
      const reason = d.enterprise.credit.reasons.find((r: Reason) => r.rule === 'arrears-blacklist' && r.dept === 'hrss');
      expect({ credit: d.enterprise.credit, found: reason !== undefined }).toMatchObject({ found: true });
      expect(d.enterprise.credit.inspectionInterval).toBe('P1D');
    }
  });

  test('a caller without the purpose sees the arrears rule but not its keys', async () => {
    const code = system.city.planted.arrears[0].projectCode;
    const seen = await projectRisk(enforcer, code);
    const hidden = await projectRisk(clerk, code);
    // The colour is the same for every caller: it is computed once, not with the caller's token.
    expect(hidden!.level).toBe(seen!.level);
    const wage = seen!.reasons.find((r) => r.rule === 'wage-arrears-any')!;
    expect(wage.keys.length).toBeGreaterThan(0);
    expect(hidden!.reasons.find((r) => r.rule === wage.rule)).toMatchObject({ rule: wage.rule, dept: 'hrss', keys: [], keysHidden: true });
  });
});

test('riskBoard pages through every project exactly once, and its counts equal the per-project levels', async () => {
  await waitForBoard(enforcer, (h) => h.evaluatedAt !== null, 'joint has evaluated the city');
  const pages = await boardPages(enforcer, 5);
  const codes = pages.flatMap((p) => p.codes);
  expect(pages.length).toBe(Math.ceil(system.city.projects.length / 5));
  expect(new Set(codes).size).toBe(codes.length);
  expect([...codes].sort()).toEqual(system.city.projects.map((p) => p.code).sort());
  const { counts, totalCount } = pages[0].head;
  expect(totalCount).toBe(codes.length);

  const levels = await levelsByProject(enforcer);
  expect(levels.size).toBe(codes.length);
  const expected = new Map<string, number>();
  for (const { district, level } of levels.values()) {
    expect(level).toBeDefined();
    const key = `${district} ${level}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const got = new Map(counts.filter((c) => c.count > 0).map((c) => [`${c.district} ${c.level}`, c.count]));
  expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
  // The board's own edges say the same level as `project.risk`.
  const onBoard = new Map(pages.flatMap((p) => p.codes.map((c, i) => [c, p.levels[i]] as const)));
  expect(Object.fromEntries(onBoard)).toEqual(Object.fromEntries([...levels].map(([c, v]) => [c, v.level])));
  // Not a vacuous comparison: the city has more than one colour.
  expect(new Set(counts.filter((c) => c.count > 0).map((c) => c.level)).size).toBeGreaterThan(1);
});

test('riskBoard filters: a district narrows counts and projects; a level narrows the projects only', async () => {
  await waitForBoard(enforcer, (h) => h.evaluatedAt !== null, 'joint has evaluated the city');
  const levels = await levelsByProject(enforcer);
  const worst = [...levels.values()].sort((a, b) => SEVERITY[b.level!] - SEVERITY[a.level!])[0];
  const { district, level } = worst as { district: string; level: Level };
  const inDistrict = [...levels].filter(([, v]) => v.district === district);

  const byDistrict = await boardPages(enforcer, 3, { district });
  expect(byDistrict.flatMap((p) => p.codes).sort()).toEqual(inDistrict.map(([c]) => c).sort());
  expect(byDistrict[0].head.counts.every((c) => c.district === district)).toBe(true);
  expect(byDistrict[0].head.counts.reduce((n, c) => n + c.count, 0)).toBe(inDistrict.length);

  const byBoth = await boardPages(enforcer, 3, { district, level });
  expect(byBoth.flatMap((p) => p.codes).sort()).toEqual(inDistrict.filter(([, v]) => v.level === level).map(([c]) => c).sort());
  expect(byBoth[0].head.totalCount).toBe(byBoth.flatMap((p) => p.codes).length);
  // The counts still show every level of the district.
  expect(byBoth[0].head.counts).toEqual(byDistrict[0].head.counts);
});

test('a payroll that pays the planted arrears, then reevaluateRisk, lowers the level; riskHistory holds both', async () => {
  await waitForBoard(enforcer, (h) => h.evaluatedAt !== null, 'joint has evaluated the city');
  const plant = system.city.planted.arrears.find((a) => a.kind === 'missing')!;
  const code = plant.projectCode;
  const before = (await projectRisk(enforcer, code))!;
  expect(atLeast(before, 'ORANGE')).toBe(true);

  const file = path.join(tmp, 'settlement-payroll.csv');
  const lines = writeSettlementPayroll(system.city, plant, file, new Date().toISOString().slice(0, 10));
  expect(lines).toBe(plant.idNumbers.length);
  const prefix = system.connections.hrss.name.replace(/_hrss$/, '');
  const ingest = await runScript('scripts/ingest.ts', ['payroll', file, '--json'], { uri: testStoreUri(), prefix });
  expect({ code: ingest.code, stderr: ingest.stderr }).toMatchObject({ code: 0 });
  expect(JSON.parse(ingest.stdout)).toMatchObject({ accepted: lines, rejected: 0 });

  const evaluation = await dataOf(admin('mutation { reevaluateRisk { rulesVersion evaluatedAt projects enterprises changes } }'));
  expect(evaluation.reevaluateRisk.projects).toBe(system.city.projects.length);
  expect(evaluation.reevaluateRisk.changes).toBeGreaterThanOrEqual(1);

  const after = (await projectRisk(enforcer, code))!;
  expect(SEVERITY[after.level]).toBeLessThan(SEVERITY[before.level]);
  expect(after.reasons.filter((r) => r.rule.startsWith('wage-arrears'))).toEqual([]);
  expect(after.evaluatedAt >= evaluation.reevaluateRisk.evaluatedAt).toBe(true);

  const d = await dataOf(enforcer(`query H($code: String!) { project(code: $code) { riskHistory(first: 20) {
    level previousLevel rulesVersion at reasons { ${REASON_FIELDS} } } } }`, { code }));
  const history = [...d.project.riskHistory].sort((a: any, b: any) => a.at.localeCompare(b.at));
  expect(history.map((h: any) => [h.previousLevel, h.level])).toEqual([[null, before.level], [before.level, after.level]]);
  // Each entry keeps the reasons of its time: the arrears reason stays explained in the old entry.
  expect(history[0].reasons.map((r: Reason) => r.rule)).toContain('wage-arrears-any');
  expect(history[1].reasons.filter((r: Reason) => r.rule.startsWith('wage-arrears'))).toEqual([]);
});

test('reevaluateRisk is refused without the risk-admin role of joint', async () => {
  const answer = await clerk('mutation { reevaluateRisk { changes } }');
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
