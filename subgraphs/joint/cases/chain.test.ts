import { GENESIS, canonical, linkHash, nextLink, verifyLinks, type ChainLink } from './chain';

function chainOf(n: number): ChainLink[] {
  const links: ChainLink[] = [];
  for (let i = 0; i < n; i += 1) links.push(nextLink('LH-2026-0001', links[i - 1], i % 2 ? 'evidence' : 'event', { i, note: `第${i}条` }));
  return links;
}

describe('case hash chain', () => {
  it('canonicalizes per RFC 8785 (sorted keys, no whitespace, ES number form)', () => {
    expect(canonical({ b: 1, a: [1e21, 0.1, 'é'], c: { z: null, y: true } })).toBe('{"a":[1e+21,0.1,"é"],"b":1,"c":{"y":true,"z":null}}');
    expect(() => canonical(undefined)).toThrow();
  });

  it('starts at seq 1 from GENESIS and verifies an intact chain', () => {
    const links = chainOf(5);
    expect(links[0]).toMatchObject({ seq: 1, prevHash: GENESIS });
    expect(links[0].hash).toBe(linkHash({ caseId: 'LH-2026-0001', seq: 1, kind: 'event', body: { i: 0, note: '第0条' }, prevHash: GENESIS }));
    expect(verifyLinks(links)).toEqual({ ok: true, checked: 5 });
    expect(verifyLinks([])).toEqual({ ok: true, checked: 0 });
  });

  it('names an edited body', () => {
    const links = chainOf(5);
    links[2] = { ...links[2], body: { i: 2, note: 'changed' } };
    expect(verifyLinks(links)).toMatchObject({ ok: false, checked: 2, brokenAt: 3, reason: expect.stringContaining('edited') });
  });

  it('names a link deleted in the middle', () => {
    const links = chainOf(5);
    links.splice(1, 1);
    expect(verifyLinks(links)).toMatchObject({ ok: false, checked: 1, brokenAt: 2, reason: expect.stringContaining('gap') });
  });

  it('names a link whose prevHash was repointed (and rehashed)', () => {
    const links = chainOf(3);
    const forged = { ...links[2], prevHash: 'f'.repeat(64) };
    links[2] = { ...forged, hash: linkHash(forged) };
    expect(verifyLinks(links)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining('wrong prevHash') });
  });
});
