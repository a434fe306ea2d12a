/**
 * Token keys. RS256 by default: a private key signs (dev token tool, tests), the public key verifies
 * (gateway and every subgraph). HS256 with a shared secret is the option (JWT_ALG=HS256, JWT_SECRET).
 * Without configured keys, a dev key pair is generated once into <data dir>/keys (git-ignored).
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, readEnv } from '../config';

export type TokenAlgorithm = 'RS256' | 'HS256';

export interface TokenSettings {
  algorithm: TokenAlgorithm;
  /** PEM public key (RS256) or the shared secret (HS256): what verifies. */
  verifyKey: string;
  /** PEM private key (RS256) or the shared secret (HS256); undefined when this process cannot sign. */
  signKey?: string;
  issuer: string;
  audience: string;
}

function readKey(inline: string | undefined, file: string | undefined): string | undefined {
  if (inline) return inline.replace(/\\n/g, '\n');
  if (file) return fs.readFileSync(file, 'utf8');
  return undefined;
}

/** Generates (once) and returns the dev RS256 key pair in <dir>/keys. */
export function ensureDevKeys(dir = dataDir()): { publicKey: string; privateKey: string } {
  const keyDir = path.join(dir, 'keys');
  const pub = path.join(keyDir, 'jwt-public.pem');
  const priv = path.join(keyDir, 'jwt-private.pem');
  if (!fs.existsSync(pub) || !fs.existsSync(priv)) {
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    fs.writeFileSync(priv, privateKey, { mode: 0o600 });
    fs.writeFileSync(pub, publicKey);
  }
  return { publicKey: fs.readFileSync(pub, 'utf8'), privateKey: fs.readFileSync(priv, 'utf8') };
}

export function tokenSettingsFromEnv(): TokenSettings {
  const algorithm = (readEnv('JWT_ALG') ?? 'RS256').toUpperCase();
  const issuer = readEnv('JWT_ISSUER') ?? 'xietong-dev';
  const audience = readEnv('JWT_AUDIENCE') ?? 'xietong';
  if (algorithm === 'HS256') {
    const secret = readEnv('JWT_SECRET');
    if (!secret || secret.length < 32) throw new Error('JWT_ALG=HS256 needs JWT_SECRET of at least 32 characters');
    return { algorithm, verifyKey: secret, signKey: secret, issuer, audience };
  }
  if (algorithm !== 'RS256') throw new Error(`JWT_ALG must be RS256 or HS256, got "${algorithm}"`);
  const publicKey = readKey(readEnv('JWT_PUBLIC_KEY'), readEnv('JWT_PUBLIC_KEY_FILE'));
  const privateKey = readKey(readEnv('JWT_PRIVATE_KEY'), readEnv('JWT_PRIVATE_KEY_FILE'));
  if (publicKey) return { algorithm, verifyKey: publicKey, signKey: privateKey, issuer, audience };
  const dev = ensureDevKeys();
  return { algorithm, verifyKey: dev.publicKey, signKey: dev.privateKey, issuer, audience };
}
