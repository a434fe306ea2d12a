/**
 * npm run case:export -- <case id> [--out DIR] [--url GATEWAY] [--token T | --dept D [--roles a,b] [--sub S]]
 * Writes the case's dossier (case.json, case.html, manifest.json; see caseDossier.ts) into DIR
 * (default ./dossier-<case id>). The case is read through the gateway (default GATEWAY_URL, else npm
 * start's http://127.0.0.1:<GATEWAY_PORT>/graphql) with a token of a participating department: --token
 * (or XIETONG_TOKEN), else one signed like `npm run token` with --dept/--roles/--sub (dev keys or JWT_*).
 * Exit 0 written, 1 refused or failed (with the reason), 2 usage.
 */
import path from 'node:path';
import { isCallerDepartment } from '../lib/auth/claims';
import { tokenSettingsFromEnv } from '../lib/auth/keys';
import { signToken } from '../lib/auth/tokens';
import { portFor, readEnv } from '../lib/config';
import { DossierError, exportDossier } from './caseDossier';

const USAGE = 'usage: npm run case:export -- <case id> [--out DIR] [--url GATEWAY_URL] [--token T | --dept D [--roles a,b] [--sub NAME]]\n';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

function tokenFrom(args: string[]): { token: string; sub?: string; dept?: string } {
  const given = flag(args, '--token') ?? readEnv('XIETONG_TOKEN');
  if (given) return { token: given.replace(/^Bearer\s+/i, '') };
  const dept = flag(args, '--dept');
  if (!dept) usage('give --token T (or XIETONG_TOKEN), or --dept D [--roles a,b] to sign a dev token');
  if (!isCallerDepartment(dept)) usage(`--dept "${dept}" is not a department`);
  const sub = flag(args, '--sub') ?? `dev-${dept}`;
  const roles = (flag(args, '--roles') ?? 'enforcement-officer').split(',').map((s) => s.trim()).filter(Boolean);
  return { token: signToken(tokenSettingsFromEnv(), { sub, dept, roles, ttl: '15m' }), sub, dept };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const caseId = args[0];
  if (!caseId || caseId.startsWith('--')) usage('the case id comes first');
  const url = flag(args, '--url') ?? readEnv('GATEWAY_URL') ?? `http://127.0.0.1:${portFor('gateway')}/graphql`;
  // npm runs scripts in the package's directory; a relative --out means the caller's (INIT_CWD).
  const outDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), flag(args, '--out') ?? `dossier-${caseId}`);
  const { token, sub, dept } = tokenFrom(args);
  try {
    const m = await exportDossier(caseId, { url, authorization: `Bearer ${token}`, outDir, caller: { sub, dept } });
    process.stdout.write(
      `case ${caseId}: ${m.chain.length} links, head ${m.chain.head ? `${m.chain.head.seq} ${m.chain.head.hash}` : '—'}, ${m.witnesses.length} witnessed heads\n` +
        (m.unavailableWitnesses.length ? `warning: witnesses not read: ${m.unavailableWitnesses.map((u) => `${u.dept} (${u.error})`).join('; ')}\n` : '') +
        `written to ${outDir} (case.json, case.html, manifest.json)\n`,
    );
  } catch (e) {
    if (!(e instanceof DossierError) && !(e instanceof TypeError)) throw e;
    // fetch reports an unreachable gateway as a TypeError ("fetch failed") with the cause beside it.
    const cause = (e as { cause?: { message?: string } }).cause?.message;
    process.stderr.write(`case:export: ${(e as Error).message}${cause ? ` (${cause})` : ''}\n`);
    process.exit(1);
  }
}

void main();
