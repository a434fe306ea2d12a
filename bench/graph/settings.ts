/** Command-line settings of bench/graph/run.ts, and the hard limit on a run's time. */
import { parseArgs } from 'node:util';
import { LIST_SIZE } from './queries';
import { QUERIES, VARIANTS } from './stats';

export const USAGE = `npx tsx bench/graph/run.ts [--seconds 10] [--connections 20] [--rounds 2] [--warmup 3] [--projects 100]
  [--subgraphs all|a,b,c] [--exclude Type.field,subgraph:Type.field] [--with-computed]
  [--store-uri mongodb://…] [--tokens 2000] [--seed-timeout 600] [--verbose]
  [--variants ours,hive,hiveRust,direct,oursUnsecured] [--queries project,list]`;

export const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    projects: { type: 'string', default: '100' },
    subgraphs: { type: 'string' },
    'store-uri': { type: 'string' },
    exclude: { type: 'string' },
    tokens: { type: 'string', default: '2000' },
    'seed-timeout': { type: 'string', default: '600' },
    'with-computed': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    variants: { type: 'string', default: VARIANTS.join(',') },
    queries: { type: 'string', default: QUERIES.join(',') },
  },
});

function int(name: keyof typeof opts, min: number): number {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}\nusage: ${USAGE}`);
  return n;
}

/** A comma-separated subset of `all`, in the order of `all`; an unknown name is an error. */
function subset<T extends string>(name: 'variants' | 'queries', all: readonly T[]): T[] {
  const asked = String(opts[name]).split(',').map((x) => x.trim()).filter(Boolean);
  const unknown = asked.filter((x) => !all.includes(x as T));
  if (unknown.length || !asked.length) throw new Error(`--${name} takes a comma-separated subset of ${all.join(',')}; got ${opts[name]}\nusage: ${USAGE}`);
  return all.filter((x) => asked.includes(x));
}

export const settings = {
  /** What is measured: e.g. `--variants ours,oursUnsecured` for the security cost alone. */
  variants: subset('variants', VARIANTS),
  queries: subset('queries', QUERIES),
  seconds: int('seconds', 1),
  connections: int('connections', 1),
  rounds: int('rounds', 1),
  warmupSeconds: int('warmup', 0),
  projects: int('projects', 1),
  tokenPool: int('tokens', 100),
  seedTimeoutSeconds: int('seed-timeout', 10),
  listSize: LIST_SIZE,
};

export const excludedFields = opts.exclude ? opts.exclude.split(',').map((x) => x.trim()).filter(Boolean) : [];

const loadSeconds = (settings.warmupSeconds + settings.rounds * settings.seconds) * settings.variants.length * settings.queries.length;
/** Hard limit on the whole run: setup (seeding, children, checks) plus the load with its idle waits. */
export const LIMIT_SECONDS = settings.seedTimeoutSeconds + 600 + Math.ceil(loadSeconds * 1.5);
