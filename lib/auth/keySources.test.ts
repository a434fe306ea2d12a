/**
 * Key sets: which key verifies a token (kid, a token without kid), a JWKS file changed under a running
 * verifier, a JWKS URL served by a real HTTP server that changes its set, fails, and is asked about made-up
 * key ids; the single-key layout of a data dir from before key rotation becomes the set's first key.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitUntil } from '../../test/harness/wait';
import { jwksDocument, publicJwk } from './jwk';
import { addKey, ensureKeyDir, keyDirPaths, listKeys } from './keyDir';
import { devTokenSettings, type TokenSettings } from './keys';
import { fileKeySource, urlKeySource } from './keySources';
import { signToken, verifyToken } from './tokens';

const claims = { issuer: 'xietong-keys', audience: 'xietong' };
const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const [a, b] = [pair(), pair()];
const kidA = publicJwk(a.publicKey).kid;
const kidB = publicJwk(b.publicKey).kid;
const signer = (key: { privateKey: string }, kid?: string): TokenSettings => ({ algorithm: 'RS256', signKey: key.privateKey, signKid: kid, ...claims });
let n = 0;
/** A fresh subject per token: a token verified once is cached, and these tests are about full verifications. */
const token = (settings: TokenSettings) => signToken(settings, { sub: `keys-${n++}`, dept: 'housing' });

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-keyset-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the kid picks the key; a token without kid is verified only against a set of one key', () => {
  const file = path.join(tmp, 'jwks.json');
  fs.writeFileSync(file, jwksDocument([publicJwk(a.publicKey)]));
  const verifier: TokenSettings = { algorithm: 'RS256', keys: fileKeySource(file), ...claims };
  expect(verifyToken(verifier, token(signer(a, kidA))).dept).toBe('housing');
  expect(verifyToken(verifier, token(signer(a))).dept).toBe('housing');

  fs.writeFileSync(file, jwksDocument([publicJwk(a.publicKey), publicJwk(b.publicKey)]));
  expect(verifyToken(verifier, token(signer(b, kidB))).dept).toBe('housing');
  expect(() => verifyToken(verifier, token(signer(a)))).toThrow(/no key id \("kid"\) in its header, and 2 keys may verify tokens/);
  expect(() => verifyToken(verifier, token(signer(b, kidA)))).toThrow(/invalid signature/);
});

test('a JWKS file that stops parsing keeps the last good set; a fixed file is read again', async () => {
  const file = path.join(tmp, 'jwks.json');
  fs.writeFileSync(file, jwksDocument([publicJwk(a.publicKey)]));
  const verifier: TokenSettings = { algorithm: 'RS256', keys: fileKeySource(file, { everyMs: 0, forcedEveryMs: 0 }), ...claims };
  fs.writeFileSync(file, '{"keys": [');
  expect(verifyToken(verifier, token(signer(a, kidA))).dept).toBe('housing');
  fs.writeFileSync(file, jwksDocument([publicJwk(b.publicKey)]));
  expect(verifyToken(verifier, token(signer(b, kidB))).dept).toBe('housing');
  expect(() => verifyToken(verifier, token(signer(a, kidA)))).toThrow(/unknown key/);
});

test('a JWKS URL: fetched in the background, refetched on an unknown kid (rate-limited), the last good set kept through failures', async () => {
  let served: string | undefined = jwksDocument([publicJwk(a.publicKey)]);
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches++;
    if (served === undefined) res.writeHead(500).end('down');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(served);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  const source = urlKeySource(url, { refreshMs: 3_600_000, minRefetchMs: 300, timeoutMs: 2_000 });
  const verifier: TokenSettings = { algorithm: 'RS256', keys: source, ...claims };
  const eagers: ReturnType<typeof urlKeySource>[] = [];
  try {
    await source.ready();
    expect(verifyToken(verifier, token(signer(a, kidA))).dept).toBe('housing');

    // A new key published: the first token naming it is refused (verification does not wait), and the
    // set is fetched again at once, so a moment later it verifies.
    served = jwksDocument([publicJwk(a.publicKey), publicJwk(b.publicKey)]);
    const sawNew = Date.now();
    const before = fetches;
    expect(() => verifyToken(verifier, token(signer(b, kidB)))).toThrow(/unknown key/);
    await waitUntil(() => source.current().has(kidB), 'the new key fetched');
    expect(fetches).toBe(before + 1);
    expect(Date.now()).toBeLessThan(sawNew + 2_000);
    expect(verifyToken(verifier, token(signer(b, kidB))).dept).toBe('housing');

    // Made-up kids in a burst: a handful of fetches, not one per token (at most one per window, plus one
    // after a fetch that was in flight when an unknown kid came).
    const burst = fetches;
    for (let i = 0; i < 50; i++) expect(() => verifyToken(verifier, token(signer(b, `made-up-${i}`)))).toThrow(/unknown key/);
    await waitUntil(() => fetches >= burst + 1, 'a refetch');
    expect(() => verifyToken(verifier, token(signer(b, 'made-up-after')))).toThrow(/unknown key/);
    await waitUntil(() => fetches >= burst + 2, 'the next window\'s refetch');
    expect(fetches).toBeLessThanOrEqual(burst + 3);

    // The server fails: verification goes on with the last good set.
    served = undefined;
    const failing = fetches;
    const eager = urlKeySource(url, { refreshMs: 3_600_000, minRefetchMs: 0, timeoutMs: 2_000 });
    eagers.push(eager);
    served = jwksDocument([publicJwk(a.publicKey)]);
    await eager.ready();
    served = undefined;
    const eagerVerifier: TokenSettings = { algorithm: 'RS256', keys: eager, ...claims };
    // Fetches never overlap: a second failing fetch starts only once the first one's failure was handled.
    await waitUntil(() => {
      expect(() => verifyToken(eagerVerifier, token(signer(b, 'made-up')))).toThrow(/unknown key/);
      return fetches >= failing + 3;
    }, 'two failing fetches');
    expect(verifyToken(eagerVerifier, token(signer(a, kidA))).dept).toBe('housing');
  } finally {
    source.close();
    for (const e of eagers) e.close();
    server.closeAllConnections(); // fetch keeps connections alive
    await new Promise((r) => server.close(r));
  }
});

test('a data dir with the single-key layout keeps its key as the first of the set; tokens without kid verify until a second key', async () => {
  const keys = path.join(tmp, 'keys');
  fs.mkdirSync(keys);
  fs.writeFileSync(path.join(keys, 'jwt-private.pem'), a.privateKey);
  fs.writeFileSync(path.join(keys, 'jwt-public.pem'), a.publicKey);
  const legacy = { ...signer(a), issuer: 'xietong-dev' }; // what a tool reading the single-key layout signs: no kid
  const before = token(legacy);
  const dev = devTokenSettings(tmp);
  expect(listKeys(keys)).toEqual([{ kid: kidA, signing: true, hasPrivateKey: true }]);
  expect(verifyToken(dev, before).dept).toBe('housing');
  const signed = token(dev);
  expect(JSON.parse(Buffer.from(signed.split('.')[0], 'base64url').toString()).kid).toBe(kidA);

  const kid2 = addKey(keys, { sign: false });
  expect(listKeys(keys).map((k) => [k.kid, k.signing])).toEqual([[kidA, true], [kid2, false]]);
  await waitUntil(() => dev.keys!.current().size === 2, 'the second key picked up (within a second)');
  expect(() => verifyToken(dev, token(legacy))).toThrow(/no key id/);
  expect(ensureKeyDir(keys)).toBe(kidA);
  expect(fs.statSync(keyDirPaths(keys).privateDir).mode & 0o777).toBe(0o700);
});
