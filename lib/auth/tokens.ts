/** Signing (dev tool, tests) and verification (gateway and every subgraph) of caller tokens. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { CallerDepartment } from '../config';
import { callerFromPayload, type Caller } from './claims';
import type { TokenSettings } from './keys';

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
  if (!settings.signKey) throw new Error('this process has no signing key (set JWT_PRIVATE_KEY_FILE or JWT_PRIVATE_KEY)');
  return jwt.sign(
    { dept: req.dept, roles: req.roles ?? [], purposes: req.purposes ?? [], ...(req.app ? { client_id: req.app } : {}) },
    settings.signKey,
    {
      algorithm: settings.algorithm,
      subject: req.sub,
      issuer: settings.issuer,
      audience: settings.audience,
      expiresIn: (req.ttl ?? '1h') as jwt.SignOptions['expiresIn'],
      notBefore: 0,
    },
  );
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

/**
 * Verifies signature, algorithm (only the configured one: never `none`, and an HS256 token is
 * refused when RS256 is configured, so a public key cannot be used as an HMAC secret), issuer,
 * audience, expiry and not-before; then our claims. Throws AuthenticationError saying why.
 */
const publicKeys = new Map<string, KeyObject>();

/** RS256 public keys are parsed once (a PEM string would be parsed again at every verification). */
function verificationKey(settings: TokenSettings): string | KeyObject {
  if (settings.algorithm !== 'RS256') return settings.verifyKey;
  let key = publicKeys.get(settings.verifyKey);
  if (!key) {
    key = createPublicKey(settings.verifyKey);
    publicKeys.set(settings.verifyKey, key);
  }
  return key;
}

/**
 * Tokens already verified by this process, with their validity window. A client sends the same token
 * with many requests, and one request reaches several subgraphs that may share a process (npm start):
 * each token's signature is checked once per process. The key is the whole token — signature
 * included — under the verifying settings, so a changed token is a miss; a hit is re-checked against
 * `exp`/`nbf` and falls back to a full verification (and its error) outside the window.
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { caller: Caller; notBeforeMs: number; expiresMs: number }>();
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
    if (now >= hit.notBeforeMs && now < hit.expiresMs) return hit.caller;
    verified.delete(key);
  }
  const { caller, payload } = verifyTokenFully(settings, token);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(key, { caller, notBeforeMs: (payload.nbf ?? 0) * 1000, expiresMs: payload.exp! * 1000 });
  return caller;
}

function verifyTokenFully(settings: TokenSettings, token: string): { caller: Caller; payload: jwt.JwtPayload } {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new AuthenticationError('malformed token: not a JWT');
  const alg = decoded.header.alg;
  if (alg === 'none') throw new AuthenticationError('token rejected: unsigned tokens (alg "none") are not accepted');
  if (alg !== settings.algorithm) {
    throw new AuthenticationError(`token rejected: algorithm ${alg} is not accepted (expected ${settings.algorithm})`);
  }
  let payload: jwt.JwtPayload;
  try {
    payload = jwt.verify(token, verificationKey(settings), {
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
  if (payload.exp === undefined) throw new AuthenticationError('token rejected: no expiry ("exp") claim');
  try {
    return { caller: Object.freeze(callerFromPayload(payload as Record<string, unknown>)), payload };
  } catch (e) {
    throw new AuthenticationError(`invalid claims: ${(e as Error).message}`);
  }
}
