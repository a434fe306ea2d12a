/**
 * Prints what codegen.ts would write, as JSON { absolute path: content }, writing nothing. Run in a plain
 * Node process by codegen.test.ts, because @graphql-codegen/cli loads an ES module Jest cannot require.
 * Usage: node --import tsx test/platform/codegenOutputs.ts [<subgraph> [<sdl file to use instead of its own>]]
 */
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { CODEGEN_SUBGRAPHS, codegenConfig, type CodegenSubgraph } from '../../codegen';

async function main() {
  const [name, sdl] = process.argv.slice(2) as [CodegenSubgraph | undefined, string | undefined];
  if (name && !CODEGEN_SUBGRAPHS.includes(name)) throw new Error(`unknown subgraph ${name}`);
  const config = codegenConfig(name ? [name] : CODEGEN_SUBGRAPHS, sdl ? () => path.resolve(sdl) : undefined);
  const outputs = (await generate(config, false)) as { filename: string; content: string }[];
  process.stdout.write(JSON.stringify(Object.fromEntries(outputs.map((o) => [path.resolve(o.filename), o.content]))));
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
