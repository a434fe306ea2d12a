/**
 * The store queries behind the finders and the two gateway queries of bench/scale, each with the index
 * it should use (docs/scale.md). finderIndexes.test.ts checks every entry against the indexes the
 * models declare (mongoose `schema.indexes()`), so that dropping or reordering an index a finder needs
 * fails a test, not a city of 12,000 projects. A pure check of declarations: the embedded store
 * (FerretDB on SQLite) plans differently from MongoDB, so `explain` there would not prove MongoDB's plan.
 *
 * Keep an entry in step with its code (`where`): when a query changes shape, change its entry.
 */

/** eq: equality; in: $in (a set of equality bounds); range: $gt/$gte/$lt/$lte. */
export type Predicate = 'eq' | 'in' | 'range';

export interface FinderQuery {
  /** What asks: a GraphQL field, or the part of a gateway query. */
  finder: string;
  /** Where the query is built. */
  where: string;
  silo: 'housing' | 'hrss' | 'environment';
  /** Model name in create<Silo>Models. */
  model: string;
  filter: Record<string, Predicate>;
  sort?: Record<string, 1 | -1>;
  /** The index the query uses (key pattern exactly as declared on the model; `{ _id: 1 }` always exists). */
  index: Record<string, 1 | -1>;
  /** Filter fields the index does not bound: checked on the documents the index scan fetches. Why that is fine. */
  residual?: { fields: string[]; why: string };
  /** The sort the index does not give (sorted in memory after the scan). Why that is fine. */
  sortInMemory?: string;
}

export const FINDER_QUERIES: FinderQuery[] = [
  {
    finder: 'projects(first, after) — the 50-project list',
    where: 'subgraphs/housing/data.ts (projectFilter.ts pageFilter)',
    silo: 'housing',
    model: 'Project',
    filter: { code: 'range' },
    sort: { code: 1 },
    index: { code: 1 },
  },
  {
    finder: 'project(code) — the unified view (served from the in-memory copy while READ_CACHE is on)',
    where: 'subgraphs/housing/data.ts',
    silo: 'housing',
    model: 'Project',
    filter: { code: 'eq' },
    index: { code: 1 },
  },
  {
    finder: 'Project.workforce / wage status — hrss part of the list and the unified view',
    where: 'subgraphs/hrss/data.ts ($match of the workforce aggregation over the listed projects)',
    silo: 'hrss',
    model: 'Registration',
    filter: { projectCode: 'in' },
    index: { projectCode: 1 },
  },
  {
    finder: 'Project.stations — environment part of the list and the unified view',
    where: 'subgraphs/environment/data.ts stationsByProject (groupLoader; from the in-memory copy while READ_CACHE is on)',
    silo: 'environment',
    model: 'Station',
    filter: { projectCode: 'in' },
    sort: { mn: 1 },
    index: { projectCode: 1 },
    sortInMemory: 'one or two stations per project: 100 documents at most for a 50-project page',
  },
  {
    finder: 'wageArrears(month) — the read model: the month\'s arrears index, one document per month',
    where: 'subgraphs/hrss/wageFactsRead.ts arrears (findById)',
    silo: 'hrss',
    model: 'WageArrearsIndex',
    filter: { _id: 'eq' },
    index: { _id: 1 },
  },
  {
    finder: 'wageArrears(month), Project.wageStatus — the read model: stored facts of the candidate projects × month',
    where: 'subgraphs/hrss/wageFactsRead.ts projectMonths',
    silo: 'hrss',
    model: 'WageProjectMonth',
    filter: { _id: 'in' },
    index: { _id: 1 },
  },
  {
    finder: 'wageArrears(month) at query time (WAGE_READ_MODEL=off, or during a rebuild) — attendance of the month',
    where: 'subgraphs/hrss/wageFacts.ts loadWageFacts',
    silo: 'hrss',
    model: 'AttendanceBlock',
    filter: { month: 'eq' },
    index: { month: 1, projectCode: 1 },
  },
  {
    finder: 'wageArrears(month, district) at query time — attendance of the month in a district',
    where: 'subgraphs/hrss/wageFacts.ts loadWageFacts',
    silo: 'hrss',
    model: 'AttendanceBlock',
    filter: { month: 'eq', district: 'eq' },
    index: { month: 1, district: 1 },
  },
  {
    finder: 'wageArrears(month) at query time — payments of the month',
    where: 'subgraphs/hrss/wageFacts.ts loadWageFacts ($match of the aggregation)',
    silo: 'hrss',
    model: 'PayLine',
    filter: { month: 'eq', succeeded: 'eq', paidOn: 'range' },
    index: { month: 1, projectCode: 1 },
    residual: { fields: ['succeeded', 'paidOn'], why: 'nearly every pay line succeeded and was paid by the evaluation date: an index on them would not narrow the month' },
  },
  {
    finder: 'exceedances(from, to) over whole local days — the read model (one document per district × day)',
    where: 'subgraphs/environment/data.ts storedExceedances',
    silo: 'environment',
    model: 'ExceedanceDay',
    filter: { day: 'range' },
    index: { day: 1 },
  },
  {
    finder: 'exceedances(from, to) — the stations of the city',
    where: 'subgraphs/environment/data.ts stations()',
    silo: 'environment',
    model: 'Station',
    filter: {},
    sort: { mn: 1 },
    index: { mn: 1 },
  },
  {
    finder: 'exceedances(from, to) over a period not made of whole local days (or a stale read model) — readings of the period, packed per station and day',
    where: 'subgraphs/environment/data.ts loadSamples (the query-time computation)',
    silo: 'environment',
    model: 'ReadingChunk',
    filter: { mn: 'in', day: 'range' },
    sort: { _id: 1 },
    index: { mn: 1, day: 1 },
    sortInMemory:
      'sorted by _id so that a re-sent sample is always taken from the same chunk; a blocking SORT of stations × days chunks (~21,000 for 30 days at 1,000 projects, ~250,000 at 12,000, where it may pass the 100 MB in-memory limit and spill to disk): only when the read model cannot answer',
  },
];

/**
 * How much of `q` its index serves, by MongoDB's rule for one compound index: equality (and $in)
 * fields first, then the sort fields in order (all in the index's direction or all reversed), then one
 * range field; the scan is bounded by the fields it consumed. Returns the filter fields left over and
 * whether the sort came from the index.
 */
export function indexUse(q: Pick<FinderQuery, 'filter' | 'sort' | 'index'>): { bounded: boolean; leftover: string[]; sortFromIndex: boolean } {
  const keys = Object.entries(q.index);
  const sort = Object.entries(q.sort ?? {});
  const used = new Set<string>();
  let i = 0;
  while (i < keys.length && (q.filter[keys[i][0]] === 'eq' || q.filter[keys[i][0]] === 'in')) used.add(keys[i++][0]);
  // A sort field that is already pinned by equality needs no order; what remains must follow in the index.
  const sortLeft = sort.filter(([f]) => !(used.has(f) && q.filter[f] === 'eq'));
  let sortFromIndex = sortLeft.length === 0;
  if (sortLeft.length) {
    const direction = keys[i] && keys[i][1] === sortLeft[0][1] ? 1 : -1;
    let j = 0;
    while (j < sortLeft.length && i + j < keys.length && keys[i + j][0] === sortLeft[j][0] && keys[i + j][1] * direction === sortLeft[j][1]) j++;
    sortFromIndex = j === sortLeft.length;
    // A range on a sort field the index walks is bounded by the same scan.
    for (let k = 0; k < j; k++) if (q.filter[keys[i + k][0]] !== undefined) used.add(keys[i + k][0]);
    if (sortFromIndex) i += j;
  }
  if (i < keys.length && q.filter[keys[i][0]] === 'range') used.add(keys[i++][0]);
  const bounded = keys.length > 0 && (used.has(keys[0][0]) || (sortFromIndex && sortLeft.length > 0 && keys[0][0] === sortLeft[0][0]));
  return { bounded, leftover: Object.keys(q.filter).filter((f) => !used.has(f)), sortFromIndex };
}
