/**
 * `npm run build` gives a dist/ that runs with plain `node` — no tsx, no loader — as the Docker image runs it: a
 * compiled subgraph and the compiled gateway answer /health, and a query goes through both to the store.
 */
import { execFile, execFileSync, fork, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR, SUBGRAPH_NAMES } from '../../lib/config';
import { isReadyMessage } from '../../lib/process/ready';
import { SERVICE_NODE_FLAGS } from '../../lib/nodeFlags';
import { testStore } from '../harness/db';
import { testToken, testTokenSettings } from '../harness/tokens';
import { seedHousingFromDemo } from '../../subgraphs/housing/testFixtures';

const DIST = path.join(ROOT_DIR, 'dist');
const store = testStore();
const children: ChildProcess[] = [];
let dataDir: string;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  await store.closeAll();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a compiled script with plain node (the image's flags only) and resolves with its port once it serves. */
function startCompiled(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const settings = testTokenSettings();
  const child = fork(path.join(DIST, script), [], {
    cwd: ROOT_DIR,
    execArgv: [...SERVICE_NODE_FLAGS],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      XIETONG_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JWT_PUBLIC_KEY: settings.verifyKey,
      JWT_PRIVATE_KEY: settings.signKey,
      JWT_ISSUER: settings.issuer,
      JWT_AUDIENCE: settings.audience,
      ...env,
    },
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not announce it was serving within 60 s:\n${out}`)), 60_000);
    child.on('message', (m) => {
      if (!isReadyMessage(m)) return;
      clearTimeout(timer);
      resolve({ child, port: m.port, output: () => out });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before serving:\n${out}`));
    });
  });
}

test('npm run build compiles the product (no tests, no benchmarks) into dist/', async () => {
  // ~40 s of CPU (tsc over the product): minutes on a loaded 2-core machine.
  await promisify(execFile)('npm', ['run', '-s', 'build'], { cwd: ROOT_DIR });
  for (const entry of ['gateway/src/index.js', 'subgraphs/housing/index.js', 'subgraphs/joint/index.js', 'adapters/hj212/listen.js', 'scripts/ingest.js', 'scripts/seed.js', 'scripts/token.js', 'scripts/quarantine.js', 'scripts/caseExport.js', 'subgraphs/environment/rules.json', 'lib/limits/costs.json']) {
    expect(fs.existsSync(path.join(DIST, entry))).toBe(true);
  }
  expect(fs.existsSync(path.join(DIST, 'test'))).toBe(false);
  expect(fs.existsSync(path.join(DIST, 'bench'))).toBe(false);
  const compiledTests = execFileSync('find', [DIST, '-name', '*.test.js'], { encoding: 'utf8' }).trim();
  expect(compiledTests).toBe('');

  // The image installs production dependencies only: no compiled file may need anything else (tsx, typescript,
  // a test library) — except the schema gate, which CI runs from the sources.
  const production = new Set([...Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).dependencies), ...builtinModules]);
  const needsMore: string[] = [];
  for (const file of execFileSync('find', [DIST, '-name', '*.js'], { encoding: 'utf8' }).trim().split('\n')) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
      const spec = m[1].replace(/^node:/, '');
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!production.has(pkg)) needsMore.push(`${path.relative(DIST, file)}: ${pkg}`);
    }
  }
  expect(needsMore).toEqual(['schema/check.js: @graphql-inspector/core']);
}, 600_000);

test('a compiled subgraph and the compiled gateway run with plain node and answer a query from the store', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-build-'));
  const city = await seedHousingFromDemo(await store.connect('housing'), 3);
  const housing = await startCompiled('subgraphs/housing/index.js', { MONGODB_URI: store.uri, MONGODB_DB_PREFIX: store.prefix, HOUSING_PORT: '0' });
  // Only housing runs: the others point at a closed port, which this query's plan never calls.
  const elsewhere = Object.fromEntries(SUBGRAPH_NAMES.filter((n) => n !== 'housing').map((n) => [`SUBGRAPH_URL_${n.toUpperCase()}`, 'http://127.0.0.1:9/graphql']));
  const gateway = await startCompiled('gateway/src/index.js', {
    GATEWAY_PORT: '0',
    SUBGRAPH_URL_HOUSING: `http://127.0.0.1:${housing.port}/graphql`,
    ...elsewhere,
  });

  for (const port of [housing.port, gateway.port]) {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
  }
  expect((await fetch(`http://127.0.0.1:${housing.port}/ready`)).status).toBe(200);

  const res = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken({ dept: 'housing' })}` },
    body: JSON.stringify({ query: '{ projects(first: 10) { totalCount edges { node { code } } } }' }),
  });
  const body = (await res.json()) as { data?: { projects: { totalCount: number; edges: { node: { code: string } }[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data!.projects.totalCount).toBe(3);
  expect(body.data!.projects.edges.map((e) => e.node.code).sort()).toEqual(city.projects.map((p) => p.code).sort());
  // No TypeScript ran: the processes were plain node on .js files (a .ts import would have failed to load).
  expect(`${housing.output()}${gateway.output()}`).not.toMatch(/tsx|ERR_UNKNOWN_FILE_EXTENSION/);
}, 120_000);
