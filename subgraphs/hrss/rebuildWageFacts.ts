/**
 * npm run rebuild:wage-facts [-- --no-verify]
 * Rebuilds the hrss wage read model (wage_project_months, wage_arrears_index) from the raw facts, then
 * checks it against the reference computation for every month (the day after the pay date, and today).
 * Needed after restoring raw collections from a backup, after a change of the stored format, or if an
 * ingest died between writing its records and updating the read model. Not needed after a change of
 * WAGE_PAY_DAY or WAGE_SHORT_TOLERANCE: the read model holds facts, the rule is applied when read.
 * Prints JSON; exit 0 when the check agrees, 1 when it does not (or on a failure).
 * Uses MONGODB_URI_HRSS / MONGODB_URI, the store `npm start` runs, or starts the embedded store.
 */
import { mongoUriFor } from '../../lib/config';
import { connectSilo, openStore } from '../../adapters/store/connection';
import { createHrssModels } from './models';
import { rebuildWageFacts } from './wageFactsStore';
import { verifyWageReadModel } from './wageFactsVerify';
import { todayInChina, wageSettingsFromEnv } from './wageRule';

async function main() {
  const verify = !process.argv.includes('--no-verify');
  const configured = mongoUriFor('hrss');
  const store = configured ? { uri: configured, release: async () => undefined } : await openStore({ log: (m) => process.stderr.write(m + '\n') });
  const conn = await connectSilo(store.uri, 'hrss');
  try {
    const models = createHrssModels(conn);
    const rebuilt = await rebuildWageFacts(models);
    const verified = verify ? await verifyWageReadModel(models, wageSettingsFromEnv(), todayInChina()) : null;
    process.stdout.write(JSON.stringify({ rebuilt, verified }) + '\n');
    process.exitCode = verified && verified.mismatches.length > 0 ? 1 : 0;
  } finally {
    await conn.close();
    await store.release();
  }
}

main().catch((e) => {
  process.stderr.write(`rebuild:wage-facts failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
