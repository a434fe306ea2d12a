/**
 * The evaluator against the whole graph (startSystem: a small demo city seeded through the adapters, every
 * subgraph and the gateway on port 0): joint evaluates the city by itself after start, through the gateway with
 * its own token; the planted situations get their levels, reasons and keys; nothing-planted projects stay BLUE;
 * the blacklisted enterprise is RED and a builder with a failing credit code YELLOW; keys follow the caller's
 * purposes; an evaluation without new facts records no change.
 */
import { startSystem, type SystemHandle } from '../../../test/harness/system';
import { bearer, testTokenSettings } from '../../../test/harness/tokens';

jest.setTimeout(300_000);

type Level = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';
const RANK: Record<Level, number> = { BLUE: 0, YELLOW: 1, ORANGE: 2, RED: 3 };
interface Reason { rule: string; dept: string; detail: string; keys: string[]; keysHidden: boolean }
interface Risk { level: Level; reasons: Reason[]; rulesVersion: string; evaluatedAt: string }

let system: SystemHandle;
const enforcer = () => bearer({ dept: 'joint', sub: 'risk-test-enforcer', purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'] });
const clerk = () => bearer({ dept: 'housing', sub: 'risk-test-clerk' });
const admin = () => bearer({ dept: 'joint', sub: 'risk-test-admin', roles: ['risk-admin'] });

async function gql(query: string, variables: Record<string, unknown>, auth: string) {
  const res = await system.gateway.query(query, variables, auth);
  return res.body as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

// The board's levels page by page; the reasons project by project (a page of reasons and keys is costly: the
// gateway prices every list inside riskBoard at the default size until lib/limits/costs.json lists them).
const BOARD = `query Board($first: Int, $after: String) { riskBoard(first: $first, after: $after) {
  totalCount evaluatedAt rulesVersion counts { district level count } pageInfo { hasNextPage endCursor }
  edges { cursor node { code risk { level } } } } }`;
const PROJECT_RISK = `query R($code: String!) { project(code: $code) { risk { level rulesVersion evaluatedAt reasons { rule dept detail keys keysHidden } } } }`;

async function allRisks(auth: string) {
  const risks = new Map<string, Risk | null>();
  let after: string | null = null;
  let head: any;
  do {
    const a = await gql(BOARD, { first: 7, after }, auth);
    expect(a.errors).toBeUndefined();
    head = a.data.riskBoard;
    for (const e of head.edges) {
      expect(risks.has(e.node.code)).toBe(false); // every project exactly once
      const r = await gql(PROJECT_RISK, { code: e.node.code }, auth);
      expect(r.errors).toBeUndefined();
      expect(r.data.project.risk.level).toBe(e.node.risk.level);
      risks.set(e.node.code, r.data.project.risk);
    }
    after = head.pageInfo.hasNextPage ? head.pageInfo.endCursor : null;
  } while (after);
  return { risks, head };
}

const reason = (risk: Risk | null | undefined, rule: RegExp) => risk?.reasons.find((r) => rule.test(r.rule));

beforeAll(async () => {
  // joint signs its evaluator token with the process's JWT settings; the harness's services verify with the test
  // keys, so the process's settings are those (jest gives each test file its own process.env).
  const keys = testTokenSettings();
  process.env.JWT_PUBLIC_KEY = keys.verifyKey;
  process.env.JWT_PRIVATE_KEY = keys.signKey;
  process.env.JWT_ISSUER = keys.issuer;
  process.env.JWT_AUDIENCE = keys.audience;
  system = await startSystem({ projects: 24 });
}, 600_000);

afterAll(async () => {
  await system?.stop();
});

test('joint evaluates the city after start; planted situations get their levels, reasons and keys; the rest is BLUE', async () => {
  const started = Date.now();
  const deadline = Date.now() + 180_000;
  while ((await gql('{ riskBoard(first: 1) { evaluatedAt } }', {}, enforcer())).data?.riskBoard.evaluatedAt == null) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the first risk evaluation');
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`first evaluation visible ${Date.now() - started} ms after start returned`);
  const { risks, head } = await allRisks(enforcer());
  const city = system.city;
  expect(risks.size).toBe(city.projects.length);
  expect(head.totalCount).toBe(city.projects.length);
  // Counts equal the per-project levels.
  const counted = new Map<string, number>();
  for (const [code, r] of risks) {
    const key = `${city.projects.find((p) => p.code === code)!.district}/${r!.level}`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  expect(new Map(head.counts.map((c: any) => [`${c.district}/${c.level}`, c.count]))).toEqual(counted);

  const arrears = city.planted.arrears.map((a) => a.projectCode);
  const builderBad = city.projects.filter((p) => city.planted.badUscc.includes(p.builderUscc)).map((p) => p.code);
  expect(arrears.length).toBeGreaterThan(0);
  expect(city.planted.nightNoise.length).toBeGreaterThan(0);
  expect(city.planted.overBuilt.length).toBeGreaterThan(0);
  expect(builderBad.length).toBeGreaterThan(0);
  for (const code of arrears) {
    const r = risks.get(code)!;
    expect({ code, rank: RANK[r.level] >= RANK.ORANGE }).toEqual({ code, rank: true });
    const why = reason(r, /^wage-arrears/)!;
    expect(why).toMatchObject({ dept: 'hrss', keysHidden: false });
    expect(why.keys).toContain(city.months[1]);
  }
  for (const code of city.planted.nightNoise) {
    const r = risks.get(code)!;
    expect(RANK[r.level]).toBeGreaterThanOrEqual(RANK.ORANGE);
    const why = reason(r, /^night-noise-without-permit$/)!;
    expect(why.dept).toBe('environment');
    const mn = city.projects.find((p) => p.code === code)!.stationMn!;
    expect(why.keys.length).toBeGreaterThan(0);
    for (const k of why.keys) expect(k.startsWith(`${mn}@`)).toBe(true);
  }
  for (const code of city.planted.overBuilt) {
    const r = risks.get(code)!;
    expect(RANK[r.level]).toBeGreaterThanOrEqual(RANK.ORANGE);
    const why = reason(r, /^over-built/)!;
    expect(why).toMatchObject({ dept: 'resources', keys: [city.projects.find((p) => p.code === code)!.engineeringPermitNo] });
  }
  for (const code of builderBad) {
    const r = risks.get(code)!;
    expect(RANK[r.level]).toBeGreaterThanOrEqual(RANK.YELLOW);
    expect(reason(r, /^builder-credit-code-fails$/)?.keys).toEqual([city.projects.find((p) => p.code === code)!.builderUscc]);
  }
  const planted = new Set([...arrears, ...city.planted.nightNoise, ...city.planted.overBuilt, ...builderBad]);
  const others = [...risks].filter(([code]) => !planted.has(code));
  expect(others.length).toBeGreaterThan(0);
  expect(others.filter(([, r]) => r!.level !== 'BLUE').map(([code, r]) => `${code}: ${JSON.stringify(r)}`)).toEqual([]);
});

test('enterprise colours: the blacklisted contractor RED, the builder with a failing credit code YELLOW', async () => {
  const city = system.city;
  const q = `query C($uscc: String!) { enterprise(uscc: $uscc) { uscc credit { colour inspectionInterval validUntil rulesVersion reasons { rule dept keys keysHidden } } creditHistory { colour previousColour } } }`;
  expect(city.planted.blacklisted.length).toBe(1);
  const red = (await gql(q, { uscc: city.planted.blacklisted[0] }, clerk())).data.enterprise;
  expect(red.credit).toMatchObject({ colour: 'RED', inspectionInterval: 'P1D', validUntil: '2029-11-30' });
  expect(red.credit.reasons[0]).toEqual({ rule: 'arrears-blacklist', dept: 'hrss', keys: ['临人社失信〔2026〕1号'], keysHidden: false });
  expect(red.creditHistory).toEqual([{ colour: 'RED', previousColour: null }]);
  const bad = city.projects.find((p) => city.planted.badUscc.includes(p.builderUscc))!.builderUscc;
  const yellow = (await gql(q, { uscc: bad }, clerk())).data.enterprise;
  expect(yellow.credit).toMatchObject({ colour: 'YELLOW', inspectionInterval: 'P1M', validUntil: null });
  expect(yellow.credit.reasons.map((r: Reason) => r.rule)).toContain('credit-code-fails');
});

test('a caller without the purpose sees the rule, not the keys or figures', async () => {
  const code = system.city.planted.arrears[0].projectCode;
  const a = await gql('query P($code: String!) { project(code: $code) { risk { level reasons { rule dept detail keys keysHidden } } } }', { code }, clerk());
  expect(a.errors).toBeUndefined();
  const why = reason(a.data.project.risk, /^wage-arrears/)!;
  expect(why).toMatchObject({ dept: 'hrss', keys: [], keysHidden: true });
  expect(why.detail).not.toMatch(/¥|workers owed/);
});

test('reevaluateRisk: only for risk-admin of joint; without new facts it records no change', async () => {
  const denied = await gql('mutation { reevaluateRisk { changes } }', {}, clerk());
  expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const t0 = Date.now();
  const done = await gql('mutation { reevaluateRisk { rulesVersion evaluatedAt projects enterprises changes } }', {}, admin());
  console.log(`reevaluateRisk for ${system.city.projects.length} projects: ${Date.now() - t0} ms`);
  expect(done.errors).toBeUndefined();
  expect(done.data.reevaluateRisk).toMatchObject({ projects: system.city.projects.length, changes: 0 });
  const code = system.city.planted.overBuilt[0];
  const h = await gql('query H($code: String!) { project(code: $code) { riskHistory { level previousLevel rulesVersion at } } }', { code }, clerk());
  expect(h.data.project.riskHistory).toHaveLength(1);
  expect(h.data.project.riskHistory[0].previousLevel).toBeNull();
});
