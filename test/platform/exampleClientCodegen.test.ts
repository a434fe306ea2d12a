/**
 * examples/client (issue 21): its operations are validated against the published schema by
 * @graphql-codegen, the committed generated types are what a fresh run gives, and the client type-checks.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_PATHS } from '../../examples/client/codegen';
import { generated } from './exampleClientCodegen';

const ROOT = path.join(__dirname, '../..');
const CLIENT = path.join(ROOT, 'examples/client');
const run = promisify(execFile);

test('the committed generated types are what codegen gives for the published schema today', async () => {
  const committed = fs.readFileSync(DEFAULT_PATHS.output, 'utf8');
  expect(DEFAULT_PATHS.schema).toBe(path.join(ROOT, 'schema/released/schema.graphql'));
  // On failure: regenerate with `npx graphql-codegen --config examples/client/codegen.ts` and commit.
  expect(committed).toBe(await generated());
  expect(committed).toContain('export const WageArrearsDocument');
}, 120_000);

test('an operation asking for a field the schema does not have fails generation, naming the field', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-client-'));
  try {
    const operationsDir = path.join(dir, 'operations');
    fs.cpSync(path.join(CLIENT, 'operations'), operationsDir, { recursive: true });
    const output = path.join(dir, 'operations.ts');
    const view = path.join(operationsDir, 'projectView.graphql');
    fs.writeFileSync(view, fs.readFileSync(view, 'utf8').replace('    complaintCount\n', '    complaintCount\n    floorAreaRatio\n'));
    const failure = await generated({ operationsDir, output }).then(() => 'generated', (e: Error) => e.message);
    expect(failure).toMatch(/Cannot query field "floorAreaRatio" on type "Project"/);
    // The only complaint is the added field: the rest of the copy is valid.
    expect(failure.match(/Cannot query field/g)).toHaveLength(1);
    expect(fs.existsSync(output)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('the client type-checks (tsc -p examples/client)', async () => {
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  const errors = await run(tsc, ['-p', CLIENT], { cwd: ROOT }).then(
    () => '',
    (e: { stdout?: string; message: string }) => e.stdout || e.message,
  );
  expect(errors).toBe('');
}, 180_000);

test("the client's own package.json pins the versions this repository uses", () => {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const client = JSON.parse(fs.readFileSync(path.join(CLIENT, 'package.json'), 'utf8'));
  const rootVersions: Record<string, string> = { ...root.dependencies, ...root.devDependencies };
  const pinned = { ...client.dependencies, ...client.devDependencies } as Record<string, string>;
  expect(Object.keys(pinned).length).toBeGreaterThan(0);
  for (const [name, version] of Object.entries(pinned)) expect({ name, version }).toEqual({ name, version: rootVersions[name] });
});
