/**
 * The contract suite itself: it passes against a local deployment of the whole graph (store queries
 * counted, as STORE_QUERY_METRICS=on does), and its checks fail where a subgraph is broken — a housing
 * server built here whose Project reference resolver echoes the key, and one that reads the store once
 * per representation. `npm run contract` (the CLI) exits 1 on a failure and writes JUnit XML that parses
 * with the counts it printed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { ROOT_DIR } from '../../lib/config';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { createProjectModel } from '../../subgraphs/housing/models/project';
import { countStoreQueries } from '../../subgraphs/common/storeQueryMetrics';
import type { SubgraphDefinition } from '../../subgraphs/common/createSubgraph';
import { startSubgraph, type Started } from '../harness/services';
import { startSystem, type SystemHandle } from '../harness/system';
import { testToken } from '../harness/tokens';
import { runContract, type CheckResult, type ContractTarget } from './checks';
import { counts } from './results';

let system: SystemHandle;
let target: ContractTarget;
const broken: Started[] = [];
const stopCounting: (() => void)[] = [];
const ALL_PURPOSES = ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'];

/** A housing subgraph on the same store whose Project reference resolver is replaced. */
async function housingWith(resolveReference: (ref: { code: string }) => unknown): Promise<string> {
  type Resolvers = Record<string, Record<string, unknown>>;
  const resolvers = housingSubgraph.resolvers as unknown as Resolvers;
  const def = { ...housingSubgraph, resolvers: { ...resolvers, Project: { ...resolvers.Project, __resolveReference: resolveReference } } };
  const server = await startSubgraph(def as unknown as SubgraphDefinition<unknown>, system.connections.housing);
  broken.push(server);
  return server.url;
}

beforeAll(async () => {
  system = await startSystem({ projects: 8, monitoringDays: 1 });
  for (const [name, connection] of Object.entries(system.connections)) stopCounting.push(countStoreQueries(connection, name));
  const workers = (await system.connections.hrss.collection('registrations').distinct('workerId')) as string[];
  target = {
    gatewayUrl: system.gateway.url,
    token: testToken({ dept: 'joint', purposes: ALL_PURPOSES }),
    expiredToken: testToken({ dept: 'joint', ttl: -60 }),
    subgraphs: system.subgraphUrls,
    keys: { Worker: workers.slice(0, 6) },
  };
}, 180_000);
afterAll(async () => {
  stopCounting.forEach((stop) => stop());
  await Promise.all(broken.map((s) => s.stop()));
  await system?.stop();
});

const named = (results: CheckResult[], suite: string, name: string) => results.find((r) => r.suite === suite && r.name === name);

test('every contract check passes on a local deployment, none skipped', async () => {
  const results = await runContract(target);
  expect(results.filter((r) => r.status !== 'passed')).toEqual([]);
  // Per subgraph: SDL, 5 rejections, and 5 checks per entity it declares.
  const entityChecks = results.filter((r) => / (one known key|unknown key)/.test(r.name));
  const declared = new Set(entityChecks.map((r) => `${r.suite}:${r.name.split(':')[0]}`));
  expect([...declared].sort()).toEqual(
    [
      'citymgmt:Enterprise(uscc)', 'citymgmt:Project(code)',
      'environment:MonitoringStation(mn)', 'environment:Project(code)',
      'housing:Enterprise(uscc)', 'housing:Project(code)',
      'hrss:Enterprise(uscc)', 'hrss:Project(code)', 'hrss:Worker(workerId)',
      'joint:Enterprise(uscc)', 'joint:Project(code)',
      'resources:Parcel(parcelCode)', 'resources:Project(code)',
    ].sort(),
  );
  // The batching checks measured real reads (the owners load every representation from the store or memory).
  const batching = results.filter((r) => r.name.includes('at most one store read'));
  expect(batching).toHaveLength(13);
  expect(named(results, 'housing', 'Project(code): unknown key → null (owner of Project)')?.status).toBe('passed');
  expect(named(results, 'gateway', 'expired token → 401 UNAUTHENTICATED')?.status).toBe('passed');
}, 120_000);

test('a subgraph owning an entity that echoes an unknown key back fails the unknown-key check (and only the checks it breaks)', async () => {
  const url = await housingWith((ref) => ({ ...ref }));
  const results = await runContract({ ...target, subgraphs: { housing: url } });
  const failed = results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.name)).toContain('Project(code): unknown key → null (owner of Project)');
  expect(named(results, 'housing', 'Project(code): unknown key → null (owner of Project)')?.detail).toMatch(/answered \{"__typename":"Project","code":"1999-000000-00-00-000000"\}, not null/);
  expect(failed.every((r) => r.suite === 'housing' && r.name.startsWith('Project(code)'))).toBe(true);
}, 120_000);

test('a subgraph that reads the store once per representation fails the batching check', async () => {
  const projects = createProjectModel(system.connections.housing);
  const url = await housingWith((ref) => projects.findOne({ code: ref.code }).lean());
  const results = await runContract({ ...target, subgraphs: { housing: url } });
  const check = named(results, 'housing', 'Project(code): N representations → at most one store read per collection');
  expect(check?.status).toBe('failed');
  expect(check?.detail).toMatch(/representations read projects (\d+)×/);
  expect(Number(/projects (\d+)×/.exec(check!.detail!)![1])).toBeGreaterThanOrEqual(9);
  // The same server still keeps order and answers null for an unknown key.
  expect(named(results, 'housing', 'Project(code): unknown key → null (owner of Project)')?.status).toBe('passed');
}, 120_000);

test('npm run contract exits 1 on a failure and writes JUnit XML with the counts it printed', async () => {
  const url = await housingWith((ref) => ({ ...ref }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-junit-'));
  const file = path.join(dir, 'out.xml');
  try {
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT_DIR, 'test/contract/run.ts'), '--url', target.gatewayUrl, '--token', target.token, '--subgraph', `housing=${url}`, '--junit', file],
      { cwd: ROOT_DIR, timeout: 120_000 },
    );
    const outcome = await run.then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(outcome.code).toBe(1);
    const summary = /(\d+) checks: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(outcome.stdout)!;
    expect(summary).not.toBeNull();
    const [tests, passed, failures, skipped] = summary.slice(1).map(Number);
    expect(failures).toBeGreaterThanOrEqual(1);
    expect(skipped).toBeGreaterThanOrEqual(1); // no --expired-token given
    const xml = fs.readFileSync(file, 'utf8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const root = doc.testsuites;
    expect(Number(root.tests)).toBe(tests);
    expect(Number(root.failures)).toBe(failures);
    const suites = [root.testsuite].flat();
    expect(suites.map((s: { name: string }) => s.name).sort()).toEqual(['gateway', 'housing']);
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as { name: string; failure?: unknown; skipped?: unknown }[];
    expect(cases).toHaveLength(tests);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(failures);
    expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(skipped);
    expect(tests - failures - skipped).toBe(passed);
    expect(cases.find((c) => c.name === 'Project(code): unknown key → null (owner of Project)')?.failure).toBeDefined();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

test('a bad token fails the suite loudly, not silently', async () => {
  const results = await runContract({ gatewayUrl: system.gateway.url, token: 'not-a-token' });
  expect(named(results, 'gateway', 'the given token is accepted')?.status).toBe('failed');
  expect(counts(results).failures).toBeGreaterThan(0);
});
