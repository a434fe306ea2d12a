/**
 * A directory of RS256 key pairs with its published key set — the dev default `<data dir>/keys/`, and what
 * `npm run keys:rotate` manages (docs/keys.md):
 *
 *   jwks.json            the public keys, published: what verifiers read (JWT_JWKS_FILE, or served as JWT_JWKS_URL)
 *   private/<kid>.pem    the private keys (directory 0700, files 0600); kid = RFC 7638 thumbprint
 *   signing-kid          the kid that signs new tokens (a published key whose private key is here)
 *
 * Every file is replaced by rename, so a verifier never reads half a file. A directory from before key
 * rotation (one pair as jwt-public.pem / jwt-private.pem) becomes the set's first key. The first key of a
 * new directory is also written in that single-key layout, for tools that read it, and those two files
 * go when that key is retired.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { jwksDocument, publicJwk, type PublicJwk } from './jwk';
import { WatchedFile } from './watchedFile';

export function keyDirPaths(dir: string) {
  return {
    jwks: path.join(dir, 'jwks.json'),
    privateDir: path.join(dir, 'private'),
    privateKey: (kid: string) => path.join(dir, 'private', `${kid}.pem`),
    signingKid: path.join(dir, 'signing-kid'),
    legacyPublic: path.join(dir, 'jwt-public.pem'),
    legacyPrivate: path.join(dir, 'jwt-private.pem'),
  };
}

function writeAtomically(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

function newPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export function readPublished(dir: string): PublicJwk[] {
  const doc = JSON.parse(fs.readFileSync(keyDirPaths(dir).jwks, 'utf8')) as { keys: PublicJwk[] };
  return doc.keys;
}

function storePrivate(dir: string, privateKey: string): string {
  const p = keyDirPaths(dir);
  fs.mkdirSync(p.privateDir, { recursive: true, mode: 0o700 });
  const kid = publicJwk(privateKey).kid;
  writeAtomically(p.privateKey(kid), privateKey, 0o600);
  return kid;
}

/** Creates the directory with one key (or from the single-key layout) when it has no jwks.json; returns the signing kid. */
export function ensureKeyDir(dir: string): string {
  const p = keyDirPaths(dir);
  if (!fs.existsSync(p.jwks)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    let privateKey: string;
    if (fs.existsSync(p.legacyPrivate)) {
      privateKey = fs.readFileSync(p.legacyPrivate, 'utf8');
    } else {
      const pair = newPair();
      privateKey = pair.privateKey;
      writeAtomically(p.legacyPrivate, pair.privateKey, 0o600);
      writeAtomically(p.legacyPublic, pair.publicKey, 0o644);
    }
    const kid = storePrivate(dir, privateKey);
    // Signing kid before the published set: a second process seeing jwks.json finds a complete directory.
    writeAtomically(p.signingKid, kid + '\n', 0o644);
    writeAtomically(p.jwks, jwksDocument([publicJwk(privateKey)]), 0o644);
  }
  return signingKid(dir);
}

export function signingKid(dir: string): string {
  return fs.readFileSync(keyDirPaths(dir).signingKid, 'utf8').trim();
}

/** Adds a new pair and publishes its public key; with `sign`, new tokens are signed with it at once. */
export function addKey(dir: string, options: { sign: boolean }): string {
  ensureKeyDir(dir);
  const kid = storePrivate(dir, newPair().privateKey);
  const pub = publicJwk(fs.readFileSync(keyDirPaths(dir).privateKey(kid), 'utf8'));
  writeAtomically(keyDirPaths(dir).jwks, jwksDocument([...readPublished(dir), pub]), 0o644);
  if (options.sign) signWith(dir, kid);
  return kid;
}

/** New tokens are signed with `kid`: a published key whose private key is in the directory. */
export function signWith(dir: string, kid: string): void {
  const p = keyDirPaths(dir);
  if (!readPublished(dir).some((k) => k.kid === kid)) throw new Error(`key ${kid} is not published in ${p.jwks}`);
  if (!fs.existsSync(p.privateKey(kid))) throw new Error(`no private key for ${kid} in ${p.privateDir}`);
  writeAtomically(p.signingKid, kid + '\n', 0o644);
}

/** Removes a public key from the published set and its private key; never the signing key. */
export function retireKey(dir: string, kid: string): void {
  const p = keyDirPaths(dir);
  const published = readPublished(dir);
  if (!published.some((k) => k.kid === kid)) throw new Error(`key ${kid} is not published in ${p.jwks}`);
  if (signingKid(dir) === kid) throw new Error(`key ${kid} still signs new tokens: sign with another key first (--sign <kid>)`);
  writeAtomically(p.jwks, jwksDocument(published.filter((k) => k.kid !== kid)), 0o644);
  fs.rmSync(p.privateKey(kid), { force: true });
  if (fs.existsSync(p.legacyPublic) && publicJwk(fs.readFileSync(p.legacyPublic, 'utf8')).kid === kid) {
    fs.rmSync(p.legacyPublic, { force: true });
    fs.rmSync(p.legacyPrivate, { force: true });
  }
}

export interface KeyDirEntry {
  kid: string;
  signing: boolean;
  hasPrivateKey: boolean;
}

export function listKeys(dir: string): KeyDirEntry[] {
  const p = keyDirPaths(dir);
  const signing = signingKid(dir);
  return readPublished(dir).map((k) => ({ kid: k.kid, signing: k.kid === signing, hasPrivateKey: fs.existsSync(p.privateKey(k.kid)) }));
}

/**
 * The directory's signing key of the moment: `signing-kid` is checked like the key set (at most once a
 * second), so a long-running process that signs its own tokens moves to a new key without a restart.
 */
export function keyDirSigner(dir: string): () => { key: KeyObject; kid: string } {
  const p = keyDirPaths(dir);
  const file = new WatchedFile(
    p.signingKid,
    (text) => {
      const kid = text.trim();
      return { kid, key: createPrivateKey(fs.readFileSync(p.privateKey(kid), 'utf8')) };
    },
    { everyMs: 1000, forcedEveryMs: 1000, what: 'signing key' },
  );
  return () => file.value();
}
