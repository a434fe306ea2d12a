/**
 * Authentication at the gateway and zero trust at the subgraphs: every rejection answers 401 with
 * UNAUTHENTICATED and says why; a subgraph called directly without a valid token gives no data —
 * not even `_service` or `_entities`.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { signToken } from '../../lib/auth/tokens';
import { testStore } from '../harness/db';
import { runScript } from '../harness/script';
import { startGateway, startSubgraph, type GatewayHandle, type Started } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';

const store = testStore();
let housing: Started;
let gateway: GatewayHandle;

beforeAll(async () => {
  housing = await startSubgraph(housingSubgraph, await store.connect('housing'));
  gateway = await startGateway({ housing: housing.url });
});
afterAll(async () => {
  await gateway?.stop();
  await housing?.stop();
  await store.closeAll();
});

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({ sub: 'u1', dept: 'housing', roles: [], purposes: [], iss: 'xietong-test', aud: 'xietong', iat: now(), exp: now() + 600 });

function handMade(header: Record<string, unknown>, payload: Record<string, unknown>, signWith?: string): string {
  const head = `${b64(header)}.${b64(payload)}`;
  const sig = signWith ? createHmac('sha256', signWith).update(head).digest('base64url') : '';
  return `${head}.${sig}`;
}

const otherKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const forged = () => signToken({ ...testTokenSettings(), signKey: otherKey.privateKey, verifyKey: otherKey.publicKey }, { sub: 'mallory', dept: 'housing' });

const cases: [string, () => string | undefined, RegExp][] = [
  ['a missing token', () => undefined, /missing token/],
  ['a malformed header', () => 'Token abc', /malformed Authorization header/],
  ['a malformed token', () => 'Bearer not.a.jwt', /malformed token/],
  ['an expired token', () => `Bearer ${signToken(testTokenSettings(), { sub: 'u', dept: 'housing', ttl: -10 })}`, /expired/],
  ['a not-yet-valid token', () => `Bearer ${signTokenWithNbf(3600)}`, /not valid before/],
  ['a wrong issuer', () => `Bearer ${signToken({ ...testTokenSettings(), issuer: 'someone-else' }, { sub: 'u', dept: 'housing' })}`, /wrong issuer/],
  ['a wrong audience', () => `Bearer ${signToken({ ...testTokenSettings(), audience: 'other-app' }, { sub: 'u', dept: 'housing' })}`, /wrong audience/],
  ['alg none', () => `Bearer ${handMade({ alg: 'none', typ: 'JWT' }, goodClaims())}`, /alg "none"/],
  ['HS256 signed with the RS256 public key', () => `Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, goodClaims(), testTokenSettings().verifyKey)}`, /algorithm HS256 is not accepted/],
  ['an unknown department', () => `Bearer ${signToken(testTokenSettings(), { sub: 'u', dept: 'police' as 'housing' })}`, /claim "dept" is "police"/],
  ['a token signed with another key', () => `Bearer ${forged()}`, /invalid signature/],
  // The maximum lifetime (JWT_MAX_LIFETIME_SECONDS, default 86400 s): the probe's token ran 31 million years.
  ['a token expiring 31 million years ahead', () => `Bearer ${signClaims({ iat: now(), exp: now() + 31e6 * 365 * 86_400 })}`, /lifetime \(exp - iat\) is \d+ s, above the maximum of 86400 s/],
  ['a token living longer than the maximum', () => `Bearer ${signClaims({ iat: now() - 2 * 86_400, exp: now() + 3600 })}`, /lifetime \(exp - iat\) is 176400 s, above the maximum of 86400 s/],
  ['a token issued in the future to outlive the maximum', () => `Bearer ${signClaims({ iat: now() + 2 * 86_400, exp: now() + 2 * 86_400 + 600 })}`, /expires \d+ s from now, beyond the maximum lifetime of 86400 s/],
  ['a token without iat', () => `Bearer ${signClaims({ exp: now() + 600 })}`, /no issued-at \("iat"\) claim/],
  ['a token without exp', () => `Bearer ${signClaims({ iat: now() })}`, /no expiry \("exp"\) claim/],
];

/** Our claims with exactly the given iat/exp (jsonwebtoken adds no iat when none is given), signed with the test key. */
function signClaims(times: { iat?: number; exp?: number }): string {
  const s = testTokenSettings();
  const jwt = require('jsonwebtoken') as typeof import('jsonwebtoken');
  return jwt.sign({ sub: 'u', dept: 'housing', roles: [], purposes: [], iss: s.issuer, aud: s.audience, ...times }, s.signKey, { algorithm: 'RS256', noTimestamp: times.iat === undefined });
}

function signTokenWithNbf(secondsAhead: number): string {
  const s = testTokenSettings();
  const jwt = require('jsonwebtoken') as typeof import('jsonwebtoken');
  return jwt.sign({ dept: 'housing', roles: [], purposes: [] }, s.signKey!, {
    algorithm: 'RS256', subject: 'u', issuer: s.issuer, audience: s.audience, expiresIn: '1h', notBefore: secondsAhead,
  });
}

describe.each(cases)('the gateway rejects %s', (_name, authorization, why) => {
  test('with 401 UNAUTHENTICATED saying why', async () => {
    const r = await gateway.query('{ __typename }', undefined, authorization());
    expect(r.status).toBe(401);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.body.errors[0].message).toMatch(why);
  });
});

describe('the maximum token lifetime', () => {
  test('a token of exactly the maximum lifetime is accepted', async () => {
    const r = await gateway.query('{ __typename }', undefined, `Bearer ${signToken(testTokenSettings(), { sub: 'u', dept: 'housing', ttl: 86_400 })}`);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  test('signToken refuses a lifetime above the maximum', () => {
    expect(() => signToken(testTokenSettings(), { sub: 'u', dept: 'housing', ttl: '2d' })).toThrow(/at most 86400 s \(JWT_MAX_LIFETIME_SECONDS\); 2d is 172800 s/);
  });

  test('npm run token -- --ttl above the maximum is refused with a clear message; within a raised maximum it signs', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-token-'));
    try {
      const env = { XIETONG_DATA_DIR: dataDir, JWT_ISSUER: undefined, JWT_ALG: undefined, JWT_PUBLIC_KEY: undefined, JWT_PUBLIC_KEY_FILE: undefined, JWT_JWKS_FILE: undefined, JWT_JWKS_URL: undefined };
      const refused = await runScript('scripts/token.ts', ['--dept', 'housing', '--ttl', '2d'], store, { ...env, JWT_MAX_LIFETIME_SECONDS: undefined });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/npm run token: a token may live at most 86400 s \(JWT_MAX_LIFETIME_SECONDS\); 2d is 172800 s/);
      const raised = await runScript('scripts/token.ts', ['--dept', 'housing', '--ttl', '2d'], store, { ...env, JWT_MAX_LIFETIME_SECONDS: '172800' });
      expect(raised.stderr).toBe('');
      expect(raised.code).toBe(0);
      const payload = JSON.parse(Buffer.from(raised.stdout.trim().split('.')[1], 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(172_800);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a subgraph called directly', () => {
  const direct = (authorization?: string) => {
    const r = request(housing.url.replace(/\/graphql$/, '')).post('/graphql');
    return (authorization ? r.set('authorization', authorization) : r).send({
      query: '{ _service { sdl } _entities(representations: [{ __typename: "Project", code: "2024-371302-47-01-A1B2C3" }]) { __typename } }',
    });
  };

  test.each([
    ['no token', undefined],
    ['a forged token', `Bearer ${forged()}`],
    ['alg none', `Bearer ${handMade({ alg: 'none' }, goodClaims())}`],
  ])('with %s returns 401 and no data, not even _service or _entities', async (_n, auth) => {
    const r = await direct(auth);
    expect(r.status).toBe(401);
    expect(r.body.data).toBeUndefined();
    expect(JSON.stringify(r.body)).not.toMatch(/sdl|Project @key/);
  });

  test('with a valid token answers _service', async () => {
    const r = await direct(bearer({ dept: 'housing' }));
    expect(r.status).toBe(200);
    expect(r.body.data._service.sdl).toMatch(/type Project/);
  });
});

describe('every subgraph called directly', () => {
  const { SUBGRAPHS } = require('../../subgraphs/registry') as typeof import('../../subgraphs/registry');
  const services: Record<string, Started> = {};
  const storeAll = testStore();
  beforeAll(async () => {
    for (const [name, def] of Object.entries(SUBGRAPHS)) services[name] = await startSubgraph(def!, await storeAll.connect(name));
  });
  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await storeAll.closeAll();
  });

  test.each(Object.keys(SUBGRAPHS))('%s: no token or a forged token → 401 and no data, even for _service and _entities', async (name) => {
    for (const auth of [undefined, `Bearer ${forged()}`, `Bearer ${handMade({ alg: 'none' }, goodClaims())}`]) {
      const r = request(services[name].url.replace(/\/graphql$/, '')).post('/graphql');
      const res = await (auth ? r.set('authorization', auth) : r).send({ query: '{ _service { sdl } _entities(representations: [{ __typename: "Project", code: "2024-371302-47-01-A1B2C3" }]) { __typename } }' });
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const ok = await request(services[name].url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', bearer({ dept: 'public' })).send({ query: '{ _service { sdl } }' });
    expect(ok.status).toBe(200);
    expect(ok.body.data._service.sdl.length).toBeGreaterThan(100);
    // Every read by another department is audited when answered: no cache may answer it again.
    expect(ok.headers['cache-control']).toBe('no-store');
  });
});
