/**
 * The id of a request: what the access log, the subgraphs and the owners' audit trails know it by.
 *
 * It belongs to the server. Every service makes its own (randomUUID) for each request; a client's
 * `x-request-id` is kept only as `clientRequestId` (access log, echoed in `x-client-request-id`), so a
 * caller cannot choose what an owner's audit trail records. A service adopts an incoming id only when
 * it comes with a valid `x-xietong-request-id-signature`: HMAC-SHA256 of the id under a secret the
 * gateway and the subgraphs share. That is how the gateway's id reaches every subgraph it fetches
 * from (and joint's calls back through the gateway keep the id of the request they serve).
 *
 * The secret: REQUEST_ID_SECRET, or the file REQUEST_ID_SECRET_FILE, else one generated once into
 * `<data dir>/keys/request-id-secret` (mode 0600, like the dev JWT keys), which every process of one
 * machine (npm start's children, a test run's workers) shares.
 */
import type http from 'node:http';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, readEnv } from '../config';

export const REQUEST_ID_HEADER = 'x-request-id';
export const REQUEST_ID_SIGNATURE_HEADER = 'x-xietong-request-id-signature';
export const CLIENT_REQUEST_ID_HEADER = 'x-client-request-id';

/** What a client may call its request (kept as clientRequestId); anything else is dropped. */
const CLIENT_ID = /^[\w.:-]{1,128}$/;

export interface RequestIds {
  /** This service's id for the request: its own, or the gateway's when validly signed. */
  requestId: string;
  /** The id the client gave in `x-request-id`, when it was not a signed one (well-formed only). */
  clientRequestId?: string;
}

const MIN_SECRET_BYTES = 32;

/**
 * Reads the secret file, or creates it when absent. Race-free between processes starting at once: the
 * secret is written whole to a private temporary file and linked into place, which fails if another
 * process linked first; then whoever lost reads the winner's file. A reader never sees a half-written one.
 */
export function ensureRequestIdSecretFile(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    fs.writeFileSync(tmp, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.unlinkSync(tmp);
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

let cached: { key: string; secret: Buffer } | undefined;

/** The shared secret, from the environment or the data dir (read once per setting: it is used on every request). */
export function requestIdSecret(): Buffer {
  const inline = readEnv('REQUEST_ID_SECRET');
  const file = readEnv('REQUEST_ID_SECRET_FILE');
  // Keyed by the settings as given (no path resolution), so the hot path is three environment reads.
  const key = inline ? `env:${inline}` : file ? `file:${file}` : `data:${process.env.XIETONG_DATA_DIR ?? ''}`;
  if (cached?.key === key) return cached.secret;
  const text = inline ?? (file ? fs.readFileSync(file, 'utf8').trim() : ensureRequestIdSecretFile(path.join(dataDir(), 'keys', 'request-id-secret')));
  const secret = Buffer.from(text, 'utf8');
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`The request id secret (REQUEST_ID_SECRET or REQUEST_ID_SECRET_FILE) must have at least ${MIN_SECRET_BYTES} characters`);
  cached = { key, secret };
  return secret;
}

/** HMAC-SHA256 of the id, base64url. */
export function signRequestId(id: string, secret: Buffer = requestIdSecret()): string {
  return createHmac('sha256', secret).update(id, 'utf8').digest('base64url');
}

/** True when `signature` is the id's signature (compared in constant time). */
export function verifyRequestId(id: string, signature: string, secret: Buffer = requestIdSecret()): boolean {
  const expected = Buffer.from(signRequestId(id, secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The headers that carry a server's id to another of our services (the gateway to subgraphs, joint to the gateway). */
export function requestIdHeaders(id: string): Record<string, string> {
  return { [REQUEST_ID_HEADER]: id, [REQUEST_ID_SIGNATURE_HEADER]: signRequestId(id) };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** This service's ids for a request (see the top of this file). */
export function requestIdsOf(req: http.IncomingMessage, secret?: Buffer): RequestIds {
  const given = header(req, REQUEST_ID_HEADER);
  const clientRequestId = given !== undefined && CLIENT_ID.test(given) ? given : undefined;
  const signature = header(req, REQUEST_ID_SIGNATURE_HEADER);
  if (clientRequestId && signature && verifyRequestId(clientRequestId, signature, secret)) return { requestId: clientRequestId };
  return { requestId: randomUUID(), clientRequestId };
}
