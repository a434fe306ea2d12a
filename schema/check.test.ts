/**
 * The breaking-change gate on temporary copies of the subgraph SDLs, composed in-process: a removed
 * field, a changed type and an argument made required are caught; a new field and a deprecation pass;
 * an approved break passes; a deprecated field's removal is dangerous only after its announced date.
 * And the gate itself on the real schemas against schema/released/, so that `npm test` (CI) runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { checkSchema, classifyByUsage, formatReport, type CheckResult, type Finding } from './check';
import { composeApiSchema, printApiSchema } from './checkCompose';
import { releaseSchema } from './release';

const SCHEMA_DIR = __dirname;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-schema-check-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A copy of schema/'s SDLs with housing.graphql edited; fails when the edit finds nothing to change. */
function copyWith(edit?: (housing: string) => string): string {
  const dir = path.join(work, `sdl-${++copies}`);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(SCHEMA_DIR)) if (f.endsWith('.graphql') || f === 'subgraphs.json') fs.copyFileSync(path.join(SCHEMA_DIR, f), path.join(dir, f));
  const file = path.join(dir, 'housing.graphql');
  const before = fs.readFileSync(file, 'utf8');
  const after = edit ? edit(before) : before;
  if (edit && after === before) throw new Error('the edit of housing.graphql changed nothing: the test no longer matches the SDL');
  fs.writeFileSync(file, after);
  return dir;
}

/** A released/ folder holding the API schema of an SDL folder, and optional approvals. */
function releasedFrom(schemaDir: string, approved: unknown[] = []): string {
  const dir = path.join(work, `released-${++copies}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'schema.graphql'), printApiSchema(composeApiSchema(schemaDir)));
  fs.writeFileSync(path.join(dir, 'approved-changes.json'), JSON.stringify({ approved }));
  return dir;
}

/** Edits inside `type Project @key…` of housing.graphql only (ProgressReport has fields of the same names). */
function inProject(edit: (block: string) => string) {
  return (housing: string) => housing.replace(/type Project @key\(fields: "code"\) \{[\s\S]*?\n\}/, edit);
}

const HEIGHT = /\n  "Building height in m as REPORTED[^\n]*\n  reportedHeight: Float/;
const coordinatesOf = (fs_: Finding[]) => fs_.map((f) => `${f.coordinate} ${f.change}`);

let baseReleased: string;
beforeAll(() => {
  baseReleased = releasedFrom(copyWith());
});

test('the real schemas pass against the last release (schema/released)', async () => {
  const result = await checkSchema();
  if (result.breaking.length) throw new Error(formatReport(result, 'schema/released'));
  expect(result.breaking).toEqual([]);
});

test.each([
  ['removing a field', inProject((b) => b.replace(HEIGHT, '')), 'Project.reportedHeight FIELD_REMOVED'],
  ['changing a field type', inProject((b) => b.replace('reportedFloorArea: Float', 'reportedFloorArea: String')), 'Project.reportedFloorArea FIELD_TYPE_CHANGED'],
  ['making an argument required', (s: string) => s.replace('    after: String\n  ): ProjectConnection!', '    after: String!\n  ): ProjectConnection!'), 'Query.projects.after FIELD_ARGUMENT_TYPE_CHANGED'],
])('%s is caught, naming the coordinate and why', async (_what, edit, expected) => {
  const result = await checkSchema({ schemaDir: copyWith(edit), releasedDir: baseReleased });
  expect(coordinatesOf(result.breaking)).toEqual([expected]);
  expect(result.breaking[0].why.length).toBeGreaterThan(10);
  expect(formatReport(result, 'test')).toMatch(new RegExp(`^BREAKING  ${expected.split(' ')[0].replace(/\./g, '\\.')} .*\\n    why: `, 'm'));
});

test.each([
  ['adding a field', inProject((b) => b.replace(/\n\}$/, '\n  "Storeys above ground, as reported (a test field)."\n  reportedStoreys: Int\n}')), 'Project.reportedStoreys FIELD_ADDED'],
  ['deprecating a field', inProject((b) => b.replace('reportedHeight: Float', 'reportedHeight: Float @deprecated(reason: "use heights; removal after 2027-03-01")')), 'Project.reportedHeight.@deprecated FIELD_DEPRECATION_ADDED'],
])('%s passes', async (_what, edit, expected) => {
  const result = await checkSchema({ schemaDir: copyWith(edit), releasedDir: baseReleased });
  expect(result.breaking).toEqual([]);
  expect(coordinatesOf([...result.safe, ...result.dangerous])).toContain(expected);
});

test('a break listed in approved-changes.json with a reason passes, and says why', async () => {
  const released = releasedFrom(copyWith(), [{ coordinate: 'Project.reportedHeight', change: 'FIELD_REMOVED', reason: 'never filled by any platform' }]);
  const result = await checkSchema({ schemaDir: copyWith(inProject((b) => b.replace(HEIGHT, ''))), releasedDir: released });
  expect(result.breaking).toEqual([]);
  expect(coordinatesOf(result.approved)).toEqual(['Project.reportedHeight FIELD_REMOVED']);
  expect(result.approved[0].why).toMatch(/approved: never filled by any platform/);
});

test('an approval without a reason is refused', async () => {
  const released = releasedFrom(copyWith(), [{ coordinate: 'Project.reportedHeight' }]);
  await expect(checkSchema({ schemaDir: copyWith(), releasedDir: released })).rejects.toThrow(/approved\[0\] \(Project\.reportedHeight\) has no "reason"/);
});

describe('removing a deprecated field', () => {
  let released: string;
  let removed: string;
  beforeAll(() => {
    released = releasedFrom(copyWith(inProject((b) => b.replace('reportedHeight: Float', 'reportedHeight: Float @deprecated(reason: "use heights; removal after 2027-03-01")'))));
    removed = copyWith(inProject((b) => b.replace(HEIGHT, '')));
  });

  test('after its announced date is dangerous, not breaking', async () => {
    const result: CheckResult = await checkSchema({ schemaDir: removed, releasedDir: released, today: '2027-03-02' });
    expect(result.breaking).toEqual([]);
    expect(coordinatesOf(result.dangerous)).toContain('Project.reportedHeight FIELD_REMOVED');
  });

  test('before its announced date is breaking, naming the date', async () => {
    const result = await checkSchema({ schemaDir: removed, releasedDir: released, today: '2027-02-01' });
    expect(coordinatesOf(result.breaking)).toEqual(['Project.reportedHeight FIELD_REMOVED']);
    expect(result.breaking[0].why).toMatch(/announced removal date 2027-03-01 has not passed/);
  });
});

test('npm run schema:check exits 1 on a branch that removes a field, naming it', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(SCHEMA_DIR, 'check.ts'), '--schema-dir', copyWith(inProject((b) => b.replace(HEIGHT, ''))), '--released-dir', baseReleased], {
    encoding: 'utf8',
  });
  expect(r.stderr).toMatch(/BREAKING  Project\.reportedHeight \(FIELD_REMOVED\)/);
  expect(r.stderr).toMatch(/FAILED: 1 breaking change/);
  expect(r.status).toBe(1);
});

test('usage data: a break no registered operation touches is dangerous, one that is used stays breaking', () => {
  const f = (coordinate: string): Finding => ({ coordinate, change: 'X', level: 'BREAKING', message: coordinate, why: 'because' });
  const used = new Set(['Query.projects', 'Project.code', 'Project.workforce(month:)']);
  const out = classifyByUsage([f('Project.code'), f('Project.name'), f('Query.projects.after'), f('Project'), f('Project.workforce.month'), f('Enterprise')], used);
  expect(out.breaking.map((x) => x.coordinate)).toEqual(['Project.code', 'Query.projects.after', 'Project', 'Project.workforce.month']);
  expect(out.dangerous.map((x) => x.coordinate)).toEqual(['Project.name', 'Enterprise']);
  expect(out.dangerous.every((x) => x.level === 'DANGEROUS' && /no registered operation uses/.test(x.why))).toBe(true);
});

test('schema:release writes the new snapshot, empties the approvals, and refuses a version not above the last or an unapproved break', async () => {
  const released = releasedFrom(copyWith(), [{ coordinate: 'Project.reportedHeight', reason: 'unused' }]);
  fs.writeFileSync(path.join(released, 'release.json'), JSON.stringify({ version: '0.1.0' }));
  const removed = copyWith(inProject((b) => b.replace(HEIGHT, '')));
  await expect(releaseSchema({ version: '0.1.0', schemaDir: removed, releasedDir: released })).rejects.toThrow(/not above the current release 0\.1\.0/);
  await expect(releaseSchema({ version: 'next', schemaDir: removed, releasedDir: released })).rejects.toThrow(/not a version/);
  await releaseSchema({ version: '0.2.0', schemaDir: removed, releasedDir: released });
  const snapshot = buildSchema(fs.readFileSync(path.join(released, 'schema.graphql'), 'utf8'));
  expect(Object.keys((snapshot.getType('Project') as GraphQLObjectType).getFields())).not.toContain('reportedHeight');
  expect(JSON.parse(fs.readFileSync(path.join(released, 'release.json'), 'utf8')).version).toBe('0.2.0');
  expect(JSON.parse(fs.readFileSync(path.join(released, 'approved-changes.json'), 'utf8')).approved).toEqual([]);
  // The same removal again (against 0.2.0 it is gone already) passes; a fresh unapproved break is refused.
  const typeChanged = copyWith(inProject((b) => b.replace(HEIGHT, '').replace('reportedFloorArea: Float', 'reportedFloorArea: String')));
  await expect(releaseSchema({ version: '0.3.0', schemaDir: typeChanged, releasedDir: released })).rejects.toThrow(/unapproved breaking changes[\s\S]*Project\.reportedFloorArea/);
});
