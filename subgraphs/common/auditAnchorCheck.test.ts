/** The trail against the heads other departments witnessed: tail deletion and rewrite, named. */
import { compareWithWitnesses } from './auditAnchorCheck';

const h = (c: string) => c.repeat(64);
const hashes = new Map([[2, h('b')], [4, h('d')]]);

test('heads that match the chain: ok, covered up to the newest', () => {
  const w = [{ dept: 'housing', seq: 2, hash: h('b'), at: 't1' }, { dept: 'hrss', seq: 4, hash: h('d'), at: 't2' }];
  expect(compareWithWitnesses('citymgmt', 5, hashes, w)).toEqual({ ok: true, brokenAt: null, reason: null, witnessedUpTo: 4 });
});

test('a head beyond the end: the tail was deleted, from the first missing seq to the newest witnessed', () => {
  const w = [{ dept: 'housing', seq: 2, hash: h('b'), at: 't1' }, { dept: 'hrss', seq: 7, hash: h('g'), at: 't2' }];
  const c = compareWithWitnesses('citymgmt', 4, hashes, w);
  expect(c).toMatchObject({ ok: false, brokenAt: 5, witnessedUpTo: 2 });
  expect(c.reason).toMatch(/^records 5–7 are missing \(deleted at the tail\): hrss witnessed record 7/);
});

test('a head with another hash: the trail was rewritten after the last matching head', () => {
  const w = [{ dept: 'housing', seq: 2, hash: h('b'), at: 't1' }, { dept: 'resources', seq: 4, hash: h('e'), at: 't2' }];
  const c = compareWithWitnesses('citymgmt', 4, hashes, w);
  expect(c).toMatchObject({ ok: false, brokenAt: 4, witnessedUpTo: 2 });
  expect(c.reason).toMatch(/record 4 has hash dddddddddddd… but resources witnessed eeeeeeeeeeee… .* rewritten .* after record 2/);
});
