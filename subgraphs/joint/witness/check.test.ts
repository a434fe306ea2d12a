/** checkAgainstWitnesses: a chain that passes verifyLinks, checked against the heads departments witnessed. */
import { nextLink, verifyLinks, type ChainLink } from '../cases/chain';
import { checkAgainstWitnesses, type WitnessedHead } from './client';

function chain(caseId: string, bodies: unknown[]): ChainLink[] {
  const links: ChainLink[] = [];
  for (const body of bodies) links.push(nextLink(caseId, links[links.length - 1], 'event', body));
  return links;
}

/** What hrss and housing recorded after each append. */
function witnessesOf(links: ChainLink[], depts = ['hrss', 'housing']): WitnessedHead[] {
  return links.flatMap((l) => depts.map((dept) => ({ dept, seq: l.seq, hash: l.hash, at: `2026-12-05T00:00:0${l.seq % 10}Z` })));
}

const original = chain('JZ-2026-0001', [{ to: 'FILED' }, { to: 'INVESTIGATING', officers: ['a', 'b'] }, { note: 'site visit' }, { to: 'NOTIFIED' }, { note: 'reply' }]);

test('an untouched chain agrees with its witnesses', () => {
  expect(checkAgainstWitnesses(original, witnessesOf(original))).toEqual({ ok: true, witnessedUpTo: 5 });
});

test('links appended after the last witnessed head are not a break (a witness failed or is late)', () => {
  const witnessed = witnessesOf(original.slice(0, 3));
  expect(checkAgainstWitnesses(original, witnessed)).toEqual({ ok: true, witnessedUpTo: 3 });
});

test('no witnesses at all: nothing to contradict, nothing covered', () => {
  expect(checkAgainstWitnesses(original, [])).toEqual({ ok: true, witnessedUpTo: 0 });
});

test('deleted at the tail: the plain chain still verifies, the witnesses name the missing links', () => {
  const truncated = original.slice(0, 3);
  expect(verifyLinks(truncated).ok).toBe(true);
  const check = checkAgainstWitnesses(truncated, witnessesOf(original));
  expect(check.ok).toBe(false);
  expect(check.brokenAt).toBe(4);
  expect(check.reason).toMatch(/links 4–5 are missing \(deleted at the tail\)/);
  expect(check.reason).toMatch(/housing, hrss witnessed link 5/);
  expect(check.reason).toMatch(/chain ends at link 3/);
});

test('every link deleted: the witnesses still remember the case', () => {
  const check = checkAgainstWitnesses([], witnessesOf(original, ['hrss']));
  expect(check).toMatchObject({ ok: false, brokenAt: 1 });
  expect(check.reason).toMatch(/links 1–5 are missing/);
});

test('a consistent rewrite (every hash recomputed): the plain chain verifies, the witnesses do not agree', () => {
  const bodies = original.map((l) => l.body);
  bodies[2] = { note: 'site visit — nothing found' };
  const rewritten = chain('JZ-2026-0001', bodies);
  expect(verifyLinks(rewritten).ok).toBe(true);
  const check = checkAgainstWitnesses(rewritten, witnessesOf(original));
  expect(check.ok).toBe(false);
  expect(check.brokenAt).toBe(3);
  expect(check.reason).toMatch(/^link 3 has hash \w{12}… but housing witnessed \w{12}… for it/);
  expect(check.reason).toMatch(/rewritten in joint's database \(hashes recomputed\) after link 2/);
  expect(check.witnessedUpTo).toBe(2);
});

test('a rewrite past a gap in the witnesses names the last head that still matches', () => {
  const bodies = original.map((l) => l.body);
  bodies[3] = { to: 'DISMISSED' };
  const rewritten = chain('JZ-2026-0001', bodies);
  // Only links 1 and 5 were witnessed (the others' witness calls failed).
  const witnessed = witnessesOf(original, ['hrss']).filter((w) => w.seq === 1 || w.seq === 5);
  const check = checkAgainstWitnesses(rewritten, witnessed);
  expect(check).toMatchObject({ ok: false, brokenAt: 5, witnessedUpTo: 1 });
  expect(check.reason).toMatch(/after link 1$/);
});

test('truncated then re-extended with forged links: the first forged link contradicts its witness', () => {
  const forged = chain('JZ-2026-0001', [...original.slice(0, 3).map((l) => l.body), { to: 'DISMISSED' }]);
  const check = checkAgainstWitnesses(forged, witnessesOf(original));
  expect(check).toMatchObject({ ok: false, brokenAt: 4 });
});

test('a witnessed link missing inside the chain is named', () => {
  const gap = original.filter((l) => l.seq !== 2);
  const check = checkAgainstWitnesses(gap, witnessesOf(original, ['hrss']));
  expect(check).toMatchObject({ ok: false, brokenAt: 2 });
  expect(check.reason).toMatch(/link 2, witnessed by hrss .* is missing from the chain/);
});

test('one department witnessing a different hash is enough (a conflicting witness is evidence)', () => {
  const witnessed = witnessesOf(original);
  witnessed.push({ dept: 'resources', seq: 4, hash: 'f'.repeat(64), at: '2026-12-05T01:00:00Z', recorderDept: 'citymgmt' });
  const check = checkAgainstWitnesses(original, witnessed);
  expect(check).toMatchObject({ ok: false, brokenAt: 4 });
  // Who asked for the contradicting record is named: any enforcement team may record a head.
  expect(check.reason).toBe(
    `link 4: resources witnessed ffffffffffff… for it at 2026-12-05T01:00:00Z (asked by citymgmt), but housing, hrss witnessed the chain's own hash ${original[3].hash.slice(0, 12)}…: ` +
      'the witnesses disagree (the case rewritten after one of them recorded, or a head recorded outside the case\'s procedure)',
  );
  expect(check.witnessedUpTo).toBe(3);
});
