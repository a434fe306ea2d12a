/** Runs examples/client's codegen through the graphql-codegen CLI, for the example client's tests. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_PATHS, type ClientCodegenPaths } from '../../examples/client/codegen';

const ROOT = path.join(__dirname, '../..');
const CLIENT = path.join(ROOT, 'examples/client');
const run = promisify(execFile);

/**
 * Runs the graphql-codegen CLI (as a developer does; its ESM dependencies do not load inside jest) with
 * the client's own config pointed at `paths` through a config file in a temporary folder; returns the
 * generated module, or throws with the CLI's output.
 */
export async function generated(paths: Partial<ClientCodegenPaths> = {}): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-codegen-'));
  try {
    const all = { ...DEFAULT_PATHS, output: path.join(dir, 'operations.ts'), ...paths };
    const config = path.join(dir, 'codegen.ts');
    fs.writeFileSync(config, `import { clientCodegenConfig } from ${JSON.stringify(path.join(CLIENT, 'codegen'))};\nexport default clientCodegenConfig(${JSON.stringify(all)});\n`);
    // Jest sets NODE_ENV=test, under which the CLI prints nothing, not even why it failed.
    const env = { ...process.env, NODE_ENV: 'development' };
    await run(path.join(ROOT, 'node_modules/.bin/graphql-codegen'), ['--config', config], { cwd: ROOT, env }).catch((e: { stdout?: string; stderr?: string }) => {
      throw new Error(`graphql-codegen failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
    return fs.readFileSync(all.output, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
