/**
 * npm run keys:rotate -- [--dir DIR] [--publish-only | --sign KID | --retire KID | --list]
 *
 * Manages a key directory (default JWT_KEYS_DIR, else <data dir>/keys, the dev default that npm start's
 * services verify and sign with): without a flag, adds a new RS256 pair, publishes its public key in jwks.json and signs new tokens
 * with it. --publish-only publishes a new key without signing with it yet (for verifiers that fetch the set
 * from a URL: publish, wait for their refresh, then --sign). --retire removes a key that no token in use
 * was signed with. docs/keys.md gives the whole procedure.
 */
import path from 'node:path';
import { devKeyDir } from '../lib/auth/keys';
import { addKey, ensureKeyDir, keyDirPaths, listKeys, retireKey, signWith, signingKid } from '../lib/auth/keyDir';
import { envInt, readEnv } from '../lib/config';

const USAGE = 'usage: npm run keys:rotate -- [--dir DIR] [--publish-only | --sign KID | --retire KID | --list]';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) fail(`${name} needs a value\n${USAGE}`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`npm run keys:rotate: ${message}\n`);
  process.exit(2);
}

function printList(dir: string): void {
  for (const k of listKeys(dir)) {
    process.stdout.write(`${k.kid}${k.signing ? '  signing' : ''}${k.hasPrivateKey ? '' : '  (no private key here)'}\n`);
  }
}

const args = process.argv.slice(2);
const known = new Set(['--dir', '--publish-only', '--sign', '--retire', '--list']);
const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !['--dir', '--sign', '--retire'].includes(args[i - 1]));
if (unknown.length) fail(`unknown option ${unknown.join(', ')}\n${USAGE}`);
const dir = path.resolve(flag(args, '--dir') ?? readEnv('JWT_KEYS_DIR') ?? devKeyDir());
const sign = flag(args, '--sign');
const retire = flag(args, '--retire');
const actions = [sign, retire, args.includes('--list') || undefined, args.includes('--publish-only') || undefined].filter((a) => a !== undefined);
if (actions.length > 1) fail(`one action at a time\n${USAGE}`);

try {
  const before = ensureKeyDir(dir);
  const jwks = keyDirPaths(dir).jwks;
  if (args.includes('--list')) {
    printList(dir);
  } else if (sign) {
    signWith(dir, sign);
    process.stdout.write(`new tokens are signed with ${sign} (was ${before})\n`);
  } else if (retire) {
    retireKey(dir, retire);
    process.stdout.write(`retired ${retire}: removed from ${jwks} and its private key deleted; its tokens are refused once verifiers reload the set\n`);
  } else {
    const publishOnly = args.includes('--publish-only');
    const kid = addKey(dir, { sign: !publishOnly });
    const maxLifetime = envInt('JWT_MAX_LIFETIME_SECONDS', 86_400);
    process.stdout.write(`published ${kid} in ${jwks}\n`);
    process.stdout.write(
      publishOnly
        ? `new tokens are still signed with ${signingKid(dir)}; once every verifier has the new set: npm run keys:rotate -- --sign ${kid}\n`
        : `new tokens are signed with ${kid}; tokens signed with ${before} stay valid until they expire (at most ${maxLifetime} s): then npm run keys:rotate -- --retire ${before}\n`,
    );
  }
} catch (e) {
  fail((e as Error).message);
}
