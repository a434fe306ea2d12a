/**
 * Key rotation while requests flow (issue 22): a gateway and a subgraph verify with a JWK Set file in a
 * temp key directory (each with its own reader, as separate processes would); clients send requests
 * without pause, each with a token fresh from the directory's signing key. Meanwhile `npm run keys:rotate`
 * publishes a new key and signs with it, and once no request carries a token of the old key,
 * `--retire` removes it. Every request succeeds, the new kid is used, and afterwards the old key's token
 * (verified and cached before) and a token of a key never published are refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createGateway } from '../../gateway/src/server';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { keyDirPaths, signingKid } from '../../lib/auth/keyDir';
import { keyDirTokenSettings, type TokenSettings } from '../../lib/auth/keys';
import { fileKeySource } from '../../lib/auth/keySources';
import { signToken } from '../../lib/auth/tokens';
import { testStore } from '../harness/db';
import { runScript } from '../harness/script';
import { composeFor, startSubgraph, type Started } from '../harness/services';
import { waitUntil } from '../harness/wait';

const store = testStore();
const claims = { issuer: 'xietong-rotation', audience: 'xietong' };
let keyDir: string;
let signer: TokenSettings;
let housing: Started;
let gateway: { url: string; stop(): Promise<void> };

/** What a service process would build from JWT_JWKS_FILE: its own reader of the file. */
const verifierSettings = (): TokenSettings => ({ algorithm: 'RS256', keys: fileKeySource(keyDirPaths(keyDir).jwks), ...claims });

beforeAll(async () => {
  keyDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-keys-')), 'keys');
  signer = keyDirTokenSettings(keyDir, claims);
  housing = await startSubgraph(housingSubgraph, await store.connect('housing'), { tokens: verifierSettings() });
  const g = await createGateway({ tokens: verifierSettings(), supergraphSdl: composeFor({ housing: housing.url }) });
  const running = await g.listen(0);
  gateway = { url: running.url, stop: () => g.stop() };
});
afterAll(async () => {
  await gateway?.stop();
  await housing?.stop();
  await store.closeAll();
  fs.rmSync(path.dirname(keyDir), { recursive: true, force: true });
});

const QUERY = '{ projects(first: 1) { totalCount } }';
const post = (url: string, token: string) =>
  request(url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', `Bearer ${token}`).send({ query: QUERY });
const kidOf = (token: string) => (jwt.decode(token, { complete: true })!.header.kid as string);
const keys = (...args: string[]) => runScript('scripts/keys.ts', ['--dir', keyDir, ...args], store);

interface Outcome {
  kid: string;
  status: number;
  errors?: unknown;
  after: 'before-rotation' | 'rotated' | 'retired';
}

test('keys rotate while requests flow: no request fails, the new kid signs, the retired key is refused', async () => {
  const oldKid = signingKid(keyDir);
  const outcomes: Outcome[] = [];
  const inFlight = new Map<string, number>();
  let phase: Outcome['after'] = 'before-rotation';
  let running = true;
  let oldToken = '';

  const client = async () => {
    while (running) {
      const token = signToken(signer, { sub: 'rotation-client', dept: 'housing', ttl: 300 });
      const kid = kidOf(token);
      if (kid === oldKid) oldToken = token;
      const startedIn = phase;
      inFlight.set(kid, (inFlight.get(kid) ?? 0) + 1);
      try {
        const r = await post(gateway.url, token);
        outcomes.push({ kid, status: r.status, errors: r.body.errors, after: startedIn });
      } finally {
        inFlight.set(kid, inFlight.get(kid)! - 1);
      }
    }
  };
  const clients = [client(), client(), client()];
  const count = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length;
  try {
    await waitUntil(() => count((o) => o.kid === oldKid) >= 10, '10 requests with the first key');

    // Publish a new key and sign with it at once: the verifiers must look again on the unknown kid.
    const rotated = await keys();
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    const newKid = signingKid(keyDir);
    expect(newKid).not.toBe(oldKid);
    expect(rotated.stdout).toContain(`published ${newKid}`);
    phase = 'rotated';
    await waitUntil(() => count((o) => o.kid === newKid) >= 10, '10 requests with the new key');

    // Retire the old key once no request in flight carries a token signed with it.
    await waitUntil(() => (inFlight.get(oldKid) ?? 0) === 0, 'no token of the old key in flight');
    const retired = await keys('--retire', oldKid);
    expect(retired.stderr).toBe('');
    expect(retired.code).toBe(0);
    phase = 'retired';
    const kept = JSON.parse(fs.readFileSync(keyDirPaths(keyDir).jwks, 'utf8')).keys.map((k: { kid: string }) => k.kid);
    expect(kept).toEqual([newKid]);

    // The old key's token — verified and cached by the gateway earlier — is refused once the set is reloaded.
    const deadline = Date.now() + 10_000;
    while ((await post(gateway.url, oldToken)).status !== 401) {
      if (Date.now() > deadline) throw new Error('the gateway still accepts the retired key after 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitUntil(() => count((o) => o.after === 'retired' && o.kid === newKid) >= 10, '10 requests after the retirement');
  } finally {
    running = false;
    await Promise.all(clients);
  }

  const failed = outcomes.filter((o) => o.status !== 200 || o.errors);
  expect(failed).toEqual([]);
  expect(count((o) => o.after === 'retired' && o.kid === oldKid)).toBe(0);
  expect(new Set(outcomes.map((o) => o.kid)).size).toBe(2);

  // The subgraph (zero trust) drops the old key too, once its own reader has looked at the file again (at most
  // once a second while tokens of known keys arrive; it may not have looked since the retirement yet).
  const subgraphDeadline = Date.now() + 10_000;
  while ((await post(housing.url, oldToken)).status !== 401) {
    if (Date.now() > subgraphDeadline) throw new Error('the subgraph still accepts the retired key after 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const refused = await post(gateway.url, oldToken);
  expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(refused.body.errors[0].message).toMatch(/unknown key/);
});

test('a token signed by a key that was never published is refused with 401', async () => {
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  for (const kid of ['never-published', signingKid(keyDir)]) {
    // The second carries a published kid but another key's signature.
    const token = signToken({ algorithm: 'RS256', signKey: stranger.privateKey, signKid: kid, ...claims }, { sub: 'mallory', dept: 'housing' });
    const r = await post(gateway.url, token);
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.body.errors[0].message).toMatch(kid === 'never-published' ? /unknown key \(kid "never-published"\)/ : /invalid signature/);
  }
});
