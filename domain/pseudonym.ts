/**
 * Worker pseudonym: workerId = keyed HMAC-SHA256 of the ID number, truncated to 20 hex characters
 * (80 bits) and prefixed "W". The key (WORKER_PSEUDONYM_SECRET) never leaves the hrss service; a dev
 * secret is generated at first start into the git-ignored data dir. The raw ID number is stored only
 * in the hrss database; keys that cross subgraphs carry no personal data.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, readEnv } from '../lib/config';

export function pseudonymSecret(dir = dataDir()): string {
  const configured = readEnv('WORKER_PSEUDONYM_SECRET');
  if (configured) return configured;
  const file = path.join(dir, 'keys', 'worker-pseudonym.secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export function workerIdFor(idNumber: string, secret: string): string {
  return 'W' + createHmac('sha256', secret).update(idNumber.trim().toUpperCase()).digest('hex').slice(0, 20).toUpperCase();
}
