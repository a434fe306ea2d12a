/**
 * `npx tsx adapters/hj212/rebuildExceedances.ts`: evaluates the exceedance read model again for every
 * day that has readings, with the rules file as it is now (EXCEEDANCE_RULES_FILE or
 * subgraphs/environment/rules.json), and records that rules version. Run it after changing the rules:
 * until then the environment subgraph, seeing a model of other rules, computes exceedances at query time.
 * (Restart the environment subgraph too: it reads the rules file when it starts.) Uses the store
 * `npm start` is running on the same XIETONG_DATA_DIR, MONGODB_URI, or starts the embedded store for
 * the run. Prints a JSON report; exit 0 on success, 1 on a failure.
 */
import { connectSilo, openStore } from '../store/connection';
import { rebuildExceedanceModel } from './exceedanceDays';

async function main(): Promise<void> {
  const store = await openStore({ log: (m) => process.stderr.write(m + '\n') });
  const conn = await connectSilo(store.uri, 'environment');
  const started = Date.now();
  try {
    const report = await rebuildExceedanceModel(conn);
    process.stdout.write(JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }) + '\n');
  } finally {
    await conn.close();
    await store.release();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  process.stderr.write(`rebuildExceedances failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
