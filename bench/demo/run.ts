/**
 * npx tsx bench/demo/run.ts [--projects N]
 * How long the demo city takes to seed — generate, write the native files and ingest them through the
 * adapters, what `npm start` does on an empty data dir — in total and per department and source.
 * Target (issue 3): the default city (100 projects) seeds in under 2 minutes on the embedded store.
 *
 * The machines are noisy, so the run also measures a floor in the same store: plain `insertMany` of
 * small documents under a unique index, in batches of 2000 (what the adapters' sink does at best).
 * `vsFloor` = a source's accepted records per second ÷ the floor's documents per second; a slow
 * machine lowers both, a slow adapter lowers only the ratio. Prints JSON.
 */
import path from 'node:path';
import { connectSilo } from '../../adapters/store/connection';
import { seedDemoCity } from '../../adapters/demo/seed';
import { round3 } from '../common/round';
import { flag, machineInfo, runOnFreshStore } from '../common/storeRun';
import { DEFAULT_PROJECTS } from '../../adapters/demo/city';
import { departmentFigures, targetFigure } from './figures';

const FLOOR_DOCS = 20_000;
const BATCH = 2000;

async function storeFloor(uri: string): Promise<{ docs: number; seconds: number; docsPerSecond: number }> {
  const conn = await connectSilo(uri, 'hrss', 'bench_floor');
  try {
    const coll = conn.db!.collection('floor');
    await coll.createIndex({ key: 1 }, { unique: true });
    const started = performance.now();
    for (let i = 0; i < FLOOR_DOCS; i += BATCH) {
      const docs = Array.from({ length: BATCH }, (_, j) => ({ key: `K${i + j}`, month: '2026-10', text: `floor document ${i + j}` }));
      await coll.insertMany(docs, { ordered: false });
    }
    const seconds = (performance.now() - started) / 1000;
    return { docs: FLOOR_DOCS, seconds: round3(seconds), docsPerSecond: Math.round(FLOOR_DOCS / seconds) };
  } finally {
    await conn.close();
  }
}

const projects = flag('--projects', DEFAULT_PROJECTS);

runOnFreshStore('demo', async (store, dir) => {
  const floor = await storeFloor(store.uri);
  const seeded = await seedDemoCity({ uri: store.uri, projects, dir: path.join(dir, 'files'), dbName: (silo) => `bench_${silo}` });
  return {
    machine: machineInfo(),
    projects,
    storeFloor: floor,
    seedSeconds: round3(seeded.seconds),
    target: targetFigure(projects, seeded.seconds),
    departments: departmentFigures(seeded.files, floor.docsPerSecond),
  };
});
