/**
 * The runner's life: progress log (stderr), cleanups run once in reverse order, Ctrl-C / SIGTERM /
 * the time limit stop everything, and a temp dir per run (those of runs killed outright are removed
 * by the next run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAllChildren } from './children';
import { stopLoad } from './load';

export const log = (m: string) => process.stderr.write(`[bench/graph] ${m}\n`);

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
let aborted = false;

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    stopLoad();
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => log(`cleanup: ${String(e)}`));
    killAllChildren();
  })();
  return cleaning;
}

export function isAborted(): boolean {
  return aborted;
}

function abort(why: string, code: number): void {
  aborted = true;
  log(why);
  void cleanup().finally(() => process.exit(code));
}

export function installStopHandlers(limitSeconds: number): void {
  process.once('SIGINT', () => abort('interrupted (SIGINT): stopping every child', 130));
  process.once('SIGTERM', () => abort('terminated (SIGTERM): stopping every child', 143));
  setTimeout(() => abort(`run time limit of ${limitSeconds} s reached`, 1), limitSeconds * 1000).unref();
}

const TMP_PREFIX = 'xietong-bench-graph-';

/** A fresh temp dir, removed at cleanup; first removes those of earlier runs that were SIGKILLed. */
export function makeTempDir(): string {
  for (const d of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(TMP_PREFIX))) {
    const dir = path.join(os.tmpdir(), d);
    let pid: number;
    try {
      pid = Number(fs.readFileSync(path.join(dir, 'runner.pid'), 'utf8'));
    } catch {
      continue; // being created
    }
    try {
      process.kill(pid, 0); // that run is still going
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
  fs.writeFileSync(path.join(tmp, 'runner.pid'), String(process.pid));
  onCleanup(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  return tmp;
}

/** A URI without its credentials, for logs and the report. */
export const redact = (text: string) => text.replace(/\/\/[^/@\s]+@/g, '//***@');
