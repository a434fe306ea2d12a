/**
 * npm run case:verify -- <bundle directory>
 * Checks a dossier written by case:export offline (nothing is contacted; see caseDossierVerify.ts):
 * manifest hashes, the hash chain, the evidence answers, the witnessed heads.
 * Exit 0 when everything holds, 1 with the first break and its reason, 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { verifyDossier } from './caseDossierVerify';

// npm runs scripts in the package's directory; a relative path means the caller's (INIT_CWD).
const given = process.argv[2];
const dir = given && path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  process.stderr.write(`usage: npm run case:verify -- <bundle directory>${given ? ` ("${given}" is not a directory)` : ''}\n`);
  process.exit(2);
}
const result = verifyDossier(dir);
for (const p of result.passed) process.stdout.write(`ok    ${p}\n`);
if (result.ok) {
  process.stdout.write(`dossier ${dir}: verified\n`);
  process.exit(0);
}
process.stdout.write(`BROKEN${result.brokenAt !== undefined ? ` at link ${result.brokenAt}` : ''}: ${result.reason}\n`);
process.exit(1);
