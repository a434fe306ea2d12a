/**
 * npm run token -- --dept <dept> [--sub NAME] [--roles a,b] [--purposes p,q] [--app NAME] [--ttl 1h]
 * Prints a token signed with the dev key directory's signing key (generated at first start into the data
 * dir; `npm run keys:rotate` adds keys) or the key configured by JWT_* variables. The token's lifetime may
 * not exceed JWT_MAX_LIFETIME_SECONDS (default 1 day): verifiers refuse longer-lived tokens.
 */
import { isCallerDepartment } from '../lib/auth/claims';
import { tokenSettingsFromEnv } from '../lib/auth/keys';
import { signToken } from '../lib/auth/tokens';
import { CALLER_DEPARTMENTS } from '../lib/config';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const args = process.argv.slice(2);
const dept = flag(args, '--dept');
if (!isCallerDepartment(dept)) {
  process.stderr.write(`usage: npm run token -- --dept <${CALLER_DEPARTMENTS.join('|')}> [--sub NAME] [--roles a,b] [--purposes p,q] [--app NAME] [--ttl 1h]\n`);
  process.exit(2);
}
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
const ttl = flag(args, '--ttl') ?? '1h';
let token: string;
try {
  token = signToken(tokenSettingsFromEnv(), {
    sub: flag(args, '--sub') ?? `dev-${dept}`,
    dept,
    roles: list(flag(args, '--roles')),
    purposes: list(flag(args, '--purposes')),
    app: flag(args, '--app'),
    // A plain number is seconds (as jsonwebtoken reads numbers), "1h", "30m", "2d" are durations.
    ttl: /^-?\d+$/.test(ttl) ? Number(ttl) : ttl,
  });
} catch (e) {
  process.stderr.write(`npm run token: ${(e as Error).message}\n`);
  process.exit(2);
}
process.stdout.write(token + '\n');
