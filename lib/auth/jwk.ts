/**
 * JSON Web Keys (RFC 7517) for token verification: a JWK Set parsed into the key objects `jsonwebtoken`
 * accepts, and the RFC 7638 thumbprint that names our own keys (`kid`), so a key's name follows from the
 * key itself and a signer holding only a private key still knows which `kid` to write.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** The verification keys of one moment: by `kid`; `undefined` is a key declared without a `kid`. */
export type KeySet = ReadonlyMap<string | undefined, KeyObject>;

export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { kty?: string; n?: string; e?: string };
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new Error('only RSA keys are used for tokens');
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest('base64url');
}

/** The published form of a public (or private: its public half) RSA key. */
export function publicJwk(key: KeyObject | string): PublicJwk {
  const pub = createPublicKey(key);
  const jwk = pub.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', n: jwk.n, e: jwk.e, kid: jwkThumbprint(pub), alg: 'RS256', use: 'sig' };
}

/**
 * Parses a JWK Set document. Keys that cannot verify RS256 signatures (another `kty`, an `alg` other than
 * RS256, `use` other than `sig`) are skipped and named in `skipped`; a set without one usable key, a key
 * without `kid` beside others, or two keys with one `kid` is an error: with those, which key verifies a
 * token would be a guess.
 */
export function parseJwks(text: string): { keys: KeySet; skipped: string[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`);
  }
  const list = (doc as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('not a JWK Set: no "keys" array');
  const keys = new Map<string | undefined, KeyObject>();
  const skipped: string[] = [];
  list.forEach((jwk: Record<string, unknown>, i) => {
    const name = typeof jwk?.kid === 'string' ? `"${jwk.kid}"` : `#${i}`;
    if (jwk?.kty !== 'RSA' || (jwk.alg !== undefined && jwk.alg !== 'RS256') || (jwk.use !== undefined && jwk.use !== 'sig')) {
      skipped.push(`${name} (kty ${String(jwk?.kty)}, alg ${String(jwk?.alg)}, use ${String(jwk?.use)})`);
      return;
    }
    if (jwk.kid !== undefined && typeof jwk.kid !== 'string') throw new Error(`key ${name}: "kid" must be a string`);
    const kid = jwk.kid as string | undefined;
    if (keys.has(kid)) throw new Error(kid === undefined ? 'two keys without "kid"' : `two keys with kid "${kid}"`);
    let key: KeyObject;
    try {
      // Only the public members: a private member published by mistake must not make this a signing key.
      key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as never, format: 'jwk' });
    } catch (e) {
      throw new Error(`key ${name}: ${(e as Error).message}`);
    }
    keys.set(kid, key);
  });
  if (keys.size === 0) throw new Error(`no RS256 signing key in the set${skipped.length ? ` (skipped ${skipped.join(', ')})` : ''}`);
  if (keys.size > 1 && keys.has(undefined)) throw new Error('a key without "kid" in a set of several keys');
  return { keys, skipped };
}

export function jwksDocument(keys: PublicJwk[]): string {
  return JSON.stringify({ keys }, null, 2) + '\n';
}
