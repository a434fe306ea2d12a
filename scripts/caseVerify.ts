/**
 * npm run case:verify -- <bundle directory>
 * Checks a dossier written by case:export offline (nothing is contacted; see caseDossierVerify.ts):
 * manifest hashes, the hash chain, the evidence answers, the witnessed heads.
 * Exit 0 when everything holds, 1 with the first break and its reason, 2 usage.
 */
import fs from 'node:fs';
import { verifyDossier } from './caseDossierVerify';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  process.stderr.write(`usage: npm run case:verify -- <bundle directory>${dir ? ` ("${dir}" is not a directory)` : ''}\n`);
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
