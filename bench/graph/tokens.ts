/**
 * Tokens for the benchmark: a throwaway RS256 key pair (test/harness/tokens) and a pool of valid,
 * pre-signed tokens, each with its own `jti` and `sub`, rotated so that no two requests in flight
 * carry the same Authorization header (nothing can be merged or cached on the way).
 */
import jwt from 'jsonwebtoken';
import type { TokenSettings } from '../../lib/auth/keys';
import type { CallerDepartment } from '../../lib/config';
import { testTokenSettings } from '../../test/harness/tokens';

export interface BenchCaller {
  dept: CallerDepartment;
  roles: string[];
  purposes: string[];
}

/** The key pair of this run (the children only get the verifying half). */
export function benchTokenSettings(): TokenSettings {
  return testTokenSettings();
}

/** What a child may know: everything but the signing key. */
export function verifyOnly(settings: TokenSettings): TokenSettings {
  return { algorithm: settings.algorithm, verifyKey: settings.verifyKey, issuer: settings.issuer, audience: settings.audience };
}

export function signBenchToken(settings: TokenSettings, caller: BenchCaller, n: number, ttlSeconds: number): string {
  if (!settings.signKey) throw new Error('no signing key');
  return jwt.sign({ dept: caller.dept, roles: caller.roles, purposes: caller.purposes }, settings.signKey, {
    algorithm: settings.algorithm,
    subject: `bench-${n}`,
    jwtid: `bench-${process.pid}-${n}-${Math.random().toString(36).slice(2, 10)}`,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: ttlSeconds,
    notBefore: 0,
  });
}

export interface TokenPool {
  size: number;
  /** The next "Bearer …" header value, round robin. */
  next(): string;
}

export function createTokenPool(settings: TokenSettings, caller: BenchCaller, size: number, ttlSeconds: number): TokenPool {
  const headers = Array.from({ length: size }, (_, i) => `Bearer ${signBenchToken(settings, caller, i, ttlSeconds)}`);
  if (new Set(headers).size !== size) throw new Error('token pool: duplicate tokens');
  let i = 0;
  return {
    size,
    next() {
      const h = headers[i];
      i = (i + 1) % size;
      return h;
    },
  };
}
