import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ROOT_DIR, SUBGRAPH_NAMES } from '../config';
import { loadSubgraphSdl } from '../../subgraphs/common/createSubgraph';
import { operationCost, TooManyNodesError, type CostSettings } from './cost';
import { DEFAULT_COSTS_FILE, loadCostConfig, parseCostConfig, type CostConfig } from './costConfig';
import { GATEWAY_QUERY_LIMITS, SUBGRAPH_QUERY_LIMITS } from './settings';

const base: CostConfig = { pageSizeArguments: ['first'], representationCost: 5, maxEvaluatedNodes: 10_000, maxPeriodDays: 92, fields: {} };
const toy = buildSchema(`
  type Query {
    items(first: Int = 20): ItemConnection!
    all: [Item!]!
    sized: [Item!]!
    report(from: String!, to: String!): [Item!]!
    readings(from: String!, to: String!): [Item!]!
    one: Item
  }
  type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
  type ItemEdge { node: Item! }
  type Item { a: Int b: Int tags: [String!]! children: [Item!]! }
`);
const toySettings = (fields: CostConfig['fields'] = {}): CostSettings => ({ costs: { ...base, fields }, defaultListSize: 20 });
const cost = (query: string, settings = toySettings(), variables?: Record<string, unknown>, schema: GraphQLSchema = toy) =>
  operationCost({ schema, document: parse(query), variables }, settings);

describe('the estimator', () => {
  test('a field costs 1, __typename 0, an object its fields', () => {
    expect(cost('{ one { a b __typename } }')).toBe(3);
  });

  test('a connection multiplies its selection by `first` (literal, variable or default); its edges count once', () => {
    // items: 1 + 5 × (edges 1 + node (1 + a 1) + totalCount 1) = 1 + 5 × 4
    expect(cost('{ items(first: 5) { edges { node { a } } totalCount } }')).toBe(21);
    expect(cost('query($n: Int) { items(first: $n) { edges { node { a } } totalCount } }', toySettings(), { n: 5 })).toBe(21);
    expect(cost('{ items { edges { node { a } } totalCount } }')).toBe(1 + 20 * 4);
  });

  test('a list without a page size counts the default size, or its configured size; items cost at least 1', () => {
    expect(cost('{ all { a b } }')).toBe(1 + 20 * 2);
    expect(cost('{ sized { a b } }', toySettings({ 'Query.sized': { listSize: 5 } }))).toBe(1 + 5 * 2);
    expect(cost('{ one { tags } }')).toBe(1 + 1 + 20);
    // Nested lists multiply: the fan-out the issue found.
    expect(cost('{ all { children { children { a } } } }')).toBe(1 + 20 * (1 + 20 * (1 + 20)));
  });

  test('a list sized per day counts the days of its period, at most maxPeriodDays', () => {
    const perDay = toySettings({ 'Query.readings': { listSizePerDay: 96 } });
    expect(cost('{ readings(from: "2026-10-02", to: "2026-10-03") { a } }', perDay)).toBe(1 + 96);
    expect(cost('{ readings(from: "2026-10-02", to: "2026-10-02T06:00:00+08:00") { a } }', perDay)).toBe(1 + 24);
    expect(cost('{ readings(from: "2020-01-01", to: "2026-01-01") { a } }', perDay)).toBe(1 + 96 * 92);
    // Unreadable: the resolver refuses it (BAD_USER_INPUT), so it is priced as one day.
    expect(cost('{ readings(from: "2026-13-45", to: "2026-10-03") { a } }', perDay)).toBe(1 + 96);
  });

  test('a scan is charged once per operation and distinct arguments', () => {
    const scans = toySettings({ 'Query.report': { listSize: 10, scan: { key: 'r', by: ['from', 'to'], cost: 1000 } } });
    const one = '{ report(from: "2026-10-01", to: "2026-10-31") { a } }';
    expect(cost(one, scans)).toBe(1000 + 1 + 10);
    // The same period twice (aliases): one scan; another period: a second one.
    expect(cost('{ x: report(from: "2026-10-01", to: "2026-10-31") { a } y: report(from: "2026-10-01", to: "2026-10-31") { b } }', scans)).toBe(1000 + 2 * 11);
    expect(cost('{ x: report(from: "2026-10-01", to: "2026-10-31") { a } y: report(from: "2026-09-01", to: "2026-09-30") { a } }', scans)).toBe(2000 + 2 * 11);
  });

  test('fragments count where they are spread; a document past maxEvaluatedNodes is refused', () => {
    expect(cost('fragment F on Item { a b } { all { ...F } one { ...F } }')).toBe(1 + 20 * 2 + 1 + 2);
    const spreads = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Item { children { ...F${i + 1} } tags }`).join('\n');
    const bomb = `${spreads}\nfragment F12 on Item { a }\n{ one { ...F0 } }`;
    expect(() => cost(bomb, { ...toySettings(), costs: { ...base, maxEvaluatedNodes: 20 } })).toThrow(TooManyNodesError);
  });
});

describe('costs.json', () => {
  const config = loadCostConfig(DEFAULT_COSTS_FILE);
  const apiSchema = Supergraph.build(fs.readFileSync(path.join(ROOT_DIR, 'schema', 'supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();
  const subgraphSchemas = SUBGRAPH_NAMES.map((n) => buildSubgraphSchema([{ typeDefs: parse(loadSubgraphSdl(n)) }]));

  test('names only fields that exist (a typo would leave a field unpriced)', () => {
    const known = (coordinate: string) => {
      const [type, field] = coordinate.split('.');
      if (type === 'Query' && (field === '__schema' || field === '__type')) return true;
      return [apiSchema, ...subgraphSchemas].some((s) => {
        const t = s.getType(type);
        return isObjectType(t) && field in t.getFields();
      });
    };
    expect(Object.keys(config.fields).filter((c) => !known(c))).toEqual([]);
  });

  test('a malformed file stops the service with the entry named', () => {
    expect(() => parseCostConfig({ ...base, fields: { 'Query.x': { listSise: 3 } } }, 'f.json')).toThrow('f.json: fields["Query.x"]: unknown listSise');
    expect(() => parseCostConfig({ ...base, fields: { 'Query.x': { listSize: 0 } } }, 'f.json')).toThrow('listSize must be an integer ≥ 1');
    expect(() => parseCostConfig({ ...base, representationCost: -1 }, 'f.json')).toThrow('representationCost must be a number ≥ 0');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'costs-'));
    fs.writeFileSync(path.join(dir, 'costs.json'), '{ not json');
    expect(() => loadCostConfig(path.join(dir, 'costs.json'))).toThrow(/query costs file .*costs\.json/);
    fs.rmSync(dir, { recursive: true });
  });

  const settings: CostSettings = { costs: config, defaultListSize: GATEWAY_QUERY_LIMITS.defaultListSize };
  const atGateway = (query: string, variables?: Record<string, unknown>) => operationCost({ schema: apiSchema, document: parse(query), variables }, settings);
  const readmeQuery = /"query":"(\{ projects.*?\})"\}'/.exec(fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8'))![1];
  const benchQuery = (name: string) => fs.readFileSync(path.join(ROOT_DIR, 'bench', 'graph', 'queries', `${name}.graphql`), 'utf8');

  test.each([
    ['README: a first query', readmeQuery, undefined],
    ['README: wage arrears', '{ wageArrears(month: "2026-10") { project { code name } month payDeadline daysOverdue workersAffected workersUnpaid workersShort amountOwed employers { uscc name } } }', undefined],
    [
      'README: night noise (every field of a row)',
      '{ exceedances(from: "2026-10-01", to: "2026-10-31", pollutant: "LA") { mn project { code name } district pollutant pollutantName unit rule ruleKind averaging periodStart periodEnd value limit background timeOfDay basis } }',
      undefined,
    ],
    ['README: over-built projects', '{ projects(first: 100) { edges { node { code name approvedFloorArea reportedFloorArea approvedHeight reportedHeight } } } }', undefined],
    ['bench: one project', benchQuery('project'), { code: '2024-371302-47-01-A1B2C3' }],
    ['bench: the list (first: 100, the largest page)', benchQuery('projects-list'), { first: 100 }],
    ['contract: introspection', '{ __schema { types { name fields { name } } } }', undefined],
    ['a full introspection (codegen, schema tools)', getIntrospectionQuery(), undefined],
    ['the whole catalogue', '{ catalog { subgraph coordinate type field level purposes personal basis } }', undefined],
    [
      "an owner's audit trail (default page) and its verification",
      '{ hrssAuditTrail { seq at sub dept purposes operationName requestId reads { type keys fields } prevHash hash } verifyHrssAuditTrail { ok checked brokenAt reason } }',
      undefined,
    ],
  ])('%s is within the gateway limit', (_name, query, variables) => {
    expect(atGateway(query, variables)).toBeLessThanOrEqual(GATEWAY_QUERY_LIMITS.maxCost);
  });

  test('the fan-out of issue 16 is far over it, one copy or six', () => {
    const copy = (alias: string) =>
      `${alias}projects(first: 100) { edges { node { participants { enterprise { participations { project { participants { enterprise { name } } } } } } } } }`;
    expect(atGateway(`{ ${copy('')} }`)).toBeGreaterThan(10 * GATEWAY_QUERY_LIMITS.maxCost);
    expect(atGateway(`{ ${Array.from({ length: 6 }, (_, i) => copy(`a${i}: `)).join(' ')} }`)).toBeGreaterThan(60 * GATEWAY_QUERY_LIMITS.maxCost);
  });

  test('three month-long exceedance scans do not fit in one query, two do', () => {
    const scan = (alias: string, month: string) => `${alias}: exceedances(from: "2026-${month}-01", to: "2026-${month}-28") { mn }`;
    expect(atGateway(`{ ${scan('a', '08')} ${scan('b', '09')} }`)).toBeLessThanOrEqual(GATEWAY_QUERY_LIMITS.maxCost);
    expect(atGateway(`{ ${scan('a', '08')} ${scan('b', '09')} ${scan('c', '10')} }`)).toBeGreaterThan(GATEWAY_QUERY_LIMITS.maxCost);
    // 100 projects asking for the same month are one scan.
    expect(atGateway('{ projects(first: 100) { edges { node { exceedanceSummary(from: "2026-10-01", to: "2026-10-31") { total } } } } }')).toBeLessThanOrEqual(GATEWAY_QUERY_LIMITS.maxCost);
  });

  test('wageArrears reads its read model by key (issue 17): a year of months fits in one query, each month still charged', () => {
    const months = Array.from({ length: 12 }, (_, i) => `m${i}: wageArrears(month: "2025-${String(i + 1).padStart(2, '0')}") { project { code } amountOwed }`);
    const year = atGateway(`{ ${months.join(' ')} }`);
    expect(year).toBeLessThanOrEqual(GATEWAY_QUERY_LIMITS.maxCost); // 12 × 2,000 for the scans alone did not fit
    const one = atGateway(`{ ${months[0]} }`);
    expect(year).toBe(12 * one);
    // The same month asked twice (and by 100 enterprises) is one read.
    expect(atGateway(`{ ${months[0]} again: wageArrears(month: "2025-01") { project { code } amountOwed } }`)).toBe(2 * one - config.fields['Query.wageArrears'].scan!.cost);
  });

  test('in a subgraph, _entities multiplies by the representations: the contract call passes, 10,000 keys do not', () => {
    const housing = subgraphSchemas[SUBGRAPH_NAMES.indexOf('housing')];
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { code } } }';
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Project', code: `2024-371302-47-01-${String(i).padStart(6, '0')}` }));
    const inHousing = (n: number) => operationCost({ schema: housing, document: parse(entities), variables: { r: reps(n) } }, settings);
    expect(inHousing(3)).toBe(1 + 3 * (5 + 1));
    expect(inHousing(10_000)).toBeGreaterThan(SUBGRAPH_QUERY_LIMITS.maxCost);
  });
});
