/** The per-process cache of verified tokens never accepts what a full verification would refuse. */
import { testTokenSettings } from '../../test/harness/tokens';
import { signToken, verifiedTokenCount, verifyToken } from './tokens';

afterEach(() => jest.restoreAllMocks());

test('a token is verified once per process; later uses get the same caller', () => {
  const settings = testTokenSettings();
  const token = signToken(settings, { sub: 'cache-1', dept: 'hrss', purposes: ['wage-enforcement'] });
  const before = verifiedTokenCount();
  const first = verifyToken(settings, token);
  const second = verifyToken(settings, token);
  expect(second).toBe(first);
  expect(first).toMatchObject({ sub: 'cache-1', dept: 'hrss', purposes: ['wage-enforcement'] });
  expect(verifiedTokenCount()).toBe(before + 1);
  expect(Object.isFrozen(first)).toBe(true);
});

test('a cached token is refused once it expires', () => {
  const settings = testTokenSettings();
  const token = signToken(settings, { sub: 'cache-2', dept: 'hrss', ttl: 60 });
  expect(verifyToken(settings, token).sub).toBe('cache-2');
  const later = Date.now() + 61_000;
  jest.spyOn(Date, 'now').mockReturnValue(later);
  expect(() => verifyToken(settings, token)).toThrow(/token expired/);
});

test('a changed signature or other verifying settings are not served from the cache', () => {
  const settings = testTokenSettings();
  const token = signToken(settings, { sub: 'cache-3', dept: 'citymgmt' });
  verifyToken(settings, token);
  const [h, p, sig] = token.split('.');
  const forged = `${h}.${p}.${sig.slice(0, -4)}${sig.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  expect(() => verifyToken(settings, forged)).toThrow(/invalid/);
  const otherAudience = { ...settings, audience: 'someone-else' };
  expect(() => verifyToken(otherAudience, token)).toThrow(/wrong audience/);
});
