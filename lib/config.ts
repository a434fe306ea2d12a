/**
 * Every setting comes from the environment, with a documented default (README: "Configuration").
 * Read lazily so tests can set variables before a service is built.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's root: the nearest folder above this file holding a package.json. Not a fixed `..`: the same
 * code runs from `lib/` (tsx, tests) and compiled from `dist/lib/` (`npm run build`, the Docker image), and
 * both must find the data files kept at the root (schema/, the supergraph, trusted manifests, .data, .build).
 */
export function findRootDir(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}: run Xietong from its project folder (or the image's /app)`);
  }
}

export const ROOT_DIR = findRootDir(__dirname);

export const DEPARTMENTS = ['housing', 'resources', 'citymgmt', 'hrss', 'environment'] as const;
export type Department = (typeof DEPARTMENTS)[number];
/** Every subgraph: the five departments plus the cross-department `joint` view. */
export type SubgraphName = Department | 'joint';
export const SUBGRAPH_NAMES: readonly SubgraphName[] = [...DEPARTMENTS, 'joint'];
/** Values of the `dept` claim: a subgraph's department or `public`. */
export const CALLER_DEPARTMENTS = [...DEPARTMENTS, 'joint', 'public'] as const;
export type CallerDepartment = (typeof CALLER_DEPARTMENTS)[number];

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  housing: 4001,
  resources: 4002,
  citymgmt: 4003,
  hrss: 4004,
  environment: 4005,
  joint: 4006,
};

function env(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
}

export function envInt(name: string, fallback: number): number {
  const v = env(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`Environment variable ${name} must be an integer, got "${v}"`);
  return n;
}

export function dataDir(): string {
  return path.resolve(env('XIETONG_DATA_DIR') ?? path.join(ROOT_DIR, '.data'));
}

/** MONGODB_URI_<SUBGRAPH> wins over MONGODB_URI; undefined means "use the embedded store". */
export function mongoUriFor(name?: string): string | undefined {
  if (name) {
    const own = env(`MONGODB_URI_${name.toUpperCase()}`);
    if (own) return own;
  }
  return env('MONGODB_URI');
}

/** Each silo has its own database: `<prefix>_<subgraph>` (MONGODB_DB_PREFIX, default `xietong`). */
export function databaseName(name: string): string {
  return `${env('MONGODB_DB_PREFIX') ?? 'xietong'}_${name}`;
}

export function portFor(name: SubgraphName | 'gateway'): number {
  return envInt(name === 'gateway' ? 'GATEWAY_PORT' : `${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name]);
}

export function hostToBind(): string {
  return env('XIETONG_HOST') ?? '127.0.0.1';
}

export { env as readEnv };
