/**
 * Every store query behind the finders (finderIndexes.ts) is served by an index its model declares:
 * the declared index exists, bounds the scan, leaves only the filter fields the entry names as
 * residual, and gives the sort unless the entry says why it is sorted in memory. Reads the models'
 * own declarations (mongoose schema.indexes()), no store.
 */
import mongoose, { type Connection, type Model } from 'mongoose';
import { createEnvironmentModels } from '../../subgraphs/environment/models';
import { createHousingModels } from '../../subgraphs/housing/models';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { FINDER_QUERIES, indexUse } from './finderIndexes';

const conn: Connection = mongoose.createConnection(); // never opened: only the schemas are read
afterAll(() => conn.close());

const models: Record<string, Record<string, Model<unknown>>> = {
  housing: createHousingModels(conn) as unknown as Record<string, Model<unknown>>,
  hrss: createHrssModels(conn) as unknown as Record<string, Model<unknown>>,
  environment: createEnvironmentModels(conn) as unknown as Record<string, Model<unknown>>,
};

function declaredIndexes(model: Model<unknown>): string[] {
  return ['{"_id":1}', ...model.schema.indexes().map(([keys]) => JSON.stringify(keys))];
}

describe('indexUse (the rule the check applies)', () => {
  it('bounds a scan only by a leading field of the index', () => {
    expect(indexUse({ filter: { projectCode: 'eq' }, index: { month: 1, projectCode: 1 } })).toMatchObject({ bounded: false, leftover: ['projectCode'] });
    expect(indexUse({ filter: { month: 'eq', projectCode: 'in' }, index: { month: 1, projectCode: 1 } })).toEqual({ bounded: true, leftover: [], sortFromIndex: true });
  });
  it('takes equality, then sort, then one range; a range before the sort leaves the sort to memory', () => {
    expect(indexUse({ filter: { month: 'eq', settledOn: 'range', district: 'eq' }, index: { month: 1, settledOn: 1 } }).leftover).toEqual(['district']);
    expect(indexUse({ filter: { mn: 'in', day: 'range' }, sort: { _id: 1 }, index: { mn: 1, day: 1 } })).toEqual({ bounded: true, leftover: [], sortFromIndex: false });
    expect(indexUse({ filter: { day: 'range' }, sort: { mn: 1 }, index: { day: 1, mn: 1 } }).sortFromIndex).toBe(false);
  });
  it('gives a sort in the index order or fully reversed, not mixed', () => {
    expect(indexUse({ filter: {}, sort: { mn: -1, day: -1 }, index: { mn: 1, day: 1 } }).sortFromIndex).toBe(true);
    expect(indexUse({ filter: {}, sort: { mn: 1, day: -1 }, index: { mn: 1, day: 1 } }).sortFromIndex).toBe(false);
    expect(indexUse({ filter: { code: 'range' }, sort: { code: 1 }, index: { code: 1 } })).toEqual({ bounded: true, leftover: [], sortFromIndex: true });
  });
});

describe.each(FINDER_QUERIES.map((q) => [`${q.silo}.${q.model}: ${q.finder}`, q] as const))('%s', (_name, q) => {
  const model = models[q.silo][q.model];

  it('uses an index the model declares', () => {
    expect(model).toBeDefined();
    expect(declaredIndexes(model)).toContain(JSON.stringify(q.index));
  });

  it('is bounded by it, leaving only the residual fields it names, and sorted by it unless it says why not', () => {
    const use = indexUse(q);
    expect(use.bounded).toBe(true);
    expect([...use.leftover].sort()).toEqual([...(q.residual?.fields ?? [])].sort());
    if (q.sort) expect(use.sortFromIndex).toBe(!q.sortInMemory);
    else expect(q.sortInMemory).toBeUndefined();
  });
});
