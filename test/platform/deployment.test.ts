/** The deployment files stay valid and the committed supergraph is what composition gives. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, listedSubgraphs, SUPERGRAPH_PATH } from '../../schema/compose';
import { ROOT_DIR } from '../../lib/config';
import { SERVICE_NODE_FLAGS } from '../../lib/nodeFlags';
import { childNodeArgs } from '../../bench/graph/children';

test('the committed supergraph equals a fresh composition (run `npm run compose`)', () => {
  expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
});

test('docker-compose.yml is valid and runs MongoDB, the gateway, one service per subgraph and the HJ 212 listener', () => {
  const found = spawnSync('docker-compose', ['--version']);
  if (found.error) {
    throw new Error('docker-compose is not installed: `apt-get install docker-compose` (the pretest step of npm test installs it when it can: root or passwordless sudo)');
  }
  // WORKER_PSEUDONYM_SECRET is required (compose refuses to start without it); any value lets config check the rest.
  const env = { ...process.env, WORKER_PSEUDONYM_SECRET: 'compose-config-check' };
  execFileSync('docker-compose', ['config', '-q'], { cwd: ROOT_DIR, env });
  const services = execFileSync('docker-compose', ['config', '--services'], { cwd: ROOT_DIR, env, encoding: 'utf8' }).trim().split('\n').sort();
  expect(services).toEqual(['gateway', 'hj212', 'mongodb', ...Object.keys(listedSubgraphs())].sort());
  const text = fs.readFileSync(path.join(ROOT_DIR, 'docker-compose.yml'), 'utf8');
  expect(text).toMatch(/image: mongo:7/);
  expect(text).toMatch(/condition: service_healthy/);
});

test('docker-compose.yml refuses to run without WORKER_PSEUDONYM_SECRET (a generated key would change at each start)', () => {
  const env = { ...process.env };
  delete env.WORKER_PSEUDONYM_SECRET;
  const r = spawnSync('docker-compose', ['config', '-q'], { cwd: ROOT_DIR, env, encoding: 'utf8' });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/WORKER_PSEUDONYM_SECRET/);
});

describe('every service runs with the Node flags of lib/nodeFlags.ts', () => {
  test('npm start passes them to node', () => {
    const start: string = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).scripts.start;
    const args = start.split(/\s+/);
    expect(args[0]).toBe('node');
    for (const flag of SERVICE_NODE_FLAGS) expect(args).toContain(flag);
  });

  test('the Docker image sets them in NODE_OPTIONS, and Node accepts them there', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT_DIR, 'Dockerfile'), 'utf8');
    const m = /^ENV .*\bNODE_OPTIONS=("[^"]*"|\S+)/m.exec(dockerfile);
    expect(m).not.toBeNull();
    const value = m![1].replace(/^"|"$/g, '');
    expect(value.split(/\s+/)).toEqual([...SERVICE_NODE_FLAGS]);
    // A flag Node does not allow in NODE_OPTIONS stops every container at start.
    const run = spawnSync(process.execPath, ['-e', 'process.stdout.write("ok")'], { env: { ...process.env, NODE_OPTIONS: value }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok');
  });

  test("the benchmark's children get them first, then BENCH_CHILD_NODE_ARGS for the children named", () => {
    expect(childNodeArgs('subgraphs', {})).toEqual([...SERVICE_NODE_FLAGS]);
    const env = { BENCH_CHILD_NODE_ARGS: '--cpu-prof  --cpu-prof-dir=/tmp/p', BENCH_CHILD_NODE_ARGS_FOR: 'subgraphs' };
    expect(childNodeArgs('subgraphs', env)).toEqual([...SERVICE_NODE_FLAGS, '--cpu-prof', '--cpu-prof-dir=/tmp/p']);
    expect(childNodeArgs('ours', env)).toEqual([...SERVICE_NODE_FLAGS]);
  });
});
