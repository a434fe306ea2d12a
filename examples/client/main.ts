/**
 * The example client: `npx tsx main.ts --url http://localhost:4000/graphql --token $TOKEN [--month 2026-10] [--code …]`
 * (or XIETONG_URL / XIETONG_TOKEN). Runs the README's first query, wageArrears for the month and one
 * project's unified view, and prints what came back. Exit 1 when a request is refused as a whole.
 */
import { parseArgs } from './src/args';
import { renderReport, runExamples } from './src/report';
import { XietongError } from './src/request';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  try {
    const report = await runExamples({ url: options.url, token: options.token }, options.month, options.code);
    console.log(renderReport(report, options.month));
    return 0;
  } catch (e) {
    if (e instanceof XietongError) {
      console.error(`refused: ${e.message} (HTTP ${e.status}${e.retryAfter ? `, retry after ${e.retryAfter} s` : ''})`);
      return 1;
    }
    throw e;
  }
}

main().then((code) => process.exit(code));
