/** Setup's two ways to a store: build the embedded one with Go, or use MONGODB_URI and build nothing. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../lib/config';

const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-build-'));
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

function setup(env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, XIETONG_BUILD_DIR: buildDir, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return spawnSync(process.execPath, ['scripts/setup.js'], { cwd: ROOT_DIR, env: merged as NodeJS.ProcessEnv, encoding: 'utf8' });
}

test('without Go and without MONGODB_URI, one paragraph says what to install or set', () => {
  const r = setup({ MONGODB_URI: undefined, GO_BINARY: '/nonexistent/go' });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/set MONGODB_URI to a running MongoDB/);
  expect(r.stderr).toMatch(/install Go >= 1\.22/);
  expect(fs.readdirSync(buildDir)).toEqual([]);
});

test('with MONGODB_URI set, the store is not built (only the explorer bundle is)', () => {
  const r = setup({ MONGODB_URI: 'mongodb://127.0.0.1:1', GO_BINARY: '/nonexistent/go' });
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/MONGODB_URI is set: the embedded store is not built/);
  expect(fs.readdirSync(buildDir)).toEqual(['explorer']);
});
