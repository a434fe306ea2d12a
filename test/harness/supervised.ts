/**
 * `npm start`'s program (scripts/start.ts) as a child process on a given data dir, every port 0: for
 * the tests of the supervised system and for bench/overload. Resolves once the gateway URL is printed;
 * `services()` reads which pid serves what from the supervisor's `XIETONG_SERVICE` lines.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { DEPARTMENTS, ROOT_DIR } from '../../lib/config';
import { signToken } from '../../lib/auth/tokens';
import { devTokenSettings as libDevTokenSettings, type TokenSettings } from '../../lib/auth/keys';

export interface SupervisedSystem {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output(): string;
  /** The latest pid and URL of each service, by name. */
  services(): Record<string, { pid: number; url: string }>;
  /** Signs a token with the dev key pair that the start generated in the data dir. */
  token(claims: { sub: string; dept: string; roles?: string[]; purposes?: string[] }): string;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

export interface SupervisedOptions {
  dataDir: string;
  /** Variables added to the environment (after the port-0 defaults). */
  env?: Record<string, string>;
  /** Checkout whose scripts/start.ts runs (default: this one). */
  root?: string;
  /** Milliseconds to wait for the gateway URL (default 10 minutes: a first start may seed). */
  timeoutMs?: number;
}

export function portZeroEnv(): Record<string, string> {
  return { GATEWAY_PORT: '0', HJ212_PORT: '0', HJ212_METRICS_PORT: '0', ...Object.fromEntries([...DEPARTMENTS, 'joint'].map((d) => [`${d.toUpperCase()}_PORT`, '0'])) };
}

/** The dev key directory's settings (signs with its signing key, writes its kid, verifies with its jwks.json). */
export function devTokenSettings(dataDir: string): TokenSettings {
  return libDevTokenSettings(dataDir);
}

export function startSupervised(options: SupervisedOptions): Promise<SupervisedSystem> {
  const root = options.root ?? ROOT_DIR;
  const env: NodeJS.ProcessEnv = { ...process.env, XIETONG_DATA_DIR: options.dataDir, LOG_LEVEL: 'warn', ...portZeroEnv(), ...options.env };
  if (!options.env?.MONGODB_URI) delete env.MONGODB_URI;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no gateway URL within ${options.timeoutMs ?? 600_000} ms:\n${out}`));
    }, options.timeoutMs ?? 600_000);
    const onData = () => {
      const m = /XIETONG_GATEWAY_URL=(\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      let settings: TokenSettings | undefined;
      resolve({
        child,
        url: m[1],
        output: () => out,
        services() {
          const found: Record<string, { pid: number; url: string }> = {};
          for (const s of out.matchAll(/^XIETONG_SERVICE (\S+) (\d+) (\S+)/gm)) found[s[1]] = { pid: Number(s[2]), url: s[3] };
          return found;
        },
        token(claims) {
          settings ??= devTokenSettings(options.dataDir);
          return signToken(settings, claims as Parameters<typeof signToken>[1]);
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with ${code} before it was ready:\n${out}`));
    });
  });
}
