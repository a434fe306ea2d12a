/**
 * The runner's side of the child processes (subgraphs, gateways): spawn one with its config, wait
 * until it prints `READY <json>`, stop it. Every child holds our stdin pipe and exits on EOF
 * (childRuntime.ts), so it dies with us even on SIGKILL; on a normal exit, Ctrl-C or SIGTERM we
 * also stop / kill what is still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../lib/config';
import { SERVICE_NODE_FLAGS } from '../../lib/nodeFlags';
import { CHILD_CONFIG_ENV } from './childRuntime';

export interface Child<Info> {
  name: string;
  pid: number;
  info: Info;
  stop(): Promise<void>;
}

const alive = new Set<ChildProcess>();

/** Kills every child still running (synchronously: usable in an 'exit' handler). */
export function killAllChildren(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const c of alive) {
    try {
      c.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

process.once('exit', () => killAllChildren());

/**
 * Environment of the subgraph children. Their in-memory copies of reference collections are reloaded
 * after READ_CACHE_MAX_AGE_SECONDS (60 by default) even when nothing changed; a reload cost seconds of
 * store CPU and spoiled whichever measurement it fell in (one variant's, by chance: secured/unsecured
 * 0.49–0.58 in such rounds against ~0.8 in the others). Nothing writes during a run, so by default no
 * copy ages out within the run's time limit; a value set in the environment is kept.
 */
export function subgraphChildEnv(limitSeconds: number, env: NodeJS.ProcessEnv = process.env): { READ_CACHE_MAX_AGE_SECONDS: string } {
  return { READ_CACHE_MAX_AGE_SECONDS: env.READ_CACHE_MAX_AGE_SECONDS || String(limitSeconds) };
}

/**
 * Node flags of a child: the services' own (lib/nodeFlags.ts, as npm start and the Docker image run
 * them), then BENCH_CHILD_NODE_ARGS, extra flags such as "--cpu-prof --cpu-prof-dir=/tmp/p" (profiles
 * are written when a child exits, which it does cleanly at the end of a run);
 * BENCH_CHILD_NODE_ARGS_FOR=subgraphs,ours gives those to the children of those names only.
 */
export function childNodeArgs(name: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const only = (env.BENCH_CHILD_NODE_ARGS_FOR ?? '').split(',').filter(Boolean);
  const extra = only.length && !only.includes(name) ? [] : (env.BENCH_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  return [...SERVICE_NODE_FLAGS, ...extra];
}

export async function startChild<Info>(
  name: string,
  script: string,
  config: unknown,
  /** env: variables added to the runner's own for this child. */
  options: { readyTimeoutMs?: number; verbose?: boolean; env?: Record<string, string> } = {},
): Promise<Child<Info>> {
  const child = spawn(process.execPath, [...childNodeArgs(name), '--import', 'tsx', path.join(__dirname, script)], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...options.env, [CHILD_CONFIG_ENV]: JSON.stringify(config), NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  alive.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      alive.delete(child);
      resolve();
    }),
  );
  let stderr = '';
  let partial = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr = (stderr + d).slice(-6000);
    if (!options.verbose) return;
    const lines = (partial + d).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) process.stderr.write(`[${name}] ${l}\n`);
  });
  child.stdin!.on('error', () => undefined);

  const info = await new Promise<Info>((resolve, reject) => {
    let out = '';
    const timeoutMs = options.readyTimeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready within ${timeoutMs / 1000} s:\n${stderr}`));
    }, timeoutMs);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /^READY (.*)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]) as Info);
        out = '';
      } else if (out.length > 100_000) {
        out = out.slice(-10_000);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready:\n${stderr}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });

  return {
    name,
    pid: child.pid ?? -1,
    info,
    async stop() {
      if (!alive.has(child)) return;
      child.stdin!.end();
      const term = setTimeout(() => child.kill('SIGTERM'), 5_000);
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(term);
      clearTimeout(kill);
    },
  };
}
