/**
 * node --import tsx bench/wage/arrears.ts [--projects 100] [--seed S] [--warm 10]
 * `wageArrears(month)` cold and warm on the hrss subgraph over HTTP, answered from the raw facts at
 * query time (WAGE_READ_MODEL=off, as before issue 17) and from the read model maintained at ingest.
 * Seeds the hrss files of a demo city of N projects into a throwaway database (on MONGODB_URI, or on an
 * embedded store of its own in a temporary data dir), starts the subgraph once per mode (so each mode's
 * first request finds every cache empty) and prints JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { generateCity } from '../../adapters/demo/city';
import { writeHrssFiles } from '../../adapters/demo/hrss';
import { ingestFile } from '../../adapters/ingest';
import { attendanceAdapter } from '../../adapters/attendance';
import { payrollAdapter } from '../../adapters/payroll';
import { workersAdapter } from '../../adapters/workers';
import { connectSilo, openStore } from '../../adapters/store/connection';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { hrssSubgraph } from '../../subgraphs/hrss/server';
import { rebuildWageFacts, refreshWageFacts, WageKeys } from '../../subgraphs/hrss/wageFactsStore';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const ADAPTERS = { workers: workersAdapter, attendance: attendanceAdapter, payroll: payrollAdapter } as const;
const QUERY = 'query($m: String!) { wageArrears(month: $m) { project { code } workersAffected amountOwed } }';

async function main() {
  const projects = arg('projects', 100);
  const seed = arg('seed', Number.NaN);
  const warmRuns = arg('warm', 10);
  process.env.WORKER_PSEUDONYM_SECRET ??= 'measure-secret';
  process.env.LOG_LEVEL ??= 'warn';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-wage-'));
  if (!process.env.MONGODB_URI) process.env.XIETONG_DATA_DIR = path.join(tmp, 'data');
  process.env.MONGODB_DB_PREFIX = `measure${randomBytes(3).toString('hex')}`;
  const store = await openStore();
  const conn = await connectSilo(store.uri, 'hrss');
  const auth = bearer({ dept: 'joint', purposes: ['wage-enforcement'] });
  try {
    const city = generateCity(Number.isNaN(seed) ? { projects } : { projects, seed });
    const seeding: Record<string, number> = {};
    for (const { source, file } of await writeHrssFiles(city, tmp)) {
      const t0 = Date.now();
      await ingestFile(ADAPTERS[source as keyof typeof ADAPTERS], file, conn, { batchSize: 2000 });
      seeding[source] = (Date.now() - t0) / 1000;
    }
    // What keeping the read model costs at ingest: a refresh of every project-month (what the attendance
    // and payroll adapters each did for this city) and a rebuild.
    const models = createHrssModels(conn);
    const everything = new WageKeys();
    for (const month of city.months) for (const p of city.projects) everything.add(month, p.code);
    const refresh = await refreshWageFacts(models, everything);
    const rebuild = await rebuildWageFacts(models);
    const readModelUpkeep = { refreshAllSeconds: refresh.seconds, rebuildSeconds: rebuild.seconds, projectMonths: rebuild.projectMonths };
    const results: Record<string, unknown> = {};
    for (const mode of ['off', 'on']) {
      process.env.WAGE_READ_MODEL = mode;
      const hrss = await startSubgraph(hrssSubgraph, conn);
      const ask = async (month: string) => {
        const t0 = performance.now();
        const res = await fetch(hrss.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query: QUERY, variables: { m: month } }) });
        const body = (await res.json()) as { data?: { wageArrears: unknown[] }; errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return { ms: Math.round((performance.now() - t0) * 10) / 10, found: body.data!.wageArrears.length };
      };
      const cold = await ask('2026-10');
      const secondMonthCold = await ask('2026-09');
      const warm: number[] = [];
      for (let i = 0; i < warmRuns; i++) warm.push((await ask('2026-10')).ms);
      warm.sort((a, b) => a - b);
      results[mode === 'off' ? 'queryTime' : 'readModel'] = { coldMs: cold.ms, found: cold.found, secondMonthColdMs: secondMonthCold.ms, warmP50Ms: warm[Math.floor(warm.length / 2)], warmMaxMs: warm[warm.length - 1] };
      await hrss.stop();
    }
    process.stdout.write(JSON.stringify({ projects, seed: Number.isNaN(seed) ? 'default' : seed, seedingSeconds: seeding, readModelUpkeep, ...results }, null, 1) + '\n');
  } finally {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    await store.release();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
