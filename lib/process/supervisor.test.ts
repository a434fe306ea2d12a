/**
 * The supervisor with real child processes: a service that dies is restarted after the back-off, on
 * the port of its first start; the back-off doubles; a service that cannot start once is reported,
 * not retried; stop() ends it without a restart; a child exits when its supervisor is killed outright.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Supervisor } from './supervisor';
import { isAlive as alive } from './alive';
import { waitUntil as waitFor } from '../../test/harness/wait';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-supervisor-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A service: listens on TEST_PORT (0 = free), reports ready, exits with 3 after DIE_AFTER_MS unless DIE_FILE exists. */
const SERVICE = path.join(dir, 'service.js');
fs.writeFileSync(
  SERVICE,
  `const net = require('node:net');
const fs = require('node:fs');
if (process.env.FAIL_AT_START) process.exit(7);
const srv = net.createServer().listen(Number(process.env.TEST_PORT || 0), '127.0.0.1', () => {
  const port = srv.address().port;
  process.send({ type: 'ready', service: 'svc', url: '127.0.0.1:' + port, port, pid: process.pid });
  const dieFile = process.env.DIE_FILE;
  if (process.env.DIE_AFTER_MS && !(dieFile && fs.existsSync(dieFile))) setTimeout(() => process.exit(3), Number(process.env.DIE_AFTER_MS));
});
process.on('disconnect', () => process.exit(0));
`,
);



test('a service that dies is restarted after a doubling back-off, on the port of its first start', async () => {
  const supervisor = new Supervisor({ backOff: { initialMs: 100, maxMs: 1_000, resetAfterMs: 60_000 } });
  const exits: number[] = [];
  const readies: { pid: number; port: number }[] = [];
  supervisor.on('exit', (_name, e) => exits.push(e.restartInMs));
  supervisor.on('ready', (_name, r) => readies.push({ pid: r.pid, port: r.port }));
  const svc = supervisor.start({ name: 'svc', script: SERVICE, portVariable: 'TEST_PORT', env: { TEST_PORT: '0', DIE_AFTER_MS: '150' } });
  const first = await svc.ready;
  await waitFor(() => exits.length >= 3, 'three deaths');
  await supervisor.stopAll();
  expect(exits.slice(0, 3)).toEqual([100, 200, 400]);
  expect(readies.length).toBeGreaterThanOrEqual(3);
  // Every restart got the first start's port, and is a new process.
  expect(new Set(readies.map((r) => r.port))).toEqual(new Set([first.port]));
  expect(new Set(readies.map((r) => r.pid)).size).toBe(readies.length);
  expect(svc.restarts()).toBeGreaterThanOrEqual(3);
});

test('stop() ends the service without a restart', async () => {
  const supervisor = new Supervisor({ backOff: { initialMs: 50 } });
  const svc = supervisor.start({ name: 'svc', script: SERVICE });
  const { pid } = await svc.ready;
  await svc.stop();
  expect(alive(pid)).toBe(false);
  await new Promise((r) => setTimeout(r, 200)); // longer than the back-off: a restart would have come
  expect(svc.pid()).toBeUndefined();
  expect(svc.restarts()).toBe(0);
});

test('a service that cannot start once is reported with its exit code, not retried', async () => {
  const supervisor = new Supervisor({ backOff: { initialMs: 10 } });
  const svc = supervisor.start({ name: 'svc', script: SERVICE, env: { FAIL_AT_START: '1' } });
  await expect(svc.ready).rejects.toThrow(/svc exited \(code 7/);
  await new Promise((r) => setTimeout(r, 100));
  expect(svc.restarts()).toBe(0);
});

test('children exit when their supervisor is killed outright (SIGKILL)', async () => {
  const runner = path.join(dir, 'runner.ts');
  fs.writeFileSync(
    runner,
    `import { Supervisor } from ${JSON.stringify(path.join(__dirname, 'supervisor'))};
const s = new Supervisor();
s.start({ name: 'svc', script: ${JSON.stringify(SERVICE)} }).ready.then((r) => process.stdout.write('CHILD ' + r.pid + '\\n'));
`,
  );
  const parent = spawn(process.execPath, ['--import', 'tsx', runner], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  parent.stdout.on('data', (d) => (out += d));
  await waitFor(() => /CHILD (\d+)/.test(out), 'the child is ready', 30_000);
  const childPid = Number(/CHILD (\d+)/.exec(out)![1]);
  expect(alive(childPid)).toBe(true);
  parent.kill('SIGKILL');
  await waitFor(() => !alive(childPid), 'the orphaned child has exited');
});
