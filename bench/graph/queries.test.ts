/** The benchmark's query builder (from SDL + catalogue) and its statistics. */
import { parse } from 'graphql';
import type { Catalog } from '../../subgraphs/common/catalog';
import { buildQueries, modelFromSdl, subgraphPart } from './queries';
import { cpuRatio, median, ratio, summarize, warnings } from './stats';
import type { Measurement } from './load';
import { subgraphChildEnv } from './children';
import { collectionCacheSettingsFromEnv } from '../../subgraphs/common/collectionCache';

const root = `
  type Query { project(code: String!): Project  projects(first: Int = 20, after: String): ProjectConnection! }
  type ProjectConnection { edges: [ProjectEdge!]! totalCount: Int! }
  type ProjectEdge { node: Project! }
  type Project @key(fields: "code") { code: String! name: String secret: String permit: Permit  history(kind: String!): [Permit!]! }
  type Permit { permitNo: String! value: Float note: String }
`;
const other = `
  type Project @key(fields: "code") { code: String! count: Int  status(month: String!): Status  items: [Item!]! }
  type Status { owed: Float }
  type Item { id: String! }
`;
const catalog = (subgraph: string, fields: Catalog['fields']): Catalog => ({ subgraph: subgraph as Catalog['subgraph'], keys: {}, fields });
const OPEN = { level: 'OPEN' as const };

function models(exclude: string[] = []) {
  return [
    modelFromSdl('b', other, catalog('hrss', {
      'Project.code': OPEN, 'Project.count': OPEN, 'Project.items': OPEN, 'Item.id': OPEN,
      'Project.status': { level: 'CONDITIONAL', purposes: ['wage-enforcement', 'other'] }, 'Status.owed': OPEN,
    })),
    modelFromSdl('a', root, catalog('housing', {
      'Project.code': OPEN, 'Project.name': OPEN, 'Project.secret': { level: 'OWNER_ONLY' }, 'Project.permit': OPEN,
      'Permit.permitNo': OPEN, 'Permit.value': { level: 'CONDITIONAL', purposes: ['planning-supervision'] }, 'Project.history': OPEN,
    }), exclude),
  ];
}

describe('bench/graph query builder', () => {
  it('takes readable fields of every subgraph, root subgraph first, and the purposes they need', () => {
    const built = buildQueries(models());
    expect(built.rootSubgraph).toBe('a');
    expect(built.projectFields).toEqual({ a: ['name', 'permit { permitNo value }'], b: ['count', 'items { id }'] });
    expect(built.listFields).toEqual({ a: ['name'], b: ['count'] });
    expect(built.purposes).toEqual(['planning-supervision']);
    for (const q of [built.project, built.list]) expect(() => parse(q)).not.toThrow();
    expect(built.project).not.toMatch(/secret|history|status/);
    expect(built.list).toMatch(/projects\(first: \$first\) \{\n\s+totalCount/);
  });

  it('fills required arguments it knows, and leaves out what is excluded', () => {
    const built = buildQueries(models(['Project.permit']), { month: '2026-10' });
    expect(built.projectFields.a).toEqual(['name']);
    expect(built.projectFields.b).toContain('status(month: "2026-10") { owed }');
    expect(built.purposes).toEqual(['wage-enforcement']);
    expect(() => parse(built.project)).not.toThrow();
  });

  it('gives each subgraph its own part: the root query or _entities', () => {
    const built = buildQueries(models());
    expect(subgraphPart(built, 'list', 'a')).toMatch(/projects\(first: \$first\) \{ edges \{ node \{ code name \} \} \}/);
    expect(subgraphPart(built, 'project', 'b')).toMatch(/_entities\(representations: \$representations\) \{ \.\.\. on Project \{ code count items \{ id \} \} \}/);
  });

  it('fails loudly without a root subgraph', () => {
    expect(() => buildQueries([models()[0]])).toThrow(/Query.project/);
  });
});

describe('bench/graph statistics', () => {
  const m = (reqPerSec: number, extra: Partial<Measurement> = {}): Measurement => ({
    reqPerSec, p50: reqPerSec / 10, p99: reqPerSec, errors: 0, non2xx: 0, graphqlErrors: 0, requests: 1000, ...extra,
  });

  it('takes medians over rounds and totals of failures', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const s = summarize([m(100, { errors: 1 }), m(300), m(200, { non2xx: 2 })]);
    expect(s).toMatchObject({ reqPerSec: 200, p50: 20, p99: 200, errors: 1, non2xx: 2, requests: 3000, rounds: [100, 300, 200] });
  });

  it('gives ratios of medians and per round, and warns on weak figures', () => {
    expect(ratio([m(100), m(300)], [m(100), m(100)])).toEqual({ value: 2, perRound: [1, 3] });
    expect(ratio([m(100)], [])).toEqual({ value: NaN, perRound: [] }); // a variant left out with --variants
    const cpu = (store: number) => ({ cpu: { store, runner: 0.5 } });
    expect(warnings({ list: { ours: [m(10, cpu(1.6)), m(10, cpu(0.8))], hive: [m(10, cpu(1.7)), m(10, cpu(1.5))] } })).toEqual([
      'list/ours round 2: our processes used 0.8 cores (typical 1.55): another load competed for the CPU, this figure is low',
    ]);
    expect(warnings({ list: { ours: [m(10, { requests: 12 })], hive: [m(10, { graphqlErrors: 3 })] } })).toEqual([
      'list/ours: only 12 requests answered in a round (raise --seconds)',
      'list/hive: 3 failed requests (errors, non-2xx or GraphQL errors)',
    ]);
  });

  it('gives CPU per request per process and the CPU ratio, the main thread and the runner apart', () => {
    // 2 rounds; the subgraph child's main thread is part of its process and must not count twice.
    const secured = [
      m(50, { cpu: { store: 0.25, subgraphs: 1, 'subgraphs/main': 0.7, runner: 0.9 } }),
      m(40, { cpu: { store: 0.2, subgraphs: 1, 'subgraphs/main': 0.6, runner: 0.9 } }),
    ];
    const unsecured = [m(100, { cpu: { store: 0.2, subgraphs: 1, runner: 0.9 } }), m(80, { cpu: { store: 0.2, subgraphs: 0.8, runner: 0.9 } })];
    const s = summarize(secured);
    expect(s.cpuMsPerRequest).toEqual({ store: 5, subgraphs: 22.5, 'subgraphs/main': 14.5, runner: 20.25 });
    expect(s.servingCpuMsPerRequest).toBe(27.5); // (25 + 30) / 2: store + subgraphs per request
    expect(summarize(unsecured).servingCpuMsPerRequest).toBe(12.25); // 12 and 12.5
    expect(cpuRatio(secured, unsecured)).toEqual({ value: 0.445, perRound: [0.48, 0.417] });
    expect(cpuRatio([m(10)], [m(10)])).toEqual({ value: NaN, perRound: [] }); // no CPU readings
  });
});

describe('subgraph children', () => {
  test('their copies of reference collections do not age out within the run, unless the environment says otherwise', () => {
    const env = subgraphChildEnv(1257, {});
    expect(env).toEqual({ READ_CACHE_MAX_AGE_SECONDS: '1257' });
    // What the subgraphs make of it: no reload for the whole time limit of the run.
    const prev = process.env.READ_CACHE_MAX_AGE_SECONDS;
    try {
      process.env.READ_CACHE_MAX_AGE_SECONDS = env.READ_CACHE_MAX_AGE_SECONDS;
      expect(collectionCacheSettingsFromEnv().maxAgeMs).toBe(1257_000);
    } finally {
      if (prev === undefined) delete process.env.READ_CACHE_MAX_AGE_SECONDS;
      else process.env.READ_CACHE_MAX_AGE_SECONDS = prev;
    }
    expect(subgraphChildEnv(1257, { READ_CACHE_MAX_AGE_SECONDS: '5' })).toEqual({ READ_CACHE_MAX_AGE_SECONDS: '5' });
    expect(subgraphChildEnv(1257, { READ_CACHE_MAX_AGE_SECONDS: '' })).toEqual({ READ_CACHE_MAX_AGE_SECONDS: '1257' });
  });
});
