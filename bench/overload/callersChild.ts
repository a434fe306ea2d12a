/** Runs the callers of a CallerLoad read from stdin (JSON) and prints the LoadResult (JSON): see callers.ts. */
import { runCallersHere, type CallerLoad } from './callers';

let input = '';
process.stdin.setEncoding('utf8').on('data', (d: string) => (input += d));
process.stdin.on('end', () => {
  runCallersHere(JSON.parse(input) as CallerLoad)
    .then((result) => process.stdout.write(JSON.stringify(result)))
    .catch((e: unknown) => {
      process.stderr.write(`callers failed: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    });
});
