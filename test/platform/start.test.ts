/**
 * `npm start`'s program end to end, as a child process on a fresh data dir: it seeds, serves the
 * gateway, answers `{ __typename }`, and leaves no store process behind on SIGTERM or when killed.
 * A second start reuses the store build and the data.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR, DEPARTMENTS } from '../../lib/config';
import { signToken } from '../../lib/auth/tokens';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = {
  ...process.env,
  XIETONG_DATA_DIR: dataDir,
  XIETONG_DEMO_PROJECTS: '6',
  LOG_LEVEL: 'warn',
  GATEWAY_PORT: '0',
  HJ212_PORT: '0',
  ...Object.fromEntries([...DEPARTMENTS, 'joint'].map((d) => [`${d.toUpperCase()}_PORT`, '0'])),
};
delete (env as Record<string, string | undefined>).MONGODB_URI;

function startSystem(extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT_DIR, env: { ...env, ...extraEnv } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const m = /XIETONG_GATEWAY_URL=(\S+)/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited with ${code} before it was ready:\n${out}`)));
  });
}

function storePid(): number {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'store.json'), 'utf8')).pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function typename(url: string): Promise<unknown> {
  const keys = path.join(dataDir, 'keys');
  const token = signToken(
    {
      algorithm: 'RS256',
      verifyKey: fs.readFileSync(path.join(keys, 'jwt-public.pem'), 'utf8'),
      signKey: fs.readFileSync(path.join(keys, 'jwt-private.pem'), 'utf8'),
      issuer: 'xietong-dev',
      audience: 'xietong',
    },
    { sub: 'start-test', dept: 'housing' },
  );
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename projects(first: 100) { totalCount } }' }),
  });
  return res.json();
}

test('start, answer, SIGTERM leaves no store; restart keeps data; SIGKILL of the parent ends the store', async () => {
  const first = await startSystem();
  expect(await typename(first.url)).toEqual({ data: { __typename: 'Query', projects: { totalCount: 6 } } });
  const pid1 = storePid();
  expect(alive(pid1)).toBe(true);
  first.child.kill('SIGTERM');
  await new Promise((r) => first.child.once('exit', r));
  await waitUntil(() => !alive(pid1), 'the store of the first run is gone');
  expect(fs.existsSync(path.join(dataDir, 'store.json'))).toBe(false);

  const second = await startSystem();
  expect(second.output()).not.toMatch(/building the embedded store/);
  expect(second.output()).not.toMatch(/seeding the demo city/);
  expect(await typename(second.url)).toEqual({ data: { __typename: 'Query', projects: { totalCount: 6 } } });
  const pid2 = storePid();
  second.child.kill('SIGKILL');
  await new Promise((r) => second.child.once('exit', r));
  await waitUntil(() => !alive(pid2), 'the store exits after its parent was killed');
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
