/**
 * Issue 17: `npm start` on a store seeded before the hrss wage read model existed builds it (in a child,
 * once the services are up); on a store whose read model is ready it does nothing. The store is the
 * run's embedded store under a prefix of this file's own; `npm start` runs as a child process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSilo } from '../../adapters/store/connection';
import { startSupervised, type SupervisedSystem } from '../harness/supervised';
import { testStoreUri } from '../harness/db';
import { waitUntil } from '../harness/wait';

const uri = testStoreUri();
const prefix = `wagestart${process.pid}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-wagestart-'));
afterAll(async () => {
  const conns = await Promise.all(['housing', 'resources', 'citymgmt', 'hrss', 'environment', 'joint'].map((n) => connectSilo(uri, n, `${prefix}_${n}`)));
  for (const c of conns) {
    await c.dropDatabase().catch(() => undefined);
    await c.close();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<SupervisedSystem> {
  return startSupervised({ dataDir, env: { XIETONG_DEMO_PROJECTS: '8', MONGODB_URI: uri, MONGODB_DB_PREFIX: prefix, LOG_LEVEL: 'info' } });
}

async function arrears(run: SupervisedSystem, month: string): Promise<unknown> {
  const res = await fetch(run.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${run.token({ sub: 'wage-start-test', dept: 'joint', roles: ['inspector'], purposes: ['wage-enforcement'] })}` },
    body: JSON.stringify({ query: `{ wageArrears(month: "${month}") { project { code } month workersAffected amountOwed } }` }),
  });
  return res.json();
}

async function stopped(run: SupervisedSystem): Promise<void> {
  run.child.kill('SIGTERM');
  await new Promise((r) => run.child.once('exit', r));
}

test('a store without the wage read model gets it built at start; a store with it is left alone', async () => {
  const hrss = await connectSilo(uri, 'hrss', `${prefix}_hrss`);
  try {
    const first = await start(); // seeds through the adapters, which maintain the read model
    const answer = await arrears(first, '2026-10');
    expect(answer).toEqual({ data: { wageArrears: expect.any(Array) } });
    expect((answer as { data: { wageArrears: unknown[] } }).data.wageArrears.length).toBeGreaterThan(0);
    expect(first.output()).not.toMatch(/wage read model not ready/);
    await stopped(first);
    const facts = await hrss.collection('wage_project_months').countDocuments();
    expect(facts).toBeGreaterThan(0);

    // What a store seeded before issue 17's read model looks like.
    await hrss.collection('wage_read_model_state').deleteMany({});
    await hrss.collection('wage_project_months').deleteMany({});
    await hrss.collection('wage_arrears_index').deleteMany({});

    const second = await start();
    try {
      // One JSON log line (pino writes `msg` last): the state and the message, in any order.
      expect(second.output().split('\n').some((line) => /"state":"absent"/.test(line) && /"msg":"hrss wage read model not ready: building it in the background/.test(line))).toBe(true);
      await waitUntil(() => /"msg":"hrss wage read model built"/.test(second.output()), 'the read model is built', 120_000);
      expect(await hrss.collection('wage_read_model_state').findOne({})).toMatchObject({ state: 'ready' });
      expect(await hrss.collection('wage_project_months').countDocuments()).toBe(facts);
      expect(await arrears(second, '2026-10')).toEqual(answer);
    } finally {
      await stopped(second);
    }
  } finally {
    await hrss.close();
  }
}, 400_000);
