/**
 * `npm start`'s program end to end, as a child process on a fresh data dir: it seeds, serves the
 * gateway, answers `{ __typename }`, and leaves no store or service process behind on SIGTERM or when
 * killed. A second start reuses the store build and the data. A subgraph that dies is restarted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSupervised, type SupervisedSystem } from '../harness/supervised';
import { isAlive as alive } from '../../lib/process/alive';
import { waitUntil } from '../harness/wait';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function startSystem(extraEnv: Record<string, string> = {}): Promise<SupervisedSystem> {
  // LOG_LEVEL warn (the harness's default): the supervisor's restart line is an error, still printed.
  return startSupervised({ dataDir: extraEnv.XIETONG_DATA_DIR ?? dataDir, env: { XIETONG_DEMO_PROJECTS: '6', ...extraEnv } });
}

/** pid of every service the supervisor started so far, by name (the latest start of each). */
function servicePids(run: SupervisedSystem): Record<string, number> {
  return Object.fromEntries(Object.entries(run.services()).map(([name, s]) => [name, s.pid]));
}

function storePid(): number {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'store.json'), 'utf8')).pid;
}



async function typename(run: SupervisedSystem): Promise<unknown> {
  const res = await fetch(run.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${run.token({ sub: 'start-test', dept: 'housing' })}` },
    body: JSON.stringify({ query: '{ __typename projects(first: 100) { totalCount } }' }),
  });
  return res.json();
}

test('start, answer, SIGTERM leaves no store; restart keeps data; SIGKILL of the parent ends the store', async () => {
  const first = await startSystem();
  expect(await typename(first)).toEqual({ data: { __typename: 'Query', projects: { totalCount: 6 } } });
  const pid1 = storePid();
  expect(alive(pid1)).toBe(true);
  const services1 = Object.values(servicePids(first));
  expect(services1).toHaveLength(8); // six subgraphs, the gateway, the HJ 212 listener: each its own process
  first.child.kill('SIGTERM');
  await new Promise((r) => first.child.once('exit', r));
  await waitUntil(() => !alive(pid1), 'the store of the first run is gone');
  await waitUntil(() => services1.every((p) => !alive(p)), 'every service of the first run is gone');
  expect(fs.existsSync(path.join(dataDir, 'store.json'))).toBe(false);

  const second = await startSystem();
  expect(second.output()).not.toMatch(/building the embedded store/);
  expect(second.output()).not.toMatch(/seeding the demo city/);
  expect(await typename(second)).toEqual({ data: { __typename: 'Query', projects: { totalCount: 6 } } });
  const pid2 = storePid();
  const services2 = Object.values(servicePids(second));
  second.child.kill('SIGKILL');
  await new Promise((r) => second.child.once('exit', r));
  await waitUntil(() => !alive(pid2), 'the store exits after its parent was killed');
  await waitUntil(() => services2.every((p) => !alive(p)), 'every service exits after the supervisor was killed');
}, 180_000);

test('a subgraph that dies is restarted; meanwhile /ready names it and the rest keep serving', async () => {
  const run = await startSystem();
  try {
    const ready = run.url.replace(/\/graphql$/, '/ready');
    const before = servicePids(run);
    process.kill(before.environment, 'SIGKILL');
    // The restart waits 500 ms (the first back-off), so this sees it down.
    const whileDown = await fetch(ready);
    expect(whileDown.status).toBe(503);
    expect(JSON.stringify(await whileDown.json())).toMatch(/subgraph environment unreachable/);
    // The other departments answer while environment is down or restarting.
    expect(await typename(run)).toEqual({ data: { __typename: 'Query', projects: { totalCount: 6 } } });
    await waitUntil(() => servicePids(run).environment !== before.environment, 'environment is restarted', 30_000);
    expect(run.output()).toMatch(/"msg":"environment exited; restarting in 500 ms"/);
    const after = await fetch(ready);
    expect(after.status).toBe(200);
    // Nothing else was restarted.
    const now = servicePids(run);
    for (const name of Object.keys(before)) if (name !== 'environment') expect(now[name]).toBe(before[name]);
  } finally {
    await run.stop();
  }
}, 180_000);

test('with MONGODB_URI set, no embedded store is built or started', async () => {
  const emptyBuildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-nobuild-'));
  const otherData = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-uri-'));
  try {
    const run = await startSystem({
      MONGODB_URI: process.env.XIETONG_TEST_MONGODB_URI!,
      MONGODB_DB_PREFIX: `starturi${process.pid}`,
      XIETONG_BUILD_DIR: emptyBuildDir,
      XIETONG_DATA_DIR: otherData,
    });
    expect(run.output()).toMatch(/store: MONGODB_URI/);
    run.child.kill('SIGTERM');
    await new Promise((r) => run.child.once('exit', r));
    expect(fs.readdirSync(emptyBuildDir)).toEqual([]);
    expect(fs.existsSync(path.join(otherData, 'ferretdb'))).toBe(false);
  } finally {
    fs.rmSync(emptyBuildDir, { recursive: true, force: true });
    fs.rmSync(otherData, { recursive: true, force: true });
  }
}, 180_000);
