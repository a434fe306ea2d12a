/**
 * No N+1: the database commands that serve `projects(first: N)` with fields from all five
 * department subgraphs are counted with the driver's command monitoring; the count is the same for
 * N = 5 and N = 100. (Only the commands that start a read count: a cursor's `getMore` depends on how
 * many documents come back, not on how many queries were made.)
 */
import type { Connection } from 'mongoose';
import { startSystem, type SystemHandle } from '../harness/system';
import { gqlClient, waitForBoard } from '../harness/risk';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
const inspector = bearer({ dept: 'joint', purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision', 'complaint-handling'] });
const READS = new Set(['find', 'aggregate', 'count', 'distinct']);

// Only the list's own reads may count: no audit anchoring in this file, and the risk view's first evaluation
// (joint reads the city through the gateway at start) is waited for before counting.
process.env.AUDIT_ANCHOR_SECONDS = '0';

beforeAll(async () => {
  system = await startSystem({ projects: 110, workersPerProject: 4, monitoringDays: 2, monitorCommands: true });
  await waitForBoard(gqlClient(system.gateway.url, inspector), (h) => h.evaluatedAt !== null, 'the risk view\'s first evaluation');
}, 300_000);
afterAll(() => system?.stop());

const LIST = `query List($first: Int!) {
  projects(first: $first) {
    edges { node {
      code name status permit { permitNo } latestProgress { progressPercent }
      approvedFloorArea parcel { parcelCode }
      complaintCount violations { type }
      workforce wageStatus(month: "2026-10", asOf: "2026-11-23") { workersUnpaid }
      stations { mn } nightWorkPermits { permitNo }
    } }
  }
}`;

async function countReads(first: number): Promise<{ total: number; bySubgraph: Record<string, number>; projects: number }> {
  const counts: Record<string, number> = {};
  const listeners: [Connection, (e: { commandName: string }) => void][] = [];
  for (const [name, conn] of Object.entries(system.connections)) {
    counts[name] = 0;
    const onStart = (e: { commandName: string }) => {
      if (READS.has(e.commandName)) counts[name]++;
    };
    conn.getClient().on('commandStarted', onStart);
    listeners.push([conn, onStart]);
  }
  const r = await system.gateway.query(LIST, { first }, inspector);
  for (const [conn, onStart] of listeners) conn.getClient().off('commandStarted', onStart);
  expect(r.body.errors).toBeUndefined();
  return { total: Object.values(counts).reduce((a, b) => a + b, 0), bySubgraph: counts, projects: r.body.data.projects.edges.length };
}

test('the same number of database reads for 5 and for 100 projects', async () => {
  await countReads(5); // warm-up: indexes built, caches filled where a subgraph keeps one
  const five = await countReads(5);
  const hundred = await countReads(100);
  expect(five.projects).toBe(5);
  expect(hundred.projects).toBe(100);
  expect(hundred.bySubgraph).toEqual(five.bySubgraph);
  for (const name of ['housing', 'resources', 'citymgmt', 'hrss', 'environment']) expect(five.bySubgraph[name]).toBeGreaterThan(0);
});
