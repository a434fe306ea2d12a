/** The stored view on the embedded store: history only on a change of grade, the board's counts and stable paging. */
import type { Connection } from 'mongoose';
import { testStore } from '../../../test/harness/db';
import type { StoredReason } from './facts';
import { decodeBoardCursor, RiskStore, type Graded } from './store';
import type { CreditColour, RiskLevel } from './rules';

const store = testStore();
let conn: Connection;
let risk: RiskStore;

beforeAll(async () => {
  conn = await store.connect('joint');
  risk = new RiskStore(conn);
});
afterAll(() => store.closeAll());

const why = (rule: string, keys: string[] = []): StoredReason => ({ rule, dept: 'hrss', detail: `${rule} detail`, title: rule, keys, keysFrom: { subgraph: 'hrss', coordinate: 'Query.wageArrears' } });
const p = (key: string, grade: RiskLevel, district = '371302', reasons: StoredReason[] = []): Graded<RiskLevel> => ({ key, grade, district, reasons });
const e = (key: string, grade: CreditColour): Graded<CreditColour> => ({ key, grade, reasons: [], inspectionInterval: 'exempt', validUntil: null });

test('history: the first evaluation records each grade, a change adds one entry, no change adds none', async () => {
  const first = await risk.write([p('A', 'ORANGE', '371302', [why('wage-arrears-any', ['2026-10'])]), p('B', 'BLUE')], [e('E1', 'GREEN')], 'v1', '2026-12-01T00:00:00.000Z');
  expect(first).toBe(3);
  // Same grades, new reasons: the view follows, the history does not.
  expect(await risk.write([p('A', 'ORANGE', '371302', [why('wage-arrears-any', ['2026-10', '2026-11'])]), p('B', 'BLUE')], [e('E1', 'GREEN')], 'v1', '2026-12-01T00:05:00.000Z')).toBe(0);
  expect(await risk.write([p('A', 'BLUE'), p('B', 'BLUE')], [e('E1', 'YELLOW')], 'v2', '2026-12-01T00:10:00.000Z')).toBe(2);

  const a = await risk.history('project', 'A', 20);
  expect(a.map((c) => [c.grade, c.previous, c.rulesVersion, c.at])).toEqual([
    ['BLUE', 'ORANGE', 'v2', '2026-12-01T00:10:00.000Z'],
    ['ORANGE', null, 'v1', '2026-12-01T00:00:00.000Z'],
  ]);
  // The reasons at the time of the change are kept with it.
  expect(JSON.parse(a[1].reasons)[0]).toMatchObject({ rule: 'wage-arrears-any', keys: ['2026-10'] });
  expect(await risk.history('project', 'B', 20)).toHaveLength(1);
  expect((await risk.history('enterprise', 'E1', 20)).map((c) => c.grade)).toEqual(['YELLOW', 'GREEN']);
  expect(await risk.history('project', 'A', 1)).toHaveLength(1);
  // Many keys' histories in one read, newest first, `first` each; a key without history has none.
  const many = await risk.histories('project', ['A', 'B', 'Z'], 1);
  expect([...many].map(([k, v]) => [k, v.map((c) => c.grade)])).toEqual([['A', ['BLUE']], ['B', ['BLUE']], ['Z', []]]);
  expect(await risk.state()).toMatchObject({ rulesVersion: 'v2', evaluatedAt: '2026-12-01T00:10:00.000Z', projects: 2, enterprises: 1 });
  const [docA] = await risk.projects(['A']);
  expect(docA).toMatchObject({ level: 'BLUE', rulesVersion: 'v2' });
});

test('the board: counts per district × level for the district filter, edges filtered by level too, each project once', async () => {
  const levels: RiskLevel[] = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
  const projects = Array.from({ length: 23 }, (_, i) => p(`P${String(i).padStart(3, '0')}`, levels[i % 4], i % 3 === 0 ? '371311' : '371302'));
  await risk.write(projects, [], 'v3', '2026-12-02T00:00:00.000Z');
  const expected = new Map<string, number>();
  for (const x of projects) expected.set(`${x.district}/${x.grade}`, (expected.get(`${x.district}/${x.grade}`) ?? 0) + 1);

  const whole = await risk.board({}, 5, null);
  expect(new Map(whole.counts.map((c) => [`${c.district}/${c.level}`, c.count]))).toEqual(expected);
  expect(whole.totalCount).toBe(23);

  // A and B of the previous test are gone: the view holds what the last evaluation listed.
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page = await risk.board({}, 5, after);
    seen.push(...page.codes);
    after = page.hasNextPage ? page.codes.at(-1)! : null;
  } while (after);
  expect(seen).toEqual(projects.map((x) => x.key));

  const district = await risk.board({ district: '371311' }, 100, null);
  expect(district.counts.every((c) => c.district === '371311')).toBe(true);
  expect(district.codes).toEqual(projects.filter((x) => x.district === '371311').map((x) => x.key));
  const red = await risk.board({ district: '371311', level: 'RED' }, 100, null);
  expect(red.counts).toEqual(district.counts); // the level filter narrows the projects, not the counts
  expect(red.codes).toEqual(projects.filter((x) => x.district === '371311' && x.grade === 'RED').map((x) => x.key));
  expect(red.totalCount).toBe(red.codes.length);
  expect(decodeBoardCursor('bm90LWEtY3Vyc29y')).toBeNull();
});
