/**
 * 200 concurrent callers for 10 s against `npm start`'s supervised system (issue 16): nobody waits for
 * a timeout, no saturated subgraph is reported unavailable, a cheap query is answered within 1 s all
 * along, every refusal is a 503/429 with Retry-After, and no process grows past the stated bound. A
 * second run with small admission limits proves that the excess is refused, not queued until timeouts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCallers, type LoadResult } from '../../bench/overload/callers';
import { watchPeakRss } from '../../bench/overload/rss';
import { startSupervised, type SupervisedSystem } from '../harness/supervised';

/** The bound stated in ADR 0008 for every process of the system under this load. */
const MAX_RSS_MB = 600;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-overload-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const LIST = `query OverloadList { projects(first: 50) { totalCount edges { node { code name complaintCount workforce stations { mn } } } } }`;
const ONE = `query OverloadProject($code: String!) { project(code: $code) { code name participants { role enterpriseName } approvedFloorArea complaints { orderNo } workforce } }`;

async function attack(system: SupervisedSystem, callers: number, seconds: number): Promise<{ result: LoadResult; peakRssMb: Record<string, number> }> {
  const token = (sub: string) => system.token({ sub, dept: 'joint', purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'] });
  const list = await fetch(system.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token('setup')}` },
    body: JSON.stringify({ query: LIST }),
  }).then((r) => r.json() as Promise<{ data: { projects: { edges: { node: { code: string } }[] } } }>);
  const rss = watchPeakRss(system.child.pid!);
  const result = await runCallers({
    url: system.url,
    tokens: Array.from({ length: callers }, (_, i) => token(`caller-${i}`)),
    probeToken: token('probe'),
    operations: [{ query: LIST }, { query: ONE, variables: { code: list.data.projects.edges[0].node.code } }],
    seconds,
    requestTimeoutMs: 15_000,
  });
  return { result, peakRssMb: rss.stop() };
}

function expectNoCollapse({ result, peakRssMb }: { result: LoadResult; peakRssMb: Record<string, number> }) {
  expect(result.timeouts).toBe(0);
  expect(result.errorCodes.SUBGRAPH_UNAVAILABLE ?? 0).toBe(0);
  // The subgraph timeout is 10 s: nothing comes near it (2.3–3.9 s seen with the machine to itself; 8.4 s
  // once with three other test runs on its 2 cores, hence the margin).
  expect(result.allMaxMs).toBeLessThan(7_500);
  expect(result.served).toBeGreaterThan(0);
  expect(result.shedWithRetryAfter).toBe(result.shed);
  expect(result.probe.ok).toBe(result.probe.sent);
  expect(result.probe.max).toBeLessThan(1_000);
  for (const [name, mb] of Object.entries(peakRssMb)) expect([name, mb < MAX_RSS_MB]).toEqual([name, true]);
}

test('200 callers for 10 s with the default limits: no timeouts, no false SUBGRAPH_UNAVAILABLE, the probe within 1 s', async () => {
  const system = await startSupervised({ dataDir, env: { XIETONG_DEMO_PROJECTS: '6' } });
  try {
    const run = await attack(system, 200, 10);
    process.stderr.write(`overload (defaults): ${JSON.stringify(run)}\n`);
    expectNoCollapse(run);
  } finally {
    await system.stop();
  }
}, 240_000);

test('with small admission limits the excess is refused at once with 503 and Retry-After', async () => {
  const system = await startSupervised({ dataDir, env: { XIETONG_DEMO_PROJECTS: '6', MAX_IN_FLIGHT: '4', MAX_QUEUED: '2', MAX_QUEUE_WAIT_MS: '200' } });
  try {
    const run = await attack(system, 200, 10);
    process.stderr.write(`overload (small limits): ${JSON.stringify(run)}\n`);
    expectNoCollapse(run);
    expect(run.result.shed).toBeGreaterThan(run.result.requests / 4);
    expect(run.result.shedMs.p50).toBeLessThan(1_000);
  } finally {
    await system.stop();
  }
}, 240_000);
