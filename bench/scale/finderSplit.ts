/**
 * Where a finder's time goes, on a city kept by `npm run bench:scale -- --keep`: `npm start`'s system on
 * that data dir, then each finder asked `--times` times (after one unmeasured call) through the gateway
 * and directly at its subgraph with the same token, and the read-model query alone on the store (what
 * the subgraph reads before any GraphQL work). Gateway minus subgraph is the gateway's part (planning,
 * the fetch, its own execution of the answer); subgraph minus store is the subgraph's GraphQL work
 * (execution, catalogue checks, audit) and the decoding of the stored documents. Also the first
 * 50-project list after this start (cold) against the next ones, and what each subgraph logged about
 * warming its in-memory copies (subgraphs/common/collectionCache.ts), to tell a cold path from a load.
 *
 *   node --import tsx bench/scale/finderSplit.ts --data-dir <dir> [--times 10]
 */
import fs from 'node:fs';
import path from 'node:path';
import { connectSilo } from '../../adapters/store/connection';
import { generateCity } from '../../adapters/demo/city';
import { startSupervised } from '../../test/harness/supervised';
import { round1 } from '../common/round';
import { flag } from '../common/storeRun';
import { buildQueries, LIST_SIZE, loadModels } from '../graph/queries';
import { listedSubgraphs } from '../../schema/compose';
import type { SubgraphName } from '../../lib/config';
import { percentile, timedQuery } from './timing';

const EXCEEDANCES = 'query ScaleExceedances($from: String!, $to: String!) { exceedances(from: $from, to: $to) { mn pollutant rule periodStart value } }';
const WAGE_ARREARS = 'query ScaleWageArrears($month: String!) { wageArrears(month: $month) { project { code } month workersAffected amountOwed } }';

async function timesOf(n: number, f: () => Promise<unknown>): Promise<{ p50: number; min: number }> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return { p50: round1(percentile(ms, 50)), min: round1(Math.min(...ms)) };
}

async function main() {
  const i = process.argv.indexOf('--data-dir');
  const dataDir = i >= 0 ? path.resolve(process.argv[i + 1]) : undefined;
  if (!dataDir || !fs.existsSync(path.join(dataDir, 'ferretdb'))) throw new Error('--data-dir <a data dir kept by bench:scale --keep> is required');
  const times = flag('--times', 10);
  const city = generateCity({ projects: 1 });
  const month = city.months[city.months.length - 1];
  const from = city.monitoringFrom;
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);

  const built = buildQueries(loadModels(Object.keys(listedSubgraphs()) as SubgraphName[]));
  const t0 = Date.now();
  const system = await startSupervised({ dataDir, env: { XIETONG_SEED: 'off', LOG_LEVEL: 'info' } });
  const startSeconds = round1((Date.now() - t0) / 1000);
  try {
    const token = system.token({ sub: 'bench-split', dept: 'joint', purposes: [...new Set([...built.purposes, 'wage-enforcement', 'pollution-enforcement'])] });
    const listCold = await timedQuery(system.url, token, built.list, { first: LIST_SIZE });
    const listWarm = await timesOf(times, () => timedQuery(system.url, token, built.list, { first: LIST_SIZE }));
    const warming = system.output().split('\n').filter((l) => /in-memory copies/.test(l)).map((l) => {
      const { msg, ms, loaded } = JSON.parse(l) as { msg: string; ms: number; loaded: unknown };
      return { msg, ms, loaded };
    });
    const services = system.services();
    const storeUri = JSON.parse(fs.readFileSync(path.join(dataDir, 'store.json'), 'utf8')).uri as string;
    const env = await connectSilo(storeUri, 'environment');
    const hrss = await connectSilo(storeUri, 'hrss');
    try {
      const ask = (url: string, query: string, variables: Record<string, unknown>) => async () => {
        const r = await timedQuery(url, token, query, variables);
        if (r.errors.length) throw new Error(`${url}: ${r.errors.join(', ')}`);
        return r;
      };
      const exceedanceDays = env.db!.collection('exceedance_days');
      const result = {
        bench: 'scale-finder-split',
        dataDir,
        at: new Date().toISOString(),
        startSeconds,
        warming,
        list: { first: LIST_SIZE, coldMs: round1(listCold.ms), coldErrors: listCold.errors, warm: listWarm },
        exceedances: {
          from,
          to,
          answers: ((await ask(system.url, EXCEEDANCES, { from, to })()).data as { exceedances: unknown[] }).exceedances.length,
          gateway: await timesOf(times, ask(system.url, EXCEEDANCES, { from, to })),
          subgraph: await timesOf(times, ask(services.environment.url, EXCEEDANCES, { from, to })),
          // local days [from, to), as the subgraph asks
          storeRead: await timesOf(times, () => exceedanceDays.find({ day: { $gte: from, $lt: to } }).toArray()),
          storedDocuments: await exceedanceDays.countDocuments(),
        },
        wageArrears: {
          month,
          gateway: await timesOf(times, ask(system.url, WAGE_ARREARS, { month })),
          subgraph: await timesOf(times, ask(services.hrss.url, WAGE_ARREARS, { month })),
          storeRead: await timesOf(times, () => hrss.db!.collection('wage_arrears_index').findOne({ _id: month as never })),
        },
      };
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    } finally {
      await env.close();
      await hrss.close();
    }
  } finally {
    await system.stop();
  }
}

main().then(() => process.exit(0)).catch((e) => {
  process.stderr.write(`finderSplit failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
