/**
 * `npm start` on a store whose hrss wage read model is not ready (issue 17): a store seeded before the
 * read model existed, one built by a version with another stored format, or a rebuild that did not
 * finish. The check is one read by `_id` at each start; when it finds the model not ready, start builds
 * it in a child process once the services are up (`npm run rebuild:wage-facts -- --no-verify`), so the
 * system starts as fast as before. Until it is ready the wage finders answer from the raw facts (slow
 * on a large city) — the same fallback as during a rebuild run by hand.
 *
 * Why a child: the rebuild reads a city's attendance, pay lines and registrations (tens of seconds at
 * 1,000 projects) and must not stall the supervisor. It ends with `npm start` (killed on stop); a
 * rebuild cut short leaves the state `building`, which the next start builds again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { connectSilo } from '../adapters/store/connection';
import { ROOT_DIR } from '../lib/config';
import { log } from '../lib/log';
import { wageReadModelEnabled } from '../subgraphs/hrss/data';
import { createHrssModels } from '../subgraphs/hrss/models';
import { readWageModelState, type WageReadModelState } from '../subgraphs/hrss/wageFactsStore';

/** The read model's state when it needs building (not ready), else null; null too when WAGE_READ_MODEL=off. */
export async function wageReadModelToBuild(hrssUri: string): Promise<WageReadModelState | null> {
  if (!wageReadModelEnabled()) return null;
  const conn = await connectSilo(hrssUri, 'hrss');
  try {
    const state = await readWageModelState(createHrssModels(conn));
    return state.ready ? null : state;
  } finally {
    await conn.close();
  }
}

/** Runs `npm run rebuild:wage-facts -- --no-verify` against `hrssUri`, logging how it ended. */
export function buildWageReadModel(hrssUri: string, state: WageReadModelState): ChildProcess {
  log.warn('hrss wage read model not ready: building it in the background (the wage finders compute from the raw facts until it is)', {
    state: state.state,
    format: state.format,
  });
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'subgraphs/hrss/rebuildWageFacts.ts'), '--no-verify'], {
    cwd: ROOT_DIR,
    env: { ...process.env, MONGODB_URI_HRSS: hrssUri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  child.once('exit', (code, signal) => {
    const seconds = (Date.now() - started) / 1000;
    if (code === 0) log.info('hrss wage read model built', { seconds, result: out.trim().split('\n').pop() });
    else log.error('building the hrss wage read model failed: run npm run rebuild:wage-facts', { seconds, code, signal, output: out.slice(-2000) });
  });
  return child;
}
