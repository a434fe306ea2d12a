/**
 * `npm run schema:release -- <version>`: makes the freshly composed API schema the released one that
 * `npm run schema:check` compares with. Writes schema/released/schema.graphql and release.json, and
 * empties approved-changes.json (the approved breaks are now part of the release). Refuses a version
 * that is not a semantic version above the current release, and a schema with breaking changes that
 * approved-changes.json does not list: a release publishes what the gate let through, nothing more.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkSchema, formatReport, releasedVersion, RELEASED_DIR, SCHEMA_DIR } from './check';
import { composeApiSchema, printApiSchema } from './checkCompose';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a)!.slice(1).map(Number);
  const pb = SEMVER.exec(b)!.slice(1).map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

export interface ReleaseOptions {
  version: string;
  schemaDir?: string;
  releasedDir?: string;
}

export const EMPTY_APPROVALS = {
  $comment:
    'Breaking changes accepted for the next release of the API schema, each with the reason (npm run schema:check; docs/deprecation-policy.md). ' +
    'Entry: { "coordinate": "Type.field", "change": "FIELD_REMOVED" (optional), "reason": "…" }. Emptied by npm run schema:release.',
  approved: [] as unknown[],
};

/** Writes the release; returns the check's report of what changed since the previous one. */
export async function releaseSchema(options: ReleaseOptions): Promise<string> {
  const releasedDir = options.releasedDir ?? RELEASED_DIR;
  const { version } = options;
  if (!SEMVER.test(version)) throw new Error(`"${version}" is not a version: give MAJOR.MINOR.PATCH, e.g. 0.2.0`);
  const previous = releasedVersion(releasedDir);
  if (previous && compareVersions(version, previous) <= 0) throw new Error(`version ${version} is not above the current release ${previous}`);

  const current = composeApiSchema(options.schemaDir ?? SCHEMA_DIR);
  let report = 'first release\n';
  if (fs.existsSync(path.join(releasedDir, 'schema.graphql'))) {
    const result = await checkSchema({ current, releasedDir });
    report = formatReport(result, `release ${previous ?? '(unversioned)'}`);
    if (result.breaking.length) throw new Error(`not released: unapproved breaking changes\n${report}`);
  }
  fs.mkdirSync(releasedDir, { recursive: true });
  fs.writeFileSync(path.join(releasedDir, 'schema.graphql'), printApiSchema(current));
  fs.writeFileSync(
    path.join(releasedDir, 'release.json'),
    JSON.stringify({ version, releasedOn: new Date().toISOString().slice(0, 10), schema: 'schema.graphql' }, null, 2) + '\n',
  );
  fs.writeFileSync(path.join(releasedDir, 'approved-changes.json'), JSON.stringify(EMPTY_APPROVALS, null, 2) + '\n');
  return report;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const schemaDir = flag('--schema-dir');
  const releasedDir = flag('--released-dir');
  const version = argv[0];
  if (!version) {
    process.stderr.write('usage: npm run schema:release -- <version> [--schema-dir DIR] [--released-dir DIR]\n');
    process.exit(2);
  }
  releaseSchema({ version, schemaDir, releasedDir })
    .then((report) => process.stdout.write(`${report}released API schema ${version} in ${path.relative(process.cwd(), releasedDir ?? RELEASED_DIR)}\n`))
    .catch((e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    });
}
