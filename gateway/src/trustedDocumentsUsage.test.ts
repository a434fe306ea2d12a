/**
 * The registered operations as usage data of the breaking-change gate (schema/check.ts): on a temporary
 * copy of the SDLs, removing a field a registered operation selects stays BREAKING, removing one no
 * registered operation uses becomes DANGEROUS; without usage data both are breaking.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSchema } from '../../schema/check';
import { composeApiSchema, printApiSchema, readApiSchema } from '../../schema/checkCompose';
import { ROOT_DIR } from '../../lib/config';
import { loadManifests } from './trustedDocumentsManifest';
import { usedCoordinatesOfTrustedDocuments } from './trustedDocumentsUsage';

const SCHEMA_DIR = path.join(ROOT_DIR, 'schema');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-usage-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function copyOfSchemas(name: string, editHousing: (sdl: string) => string = (s) => s): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(SCHEMA_DIR)) if (f.endsWith('.graphql') || f === 'subgraphs.json') fs.copyFileSync(path.join(SCHEMA_DIR, f), path.join(dir, f));
  const file = path.join(dir, 'housing.graphql');
  const before = fs.readFileSync(file, 'utf8');
  const after = editHousing(before);
  fs.writeFileSync(file, after);
  return dir;
}

test('a removed field that a registered operation selects is breaking; one nobody registered uses is dangerous', async () => {
  // The shipped manifest's ProjectCard selects Project.status; none selects Project.address.
  const card = Object.values(loadManifests().get('housing-inspection')!.documents).find((d) => d.startsWith('query ProjectCard'))!;
  expect(card).toMatch(/\bstatus\b/);
  expect(card).not.toMatch(/\baddress\b/);

  const released = path.join(work, 'released');
  fs.mkdirSync(released);
  fs.writeFileSync(path.join(released, 'schema.graphql'), printApiSchema(composeApiSchema(copyOfSchemas('base'))));
  fs.writeFileSync(path.join(released, 'approved-changes.json'), JSON.stringify({ approved: [] }));
  const edited = copyOfSchemas('edited', (sdl) => {
    const out = sdl
      .replace(/(type Project @key\(fields: "code"\) \{[\s\S]*?)\n  "Site address\."\n  address: String/, '$1')
      .replace(/(type Project @key\(fields: "code"\) \{[\s\S]*?)\n  "Registry status[^\n]*\n  status: String/, '$1');
    expect(out.length).toBeLessThan(sdl.length - 40);
    return out;
  });

  const used = usedCoordinatesOfTrustedDocuments(readApiSchema(path.join(released, 'schema.graphql')));
  expect(used.has('Project.status')).toBe(true);
  const withUsage = await checkSchema({ schemaDir: edited, releasedDir: released, usedCoordinates: used });
  expect(withUsage.breaking.map((f) => f.coordinate)).toEqual(['Project.status']);
  expect(withUsage.dangerous.map((f) => f.coordinate)).toContain('Project.address');

  const withoutUsage = await checkSchema({ schemaDir: edited, releasedDir: released });
  expect(withoutUsage.breaking.map((f) => f.coordinate).sort()).toEqual(['Project.address', 'Project.status']);
});
