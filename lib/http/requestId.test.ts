/** Request ids belong to the server: a signed id is adopted, anything else is only the client's. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { ensureRequestIdSecretFile, requestIdHeaders, requestIdsOf, signRequestId, verifyRequestId } from './requestId';

const secret = Buffer.from('a-test-secret-of-at-least-32-characters!!', 'utf8');
const other = Buffer.from('another-secret-of-at-least-32-characters!!', 'utf8');
const req = (headers: Record<string, string>) => ({ headers }) as unknown as http.IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('without an id, or with an unsigned one, the server makes its own and keeps the client’s apart', () => {
  const none = requestIdsOf(req({}), secret);
  expect(none.requestId).toMatch(UUID);
  expect(none.clientRequestId).toBeUndefined();
  const chosen = requestIdsOf(req({ 'x-request-id': 'my-own-id' }), secret);
  expect(chosen.requestId).toMatch(UUID);
  expect(chosen.clientRequestId).toBe('my-own-id');
  // Two requests never share the server's id.
  expect(requestIdsOf(req({ 'x-request-id': 'my-own-id' }), secret).requestId).not.toBe(chosen.requestId);
});

test('an id signed with the shared secret is adopted; a forged, other-key or other-id signature is not', () => {
  const sig = signRequestId('gw-1', secret);
  expect(verifyRequestId('gw-1', sig, secret)).toBe(true);
  expect(requestIdsOf(req({ 'x-request-id': 'gw-1', 'x-xietong-request-id-signature': sig }), secret)).toEqual({ requestId: 'gw-1' });
  for (const signature of [sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'), signRequestId('gw-1', other), signRequestId('gw-2', secret), '', 'x'.repeat(500)]) {
    const ids = requestIdsOf(req({ 'x-request-id': 'gw-1', 'x-xietong-request-id-signature': signature }), secret);
    expect(ids.requestId).toMatch(UUID);
    expect(ids.clientRequestId).toBe('gw-1');
  }
});

test('a malformed client id is dropped, not echoed', () => {
  const ids = requestIdsOf(req({ 'x-request-id': 'bad id\r\nx-evil: 1' }), secret);
  expect(ids.requestId).toMatch(UUID);
  expect(ids.clientRequestId).toBeUndefined();
  expect(requestIdsOf(req({ 'x-request-id': 'a'.repeat(129) }), secret).clientRequestId).toBeUndefined();
});

test('requestIdHeaders carries the id with a signature the receiving side accepts (process secret)', () => {
  const headers = requestIdHeaders('gw-2');
  expect(requestIdsOf(req(headers)).requestId).toBe('gw-2');
});

test('the secret file is generated once, 0600, and processes racing to create it agree', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-rid-'));
  try {
    const file = path.join(dir, 'keys', 'request-id-secret');
    const first = ensureRequestIdSecretFile(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureRequestIdSecretFile(file)).toBe(first);

    // Several child processes create a fresh file at once: one wins, all read the same secret, no temp file left.
    const { spawn } = await import('node:child_process');
    const raced = path.join(dir, 'race', 'request-id-secret');
    const script = `process.stdout.write(require(${JSON.stringify(path.join(__dirname, 'requestId.ts'))}).ensureRequestIdSecretFile(${JSON.stringify(raced)}))`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (c) => (out += c));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const secrets = await Promise.all([run(), run(), run(), run()]);
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0].length).toBeGreaterThanOrEqual(32);
    expect(fs.readdirSync(path.dirname(raced))).toEqual(['request-id-secret']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
