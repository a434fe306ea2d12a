/**
 * npm run bench:risk [-- --url http://localhost:4000/graphql --token T --runs 20 --first 100]
 * Issue 20's figures against a running gateway (default: the local `npm start`), like a client:
 * - `riskBoard` for the whole city, every page of `--first` projects, p50/p90 over `--runs` full passes
 *   (targets: p50 ≤ 1 s at 100 projects, ≤ 3 s at 1,000);
 * - the one-project unified view (bench/graph's query) without and with `risk { level reasons { rule } }`,
 *   p50 of each and their ratio (target ≤ 1.2). The two are sent alternately so that the machine's load
 *   drifts over both alike.
 * Without --token it signs one with the dev key of the data dir (XIETONG_DATA_DIR), as `npm run token` does, and
 * also times one `reevaluateRisk` (a joint `risk-admin` token). `--in-process` serves the graph in this process
 * instead, on the city seeded in the data dir (bench/risk/inProcess.ts). Prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { generateCity } from '../../adapters/demo/city';
import { tokenSettingsFromEnv } from '../../lib/auth/keys';
import { signToken } from '../../lib/auth/tokens';
import { portFor, SUBGRAPH_NAMES } from '../../lib/config';
import { round2 } from '../common/round';
import { flag, machineInfo } from '../common/storeRun';
import { buildQueries, loadModels } from '../graph/queries';
import { startInProcess, type InProcessGraph } from './inProcess';

const BOARD = `query BenchRiskBoard($first: Int!, $after: String) {
  riskBoard(first: $first, after: $after) {
    totalCount evaluatedAt rulesVersion
    counts { district level count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { code risk { level } } }
  }
}`;

function stringFlag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return round2(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/** The view's query: bench/graph's, generated from the SDL present, with joint's risk fields left out. */
function viewQueries(): { without: string; withRisk: string; purposes: string[] } {
  const city = generateCity({ projects: 1 });
  const to = new Date(Date.parse(`${city.monitoringFrom}T00:00:00Z`) + city.monitoringDays * 86_400_000).toISOString().slice(0, 10);
  const built = buildQueries(loadModels([...SUBGRAPH_NAMES], ['joint:Project.risk', 'joint:Project.riskHistory']), {
    month: city.months[city.months.length - 1], from: city.monitoringFrom, to,
  });
  const end = '\n  }\n}\n';
  if (!built.project.endsWith(end)) throw new Error('bench/graph project query has an unexpected shape');
  const withRisk = built.project.slice(0, -end.length) + '\n    # joint\n    risk { level reasons { rule } }' + end;
  return { without: built.project, withRisk, purposes: built.purposes };
}

async function main() {
  const inProcess: InProcessGraph | undefined = process.argv.includes('--in-process') ? await startInProcess() : undefined;
  try {
    await measure(inProcess);
  } finally {
    await inProcess?.stop();
  }
}

async function measure(inProcess: InProcessGraph | undefined) {
  const url = inProcess?.url ?? stringFlag('--url') ?? `http://localhost:${portFor('gateway')}/graphql`;
  const runs = flag('--runs', 20);
  const first = flag('--first', 100);
  const views = viewQueries();
  const sign = inProcess ? inProcess.token : (req: Parameters<typeof signToken>[1]) => signToken(tokenSettingsFromEnv(), req);
  const given = stringFlag('--token');
  // A housing officer with the purposes the view needs (as bench/case): the answer is the full view.
  const token = given ?? sign({ sub: 'bench-risk', dept: 'housing', roles: ['enforcement-officer'], purposes: views.purposes, ttl: '1h' });
  const call = async (query: string, variables: Record<string, unknown>, as = token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(`${res.status} ${body.errors[0].extensions?.code ?? ''}: ${body.errors[0].message}`);
    return body.data;
  };

  const wholeBoard = async () => {
    let after: string | null = null;
    let pages = 0;
    let projects = 0;
    let head: any;
    do {
      const page: any = (await call(BOARD, { first, after })).riskBoard;
      head ??= page;
      pages += 1;
      projects += page.edges.length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { pages, projects, totalCount: head.totalCount as number, evaluatedAt: head.evaluatedAt as string | null, rulesVersion: head.rulesVersion as string | null, counts: head.counts as { level: string; count: number }[] };
  };

  // One evaluation now, timed (it also makes sure the view exists): needs a token this script signs.
  let evaluation: Record<string, unknown> | undefined;
  if (!given) {
    const admin = sign({ sub: 'bench-risk-admin', dept: 'joint', roles: ['risk-admin'], ttl: '1h' });
    const t = await timed(() => call('mutation BenchRiskEvaluate { reevaluateRisk { rulesVersion projects enterprises changes } }', {}, admin));
    evaluation = { ...t.value.reevaluateRisk, ms: Math.round(t.ms) };
  }
  const warm = await wholeBoard(); // also warms the query plans
  if (!warm.evaluatedAt) throw new Error('riskBoard has no evaluation yet: wait for joint\'s first evaluation (or run reevaluateRisk)');
  if (warm.projects !== warm.totalCount) throw new Error(`riskBoard paged ${warm.projects} projects of ${warm.totalCount}`);
  const board: number[] = [];
  for (let i = 0; i < runs; i += 1) board.push((await timed(wholeBoard)).ms);

  const code: string = (await call('query BenchRiskFirst { projects(first: 1) { edges { node { code } } } }', {})).projects.edges[0].node.code;
  for (let i = 0; i < 3; i += 1) {
    await call(views.without, { code });
    await call(views.withRisk, { code });
  }
  const without: number[] = [];
  const withRisk: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    // Alternate which goes first, so neither always follows the other.
    const pair = i % 2 ? [withRisk, without] as const : [without, withRisk] as const;
    for (const into of pair) into.push((await timed(() => call(into === without ? views.without : views.withRisk, { code }))).ms);
  }
  const byLevel: Record<string, number> = {};
  for (const c of warm.counts) byLevel[c.level] = (byLevel[c.level] ?? 0) + c.count;

  process.stdout.write(JSON.stringify({
    what: 'issue 20 risk colours through the gateway',
    url,
    served: inProcess ? 'in this process (--in-process: every subgraph and the gateway in one process)' : 'a running gateway',
    machine: machineInfo(),
    evaluation,
    city: { projects: warm.totalCount, byLevel, rulesVersion: warm.rulesVersion, evaluatedAt: warm.evaluatedAt },
    riskBoard: {
      pages: warm.pages,
      first,
      runs,
      p50Ms: percentile(board, 50),
      p90Ms: percentile(board, 90),
      targetP50Ms: warm.totalCount <= 100 ? 1000 : 3000,
    },
    projectView: {
      project: code,
      runs,
      withoutRiskP50Ms: percentile(without, 50),
      withRiskP50Ms: percentile(withRisk, 50),
      ratio: round2(percentile(withRisk, 50) / percentile(without, 50)),
      targetRatio: 1.2,
    },
  }, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
