/**
 * Token keys. RS256 by default: private keys sign (dev token tool, services' own tokens, tests), a key
 * set verifies (gateway and every subgraph). Verification keys come from one of: a JWK Set URL
 * (JWT_JWKS_URL), a JWK Set file (JWT_JWKS_FILE), a key directory (JWT_KEYS_DIR: its jwks.json verifies, its
 * signing key signs), one PEM public key (JWT_PUBLIC_KEY[_FILE]), HS256's shared secret (JWT_ALG=HS256,
 * JWT_SECRET) — or, with none of these, the dev key directory <data dir>/keys (lib/auth/keyDir.ts),
 * generated at first start and rotated with `npm run keys:rotate` (docs/keys.md).
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, envInt, readEnv } from '../config';
import { jwkThumbprint } from './jwk';
import { ensureKeyDir, keyDirPaths, keyDirSigner } from './keyDir';
import { fileKeySource, urlKeySource, type KeySource } from './keySources';

export type TokenAlgorithm = 'RS256' | 'HS256';

/** A token must not live longer than this (exp - iat), nor expire later than this from now. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 86_400;
/** Allowance for an issuer's clock running ahead of ours, on the "exp no later than now + max" bound only. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;

export interface TokenSettings {
  algorithm: TokenAlgorithm;
  /** PEM public key (RS256) or the shared secret (HS256): a verifying set of this one key, when `keys` is absent. */
  verifyKey?: string;
  /** PEM private key (RS256) or the shared secret (HS256); undefined when this process cannot sign. */
  signKey?: string;
  /** The `kid` written into tokens signed with `signKey`. */
  signKid?: string;
  /** The verification key set, when it is more than `verifyKey`: a JWKS file or URL, the dev key directory. */
  keys?: KeySource;
  /** The signing key of the moment when it can change without a restart (a key directory); wins over `signKey`. */
  signer?: () => { key: KeyObject | string; kid?: string };
  issuer: string;
  audience: string;
  /** Default DEFAULT_MAX_LIFETIME_SECONDS. */
  maxLifetimeSeconds?: number;
  /** Default DEFAULT_CLOCK_TOLERANCE_SECONDS. */
  clockToleranceSeconds?: number;
}

function readKey(inline: string | undefined, file: string | undefined): string | undefined {
  if (inline) return inline.replace(/\\n/g, '\n');
  if (file) return fs.readFileSync(file, 'utf8');
  return undefined;
}

/** The dev key directory, <data dir>/keys. */
export function devKeyDir(dir = dataDir()): string {
  return path.join(dir, 'keys');
}

/**
 * Generates (once) the dev key directory and returns its signing key pair as PEM. Kept for callers of the
 * single-key era; new code uses devTokenSettings.
 */
export function ensureDevKeys(dir = dataDir()): { publicKey: string; privateKey: string } {
  const keyDir = devKeyDir(dir);
  const kid = ensureKeyDir(keyDir);
  const privateKey = fs.readFileSync(keyDirPaths(keyDir).privateKey(kid), 'utf8');
  return { privateKey, publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string };
}

/**
 * Settings verifying with a key directory's published set and signing with its signing key (the directory
 * is created if it has no jwks.json). The signing key is read at the first signature: a process that only
 * verifies never needs the private keys.
 */
export function keyDirTokenSettings(keyDir: string, claims: { issuer: string; audience: string; maxLifetimeSeconds?: number; clockToleranceSeconds?: number }): TokenSettings {
  ensureKeyDir(keyDir);
  let signer: ReturnType<typeof keyDirSigner> | undefined;
  return {
    algorithm: 'RS256',
    keys: fileKeySource(keyDirPaths(keyDir).jwks),
    signer: () => (signer ??= keyDirSigner(keyDir))(),
    ...claims,
  };
}

/** The settings `npm start` gives its services on a data dir with no JWT_* variables (tests of the supervised system). */
export function devTokenSettings(dir = dataDir()): TokenSettings {
  return keyDirTokenSettings(devKeyDir(dir), { issuer: 'xietong-dev', audience: 'xietong' });
}

/** kid for tokens signed with a configured private key: JWT_KID, or the key's RFC 7638 thumbprint. */
function kidOf(privateKey: string): string {
  return readEnv('JWT_KID') ?? jwkThumbprint(createPublicKey(createPrivateKey(privateKey)));
}

const urlSources = new Map<string, KeySource>();

export function tokenSettingsFromEnv(): TokenSettings {
  const algorithm = (readEnv('JWT_ALG') ?? 'RS256').toUpperCase();
  const claims = {
    issuer: readEnv('JWT_ISSUER') ?? 'xietong-dev',
    audience: readEnv('JWT_AUDIENCE') ?? 'xietong',
    maxLifetimeSeconds: envInt('JWT_MAX_LIFETIME_SECONDS', DEFAULT_MAX_LIFETIME_SECONDS),
    clockToleranceSeconds: envInt('JWT_CLOCK_TOLERANCE_SECONDS', DEFAULT_CLOCK_TOLERANCE_SECONDS),
  };
  if (claims.maxLifetimeSeconds <= 0) throw new Error('JWT_MAX_LIFETIME_SECONDS must be a positive number of seconds');
  const jwksUrl = readEnv('JWT_JWKS_URL');
  const jwksFile = readEnv('JWT_JWKS_FILE');
  const keysDir = readEnv('JWT_KEYS_DIR');
  const publicKey = readKey(readEnv('JWT_PUBLIC_KEY'), readEnv('JWT_PUBLIC_KEY_FILE'));
  const sources = [jwksUrl && 'JWT_JWKS_URL', jwksFile && 'JWT_JWKS_FILE', keysDir && 'JWT_KEYS_DIR', publicKey && 'JWT_PUBLIC_KEY[_FILE]'].filter(Boolean);
  if (sources.length > 1) throw new Error(`set one source of verification keys, not ${sources.join(' and ')}`);

  if (algorithm === 'HS256') {
    if (sources.length) throw new Error(`${sources[0]} holds public keys: it does not go with JWT_ALG=HS256`);
    const secret = readEnv('JWT_SECRET');
    if (!secret || secret.length < 32) throw new Error('JWT_ALG=HS256 needs JWT_SECRET of at least 32 characters');
    return { algorithm, verifyKey: secret, signKey: secret, ...claims };
  }
  if (algorithm !== 'RS256') throw new Error(`JWT_ALG must be RS256 or HS256, got "${algorithm}"`);

  const privateKey = readKey(readEnv('JWT_PRIVATE_KEY'), readEnv('JWT_PRIVATE_KEY_FILE'));
  if (keysDir) {
    if (privateKey) throw new Error('JWT_KEYS_DIR signs with its own signing key: unset JWT_PRIVATE_KEY / JWT_PRIVATE_KEY_FILE');
    return keyDirTokenSettings(path.resolve(keysDir), claims);
  }
  const signing = privateKey ? { signKey: privateKey, signKid: kidOf(privateKey) } : {};
  if (jwksUrl) {
    const refreshMs = envInt('JWT_JWKS_REFRESH_SECONDS', 300) * 1000;
    if (refreshMs <= 0) throw new Error('JWT_JWKS_REFRESH_SECONDS must be a positive number of seconds');
    // One background fetcher per URL in a process, however often settings are read (joint's evaluator reads them per run).
    const id = `${jwksUrl}|${refreshMs}`;
    let keys = urlSources.get(id);
    if (!keys) {
      keys = urlKeySource(jwksUrl, { refreshMs, minRefetchMs: 10_000, timeoutMs: 5_000 });
      urlSources.set(id, keys);
    }
    return { algorithm, keys, ...signing, ...claims };
  }
  if (jwksFile) return { algorithm, keys: fileKeySource(path.resolve(jwksFile)), ...signing, ...claims };
  if (publicKey) return { algorithm, verifyKey: publicKey, ...signing, ...claims };
  // No keys configured: the dev key directory both verifies and signs (a JWT_PRIVATE_KEY alone is not in its set).
  return keyDirTokenSettings(devKeyDir(), claims);
}

/** Resolves once the settings' key set is loaded (a JWKS URL's first fetch), or false after `timeoutMs`. */
export async function keysReady(settings: TokenSettings, timeoutMs = 10_000): Promise<boolean> {
  if (!settings.keys) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([settings.keys.ready().then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
