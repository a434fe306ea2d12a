/** Token settings from the environment: one key source at a time, the lifetime limit, one URL fetcher per process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenSettingsFromEnv } from './keys';
import { signToken, verifyToken } from './tokens';

const saved = { ...process.env };
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-keyenv-'));
  for (const k of Object.keys(process.env)) if (k.startsWith('JWT_')) delete process.env[k];
  process.env.XIETONG_DATA_DIR = tmp;
  process.env.LOG_LEVEL = 'silent';
});
afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('with no JWT_* variable the dev key directory verifies and signs, with the default lifetime limit', () => {
  const settings = tokenSettingsFromEnv();
  expect(fs.existsSync(path.join(tmp, 'keys', 'jwks.json'))).toBe(true);
  expect(settings.maxLifetimeSeconds).toBe(86_400);
  expect(verifyToken(settings, signToken(settings, { sub: 'env-1', dept: 'public' })).sub).toBe('env-1');
  expect(() => signToken(settings, { sub: 'env-2', dept: 'public', ttl: 86_401 })).toThrow(/at most 86400 s/);
});

test('JWT_MAX_LIFETIME_SECONDS lowers the limit for signing and verifying', () => {
  process.env.JWT_MAX_LIFETIME_SECONDS = '600';
  const settings = tokenSettingsFromEnv();
  expect(() => signToken(settings, { sub: 'env-3', dept: 'public', ttl: '1h' })).toThrow(/at most 600 s \(JWT_MAX_LIFETIME_SECONDS\); 1h is 3600 s/);
  const longer = signToken({ ...settings, maxLifetimeSeconds: 3600 }, { sub: 'env-4', dept: 'public', ttl: '1h' });
  expect(() => verifyToken(settings, longer)).toThrow(/lifetime \(exp - iat\) is 3600 s, above the maximum of 600 s/);
});

test('two sources of verification keys at once are a configuration error', () => {
  process.env.JWT_JWKS_FILE = path.join(tmp, 'jwks.json');
  process.env.JWT_JWKS_URL = 'http://127.0.0.1:1/jwks.json';
  expect(() => tokenSettingsFromEnv()).toThrow(/set one source of verification keys, not JWT_JWKS_URL and JWT_JWKS_FILE/);
});

test('a JWKS URL gets one background fetcher per process however often the settings are read', () => {
  process.env.JWT_JWKS_URL = 'http://127.0.0.1:1/jwks.json';
  const first = tokenSettingsFromEnv();
  try {
    expect(tokenSettingsFromEnv().keys).toBe(first.keys);
    expect(() => verifyToken(first, signToken(tokenSettingsFromEnvWithDevSigner(), { sub: 'env-5', dept: 'public' }))).toThrow(/no verification keys loaded yet from JWKS URL/);
  } finally {
    first.keys!.close();
  }
});

function tokenSettingsFromEnvWithDevSigner() {
  const url = process.env.JWT_JWKS_URL;
  delete process.env.JWT_JWKS_URL;
  try {
    return tokenSettingsFromEnv();
  } finally {
    process.env.JWT_JWKS_URL = url;
  }
}

test('HS256 with a shared secret still works, and refuses a key set', () => {
  process.env.JWT_ALG = 'HS256';
  process.env.JWT_SECRET = 'x'.repeat(40);
  const settings = tokenSettingsFromEnv();
  expect(verifyToken(settings, signToken(settings, { sub: 'env-6', dept: 'public' })).sub).toBe('env-6');
  process.env.JWT_JWKS_FILE = path.join(tmp, 'jwks.json');
  expect(() => tokenSettingsFromEnv()).toThrow(/does not go with JWT_ALG=HS256/);
});
