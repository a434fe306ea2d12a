/** Setup's browser for the tests: a CHROMIUM_PATH that does not exist, or no Chromium and no apt-get, stops it saying how to fix it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../lib/config';

function setupForTests(env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return spawnSync(process.execPath, ['scripts/setup.js', '--for-tests'], { cwd: ROOT_DIR, env: merged as NodeJS.ProcessEnv, encoding: 'utf8' });
}

test('a CHROMIUM_PATH that does not exist fails setup, naming it', () => {
  const r = setupForTests({ CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/CHROMIUM_PATH=\/nonexistent\/chromium does not exist/);
});

test('no Chromium on PATH and no apt-get: setup fails saying what to install or set', () => {
  // A PATH holding only this Node: neither chromium, docker-compose nor apt-get can be found.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-path-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  try {
    const r = setupForTests({ PATH: bin, CHROMIUM_PATH: undefined });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Chromium is missing and there is no apt-get: .*apt-get install chromium.*CHROMIUM_PATH/);
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});
