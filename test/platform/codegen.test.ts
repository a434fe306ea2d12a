/**
 * Resolver types generated from each subgraph's SDL (codegen.ts, `npm run codegen`):
 * (1) the committed subgraphs/<name>/generated/resolvers.ts equal a fresh run, so an SDL change without
 *     `npm run codegen` fails here;
 * (2) they bite: with a field's or an argument's type changed in a copy of the SDL, the subgraph's unchanged resolvers no
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
import { listedSubgraphs } from '../../schema/compose';

const ROOT = path.join(__dirname, '..', '..');

/** What `npm run codegen` would write (for one subgraph, from another SDL file, if asked), by path. */
async function generateTypes(name?: CodegenSubgraph, sdlFile?: string): Promise<Map<string, string>> {
  const args = ['--import', 'tsx', path.join(__dirname, 'codegenOutputs.ts'), ...(name ? [name] : []), ...(sdlFile ? [sdlFile] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return new Map(Object.entries(JSON.parse(stdout) as Record<string, string>));
}

test('codegen.ts covers every subgraph composed into the supergraph', () => {
  expect([...CODEGEN_SUBGRAPHS].sort()).toEqual(Object.keys(listedSubgraphs()).sort());
});

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

const NAME = 'citymgmt';
const SDL = fs.readFileSync(path.join(ROOT, 'schema', `${NAME}.graphql`), 'utf8');

/** Regenerates the subgraph's types from its SDL with `from` (first occurrence) replaced by `to`. */
async function driftedTypes(from: string, to: string): Promise<string> {
  expect(SDL).toContain(from);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-drift-'));
  try {
    const changed = path.join(tmp, `${NAME}.graphql`);
    fs.writeFileSync(changed, SDL.replace(from, to));
    const out = (await generateTypes(NAME, changed)).get(path.resolve(generatedResolversPath(NAME)));
    if (!out) throw new Error('codegen wrote nothing for ' + NAME);
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('drift between the SDL and the resolvers fails the type check', () => {
  let clean: ReturnType<typeof resolverTypeErrors>;

  // Control: the committed types compile the resolvers cleanly, so each failure below is its drift's.
  beforeAll(() => {
    clean = resolverTypeErrors(NAME, fs.readFileSync(generatedResolversPath(NAME), 'utf8'));
  }, 120_000);

  test('the committed types: no error', () => {
    expect(clean.messages).toEqual([]);
  });

  test('a field type changed (Complaint.receivedAtNight Boolean! → Int!)', async () => {
    const drifted = await driftedTypes('  receivedAtNight: Boolean!', '  receivedAtNight: Int!');
    expect(drifted).toContain("receivedAtNight?: Resolver<ResolversTypes['Int']");
    const broken = resolverTypeErrors(NAME, drifted, clean.program);
    expect(broken.messages.join('\n')).toMatch(/records\.ts: [\s\S]*boolean[\s\S]*number/);
  }, 120_000);

  test('an argument type changed (Query.complaints first: Int → String)', async () => {
    const drifted = await driftedTypes('    first: Int = 20', '    first: String');
    const broken = resolverTypeErrors(NAME, drifted, clean.program);
    expect(broken.messages.join('\n')).toMatch(/query\.ts: [\s\S]*string[\s\S]*number/);
  }, 120_000);
});
