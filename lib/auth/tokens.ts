/** Signing (dev tool, tests) and verification (gateway and every subgraph) of caller tokens. */
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { CallerDepartment } from '../config';
import { callerFromPayload, type Caller } from './claims';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, DEFAULT_MAX_LIFETIME_SECONDS, type TokenSettings } from './keys';
import type { KeySet } from './jwk';
import { singleKeySource, type KeySource } from './keySources';

export interface TokenRequest {
  sub: string;
  dept: CallerDepartment;
  roles?: string[];
  purposes?: string[];
  /** The application the token is issued to (claim `client_id`, RFC 9068). */
  app?: string;
  /** Seconds or a vercel/ms string such as "1h". Default 1h. */
  ttl?: string | number;
}

export function signToken(settings: TokenSettings, req: TokenRequest): string {
  const signing = settings.signer?.() ?? (settings.signKey ? { key: settings.signKey, kid: settings.signKid } : undefined);
  if (!signing) throw new Error('this process has no signing key (set JWT_PRIVATE_KEY_FILE or JWT_PRIVATE_KEY)');
  const token = jwt.sign(
    { dept: req.dept, roles: req.roles ?? [], purposes: req.purposes ?? [], ...(req.app ? { client_id: req.app } : {}) },
    signing.key,
    {
      algorithm: settings.algorithm,
      subject: req.sub,
      issuer: settings.issuer,
      audience: settings.audience,
      expiresIn: (req.ttl ?? '1h') as jwt.SignOptions['expiresIn'],
      notBefore: 0,
      ...(signing.kid ? { keyid: signing.kid } : {}),
    },
  );
  // The lifetime is read back from the token: `ttl` may be any vercel/ms string, parsed by jsonwebtoken.
  const { iat, exp } = jwt.decode(token) as jwt.JwtPayload;
  const max = maxLifetime(settings);
  if (exp! - iat! > max) {
    throw new Error(`a token may live at most ${max} s (JWT_MAX_LIFETIME_SECONDS); ${String(req.ttl)} is ${exp! - iat!} s`);
  }
  return token;
}

function maxLifetime(settings: TokenSettings): number {
  return settings.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Reads "Bearer <token>" from an Authorization header value. */
export function bearerToken(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new AuthenticationError('missing token: send "Authorization: Bearer <JWT>"');
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  if (!m) throw new AuthenticationError('malformed Authorization header: expected "Bearer <JWT>"');
  return m[1];
}

/** A verifying set of one configured key (`verifyKey`), made once per key: parsing a PEM at every verification would cost. */
const singleKeySources = new Map<string, KeySource>();
/** …and found per settings object without building that key's id again (this runs for every request). */
const sourceOfSettings = new WeakMap<TokenSettings, KeySource>();

function keySource(settings: TokenSettings): KeySource {
  if (settings.keys) return settings.keys;
  let source = sourceOfSettings.get(settings);
  if (source) return source;
  if (!settings.verifyKey) throw new Error('token settings have neither a key set nor a verifyKey');
  const id = `${settings.algorithm}|${settings.verifyKey}`;
  source = singleKeySources.get(id);
  if (!source) {
    const key = settings.algorithm === 'RS256' ? createPublicKey(settings.verifyKey) : createSecretKey(Buffer.from(settings.verifyKey, 'utf8'));
    source = singleKeySource(key, settings.algorithm === 'RS256' ? 'the configured public key' : 'the shared secret');
    singleKeySources.set(id, source);
  }
  sourceOfSettings.set(settings, source);
  return source;
}

/**
 * The key for a token's `kid`: a key declared without a `kid` (one configured key, as before key sets)
 * verifies any token; a token without `kid` is verified only when the set has one key — with several,
 * trying each would turn one forged token into N verifications.
 */
function pick(set: KeySet, kid: string | undefined): KeyObject | undefined {
  if (set.size === 1 && set.has(undefined)) return set.get(undefined);
  if (kid === undefined) return set.size === 1 ? set.values().next().value : undefined;
  return set.get(kid);
}

function verificationKey(source: KeySource, kid: string | undefined): KeyObject {
  let set = source.current();
  let key = pick(set, kid);
  if (!key && (kid !== undefined || set.size === 0)) {
    // Perhaps just published (or not fetched yet): the source may look again at once.
    set = source.afterUnknownKid();
    key = pick(set, kid);
  }
  if (key) return key;
  if (set.size === 0) throw new AuthenticationError(`token rejected: no verification keys loaded yet from ${source.description}`);
  if (kid === undefined) {
    throw new AuthenticationError(`token rejected: no key id ("kid") in its header, and ${set.size} keys may verify tokens`);
  }
  throw new AuthenticationError(`token rejected: signed by an unknown key (kid "${kid.length > 50 ? `${kid.slice(0, 50)}…` : kid}")`);
}

/**
 * Tokens already verified by this process, with their validity window. A client sends the same token
 * with many requests, and one request reaches several subgraphs that may share a process (npm start):
 * each token's signature is checked once per process. The key is the whole token — signature
 * included — under the verifying settings, so a changed token is a miss; a hit is re-checked against
 * `exp`/`nbf` and falls back to a full verification (and its error) outside the window.
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { caller: Caller; notBeforeMs: number; expiresMs: number; kid: string | undefined; key: KeyObject }>();
const settingsIds = new WeakMap<TokenSettings, string>();
let nextSettingsId = 0;

function cacheKey(settings: TokenSettings, token: string): string {
  let id = settingsIds.get(settings);
  if (id === undefined) {
    id = String(nextSettingsId++);
    settingsIds.set(settings, id);
  }
  return `${id}|${token}`;
}

/** Number of tokens this process holds as verified (tests). */
export function verifiedTokenCount(): number {
  return verified.size;
}

export function verifyToken(settings: TokenSettings, token: string): Caller {
  const key = cacheKey(settings, token);
  const hit = verified.get(key);
  if (hit) {
    const now = Date.now();
    // The key that verified it must still be in the set: a retired key's tokens stop working at once.
    if (now >= hit.notBeforeMs && now < hit.expiresMs && pick(keySource(settings).current(), hit.kid) === hit.key) return hit.caller;
    verified.delete(key);
  }
  const { caller, payload, kid, verifiedWith } = verifyTokenFully(settings, token);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(key, { caller, notBeforeMs: (payload.nbf ?? 0) * 1000, expiresMs: payload.exp! * 1000, kid, key: verifiedWith });
  return caller;
}

/**
 * Verifies signature (with the key its `kid` names), algorithm (only the configured one: never `none`, and
 * an HS256 token is refused when RS256 is configured, so a public key cannot be used as an HMAC secret),
 * issuer, audience, expiry, not-before and the maximum lifetime; then our claims. Throws
 * AuthenticationError saying why.
 */
function verifyTokenFully(
  settings: TokenSettings,
  token: string,
): { caller: Caller; payload: jwt.JwtPayload; kid: string | undefined; verifiedWith: KeyObject } {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new AuthenticationError('malformed token: not a JWT');
  const alg = decoded.header.alg;
  if (alg === 'none') throw new AuthenticationError('token rejected: unsigned tokens (alg "none") are not accepted');
  if (alg !== settings.algorithm) {
    throw new AuthenticationError(`token rejected: algorithm ${alg} is not accepted (expected ${settings.algorithm})`);
  }
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const verifiedWith = verificationKey(keySource(settings), kid);
  let payload: jwt.JwtPayload;
  try {
    payload = jwt.verify(token, verifiedWith, {
      algorithms: [settings.algorithm],
      issuer: settings.issuer,
      audience: settings.audience,
    }) as jwt.JwtPayload;
  } catch (e) {
    if (e instanceof jwt.TokenExpiredError) throw new AuthenticationError(`token expired at ${e.expiredAt.toISOString()}`);
    if (e instanceof jwt.NotBeforeError) throw new AuthenticationError(`token not valid before ${e.date.toISOString()}`);
    const message = (e as Error).message;
    if (/audience/.test(message)) throw new AuthenticationError(`wrong audience: expected "${settings.audience}"`);
    if (/issuer/.test(message)) throw new AuthenticationError(`wrong issuer: expected "${settings.issuer}"`);
    throw new AuthenticationError(`invalid token: ${message}`);
  }
  checkLifetime(settings, payload);
  try {
    return { caller: Object.freeze(callerFromPayload(payload as Record<string, unknown>)), payload, kid, verifiedWith };
  } catch (e) {
    throw new AuthenticationError(`invalid claims: ${(e as Error).message}`);
  }
}

/**
 * A stolen token is useful until it expires: a token must say when it was issued and expire within the
 * maximum lifetime, counted from its `iat` and from now (an issuer cannot back-date `iat` to get around it;
 * the clock tolerance allows for an issuer whose clock runs ahead).
 */
function checkLifetime(settings: TokenSettings, payload: jwt.JwtPayload): void {
  const max = maxLifetime(settings);
  if (typeof payload.exp !== 'number') throw new AuthenticationError('token rejected: no expiry ("exp") claim');
  if (typeof payload.iat !== 'number') throw new AuthenticationError('token rejected: no issued-at ("iat") claim, so its lifetime cannot be checked');
  if (payload.exp - payload.iat > max) {
    throw new AuthenticationError(`token rejected: its lifetime (exp - iat) is ${payload.exp - payload.iat} s, above the maximum of ${max} s`);
  }
  const fromNow = payload.exp - Date.now() / 1000;
  if (fromNow > max + (settings.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS)) {
    throw new AuthenticationError(`token rejected: it expires ${Math.round(fromNow)} s from now, beyond the maximum lifetime of ${max} s`);
  }
}
