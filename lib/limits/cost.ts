/**
 * The cost of an operation, estimated from the document and its variables before anything runs
 * (graphql-query-complexity 2.0.0 walks the operation; the estimator below prices each field):
 *
 * - every field costs its own `cost` (1 unless lib/limits/costs.json says otherwise; `__typename` and
 *   the fields of introspection types 0: `__schema` and `__type` carry the schema's cost);
 * - a list multiplies the cost of its items by its size: the page-size argument (`first`) when the
 *   field has one, else the configured `listSizePerDay` × days of its [from, to) period, else its
 *   configured `listSize`, else the default list size (QUERY_DEFAULT_LIST_SIZE). An item costs at least 1;
 * - a connection (a field with a page-size argument that returns an object) multiplies its whole
 *   selection by the page size, and the `edges` list of a `…Connection` type then counts once;
 * - `_entities` multiplies by the number of representations in the variables, each costing
 *   `representationCost` on top of its selection: a direct call with 10,000 keys is priced as such;
 * - a field backed by a whole-collection scan adds `scan.cost` once per operation and distinct
 *   arguments (the subgraph memoises the scan per request, so 100 projects asking for the same period
 *   cost one scan, and two periods cost two).
 *
 * The estimate is an upper bound for the answer's size and the work behind it, as good as the list sizes
 * it assumes; it is not a prediction of milliseconds.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { CostConfig, FieldCost } from './costConfig';

const DAY_MS = 86_400_000;

/** A period bound as the resolvers read it: a local (UTC+8) date `YYYY-MM-DD`, or an ISO-8601 date-time. */
function instant(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
}

/**
 * Days of [from, to), at most `maxDays` (longer periods are refused by the resolvers before any work).
 * A period the resolvers cannot read is refused as well: it is priced as one day, so the caller gets
 * the resolver's BAD_USER_INPUT naming the argument rather than a cost refusal.
 */
function periodDays(args: Record<string, unknown>, maxDays: number): number {
  const days = (instant(args.to) - instant(args.from)) / DAY_MS;
  return Number.isFinite(days) && days > 0 ? Math.min(days, maxDays) : 1;
}

interface Accumulator {
  /** Scan key + arguments → its cost, charged once. */
  scans: Map<string, number>;
}

export interface CostSettings {
  costs: CostConfig;
  /** Size assumed for a list without a page-size argument or a configured size. */
  defaultListSize: number;
}

function listSize(entry: FieldCost | undefined, args: Record<string, unknown>, settings: CostSettings): number {
  for (const name of settings.costs.pageSizeArguments) {
    const n = args[name];
    // A page size below 1 is refused by the resolver; price it as 1 so nothing is free.
    if (typeof n === 'number' && Number.isFinite(n)) return Math.max(1, Math.ceil(n));
  }
  if (entry?.listSizePerDay !== undefined) return Math.max(1, Math.ceil(entry.listSizePerDay * periodDays(args, settings.costs.maxPeriodDays)));
  return entry?.listSize ?? settings.defaultListSize;
}

function estimator(settings: CostSettings): ComplexityEstimator {
  const { costs } = settings;
  return ({ type, field, args, childComplexity, context }) => {
    // Introspection answers with the schema, a fixed size: `__schema` and `__type` carry a configured cost,
    // the fields below them nothing (graphql-js's MaxIntrospectionDepthRule bounds their nesting).
    if (field.name === '__typename' || type.name.startsWith('__')) return 0;
    const coordinate = `${type.name}.${field.name}`;
    const entry = costs.fields[coordinate];
    const own = entry?.cost ?? 1;
    if (entry?.scan) {
      const scans = (context as Accumulator).scans;
      const key = `${entry.scan.key}|${JSON.stringify(entry.scan.by.map((a) => args[a] ?? null))}`;
      if (!scans.has(key)) scans.set(key, entry.scan.cost);
    }
    const returned = getNullableType(field.type);
    if (field.name === '_entities' && type.name === 'Query') {
      const representations = Array.isArray(args.representations) ? args.representations.length : settings.defaultListSize;
      return own + representations * (costs.representationCost + childComplexity);
    }
    if (isListType(returned)) {
      // The page of a connection was counted on the field that took `first`.
      if (field.name === 'edges' && type.name.endsWith('Connection')) return own + Math.max(childComplexity, 1);
      return own + listSize(entry, args, settings) * Math.max(childComplexity, 1);
    }
    if (isCompositeType(getNamedType(returned)) && costs.pageSizeArguments.some((a) => typeof args[a] === 'number')) {
      return own + listSize(entry, args, settings) * childComplexity;
    }
    return own + childComplexity;
  };
}

export interface CostRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Raised when the document has more nodes than the analysis evaluates (costs.json maxEvaluatedNodes). */
export class TooManyNodesError extends Error {}

/**
 * The operation's cost. Throws TooManyNodesError past maxEvaluatedNodes, and the analysis's own
 * GraphQLError when the variables do not fit the operation (execution would refuse them too).
 */
export function operationCost(request: CostRequest, settings: CostSettings): number {
  const acc: Accumulator = { scans: new Map() };
  let cost: number;
  try {
    cost = getComplexity({
      schema: request.schema,
      query: request.document,
      variables: request.variables ?? {},
      operationName: request.operationName,
      estimators: [estimator(settings)],
      context: acc,
      maxQueryNodes: settings.costs.maxEvaluatedNodes,
    });
  } catch (e) {
    if (e instanceof GraphQLError && /maximum allowed number of nodes/.test(e.message)) throw new TooManyNodesError(e.message);
    throw e;
  }
  for (const c of acc.scans.values()) cost += c;
  return cost;
}
