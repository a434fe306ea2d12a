/**
 * npm run bench:case [-- --projects 12 --captures 30 --events 100 --verifies 10]
 * The case file's costs on the demo city, through the gateway like a client (startSystem on a fresh
 * embedded store: every subgraph and the gateway in this process, port 0):
 * - attachEvidence latency (p50, p90) for the one-project unified view (bench/graph's query: the fields
 *   every subgraph contributes to Project), against the same query sent straight to the gateway;
 * - verifyCase time for a case of `--events` events (clock suspensions and resumptions), end to end
 *   (chain + evidence hashes + each department's witnesses through the gateway) and for verifyLinks alone.
 * Every append is witnessed by the case's departments, as in production. Prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { SUBGRAPH_NAMES } from '../../lib/config';
import { buildQueries, loadModels } from '../graph/queries';
import { flag, machineInfo, runOnFreshStore } from '../common/storeRun';
import { round2 } from '../common/round';
import { startSystem } from '../../test/harness/system';
import { bearer } from '../../test/harness/tokens';
import { verifyLinks } from '../../subgraphs/joint/cases/chain';
import { CaseStore } from '../../subgraphs/joint/cases/caseStore';

function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return round2(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

runOnFreshStore('case', async (store) => {
  const projects = flag('--projects', 12);
  const captures = flag('--captures', 30);
  const events = flag('--events', 100);
  const verifies = flag('--verifies', 10);
  process.env.LOG_LEVEL ??= 'warn';
  process.env.XIETONG_TEST_MONGODB_URI = store.uri;
  const system = await startSystem({ projects, monitoringDays: 2 });
  try {
    const city = system.city;
    const to = new Date(Date.parse(`${city.monitoringFrom}T00:00:00Z`) + city.monitoringDays * 86_400_000).toISOString().slice(0, 10);
    const built = buildQueries(loadModels([...SUBGRAPH_NAMES]), { month: city.months[city.months.length - 1], from: city.monitoringFrom, to });
    // A housing officer with every purpose the view needs: the answer is the full unified view.
    const auth = bearer({ dept: 'housing', sub: 'bench-officer', roles: ['enforcement-officer'], purposes: built.purposes });
    const call = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(system.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`${body.errors[0].message}`);
      return body.data;
    };
    const code = city.projects[0].code;
    const opened = await call(`mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }`, {
      input: { kind: 'OTHER', title: 'bench', subject: { projectCode: code }, departments: ['hrss', 'environment'], purpose: 'bench' },
    });
    const caseId: string = opened.openCase.id;

    const attach = `mutation A($id: ID!, $input: EvidenceInput!) { attachEvidence(caseId: $id, input: $input) { id sha256 } }`;
    const direct: number[] = [];
    const attaching: number[] = [];
    for (let i = 0; i < captures + 3; i += 1) {
      const d = await timed(() => call(built.project, { code }));
      const a = await timed(() => call(attach, { id: caseId, input: { query: built.project, variables: { code }, note: `capture ${i}` } }));
      if (i >= 3) { direct.push(d.ms); attaching.push(a.ms); } // the first three warm the caches and the query plans
    }

    // A case of `events` events: FILED, then suspensions and resumptions of its clock.
    const hundred = (await call(`mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }`, {
      input: { kind: 'OTHER', title: 'bench 100', subject: { projectCode: code }, departments: ['hrss'], purpose: 'bench' },
    })).openCase.id as string;
    const clock = `mutation K($id: ID!, $action: ClockAction!) { recordClockEvent(caseId: $id, action: $action, reason: "bench") { chainLength } }`;
    const appending: number[] = [];
    for (let i = 1; i < events; i += 1) appending.push((await timed(() => call(clock, { id: hundred, action: i % 2 ? 'SUSPEND' : 'RESUME' }))).ms);
    const verify = `query V($id: ID!) { verifyCase(id: $id) { ok checked events witnessedUpTo reason } }`;
    const verifying: number[] = [];
    let last: any;
    for (let i = 0; i < verifies + 1; i += 1) {
      const v = await timed(() => call(verify, { id: hundred }));
      last = v.value.verifyCase;
      if (!last.ok) throw new Error(`verifyCase failed: ${last.reason}`);
      if (i > 0) verifying.push(v.ms);
    }
    const links = await new CaseStore(system.connections.joint).links(hundred);
    const linksOnly: number[] = [];
    for (let i = 0; i < 20; i += 1) linksOnly.push((await timed(async () => verifyLinks(links))).ms);

    return {
      what: 'issue 19 case file, through the gateway (in-process startSystem on a fresh embedded store)',
      machine: machineInfo(),
      city: { projects },
      attachEvidence: {
        query: 'bench/graph one-project unified view (all six subgraphs)',
        queryBytes: Buffer.byteLength(built.project),
        answerBytes: JSON.stringify(await call(built.project, { code })).length,
        captures,
        p50Ms: percentile(attaching, 50),
        p90Ms: percentile(attaching, 90),
        sameQueryDirectP50Ms: percentile(direct, 50),
        note: 'attachEvidence = the query through the gateway + canonical JSON and SHA-256 + one append + witnessing by the case\'s three departments',
      },
      verifyCase: {
        events: last.events,
        checked: last.checked,
        witnessedUpTo: last.witnessedUpTo,
        runs: verifies,
        p50Ms: percentile(verifying, 50),
        maxMs: round2(Math.max(...verifying)),
        verifyLinksOnlyP50Ms: percentile(linksOnly, 50),
        appendEventP50Ms: percentile(appending, 50),
      },
    };
  } finally {
    await system.stop();
  }
});
