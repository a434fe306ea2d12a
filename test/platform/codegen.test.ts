/**
 * Resolver types generated from each subgraph's SDL (codegen.ts, `npm run codegen`):
 * (1) the committed subgraphs/<name>/generated/resolvers.ts equal a fresh run, so an SDL change without
 *     `npm run codegen` fails here;
 * (2) they bite: with a field's type changed in a copy of the SDL, the subgraph's unchanged resolvers no
 *     longer type-check (TypeScript's compiler API, in process, serving the regenerated file in place of
 *     the committed one; nothing in the checkout is written).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { CODEGEN_SUBGRAPHS, generatedResolversPath, type CodegenSubgraph } from '../../codegen';

const ROOT = path.join(__dirname, '..', '..');

/** What `npm run codegen` would write (for one subgraph, from another SDL file, if asked), by path. */
async function generateTypes(name?: CodegenSubgraph, sdlFile?: string): Promise<Map<string, string>> {
  const args = ['--import', 'tsx', path.join(__dirname, 'codegenOutputs.ts'), ...(name ? [name] : []), ...(sdlFile ? [sdlFile] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return new Map(Object.entries(JSON.parse(stdout) as Record<string, string>));
}

test('the committed resolver types equal a fresh `npm run codegen`', async () => {
  const fresh = await generateTypes();
  for (const name of CODEGEN_SUBGRAPHS) {
    const file = generatedResolversPath(name);
    const stale = `${path.relative(ROOT, file)} is stale: run npm run codegen`;
    expect({ file: stale, equal: fs.existsSync(file) && fs.readFileSync(file, 'utf8') === fresh.get(path.resolve(file)) }).toEqual({ file: stale, equal: true });
  }
}, 60_000);

/** Type errors in the subgraph's resolver files, with `generated/resolvers.ts` replaced by `generated`. */
function resolverTypeErrors(name: CodegenSubgraph, generated: string, reuse?: ts.Program) {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.json not readable');
  const target = path.resolve(generatedResolversPath(name));
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, onError) =>
    path.resolve(file) === target ? ts.createSourceFile(file, generated, lang) : getSourceFile(file, lang, onError);
  const dir = path.join(ROOT, 'subgraphs', name, 'resolvers');
  const roots = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  const program = ts.createProgram({ rootNames: roots, options: config.options, host, oldProgram: reuse });
  const errors = roots.flatMap((f) => program.getSemanticDiagnostics(program.getSourceFile(f)));
  return { program, messages: errors.map((d) => `${path.basename(d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`) };
}

test('a field whose type drifts from the resolver fails the type check', async () => {
  const name = 'citymgmt';
  const sdl = fs.readFileSync(path.join(ROOT, 'schema', `${name}.graphql`), 'utf8');
  const original = '  receivedAtNight: Boolean!';
  expect(sdl).toContain(original);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-drift-'));
  try {
    const changed = path.join(tmp, `${name}.graphql`);
    fs.writeFileSync(changed, sdl.replace(original, '  receivedAtNight: Int!'));
    const drifted = (await generateTypes(name, changed)).get(path.resolve(generatedResolversPath(name)));
    expect(drifted).toContain('receivedAtNight?: Resolver<ResolversTypes[\'Int\']');

    // Control: the committed types compile the resolvers cleanly, so the failure below is the drift's.
    const clean = resolverTypeErrors(name, fs.readFileSync(generatedResolversPath(name), 'utf8'));
    expect(clean.messages).toEqual([]);
    const broken = resolverTypeErrors(name, drifted!, clean.program);
    expect(broken.messages.length).toBeGreaterThan(0);
    expect(broken.messages.join('\n')).toMatch(/records\.ts: [\s\S]*boolean[\s\S]*number/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 120_000);
