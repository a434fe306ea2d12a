/**
 * Runs one of the project's command-line scripts (`scripts/*.ts`, as `npm run …` would) in a child process
 * against a test store, and resolves with its exit code and output: CLI tests check what a user sees.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { TestStore } from './db';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = path.join(__dirname, '..', '..');

export function runScript(script: string, args: string[], store: Pick<TestStore, 'uri' | 'prefix'>, env: Record<string, string | undefined> = {}): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: store.uri, MONGODB_DB_PREFIX: store.prefix, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
