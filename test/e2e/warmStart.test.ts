/**
 * Issue 17, cold paths: every subgraph loads its in-memory copies (ADR 0005) before it listens, so the
 * first 50-project list reads no whole collection — at 1,000 projects that first list took 8.5 s when
 * the copies were loaded by it. Checked with the driver's command monitoring on every subgraph's
 * connection: the only `find`s without a filter the first list may send are the per-request read of
 * the silo's revisions and the audit trail's chain head (read once per process by its first append,
 * `subgraphs/common/audit.ts`: sorted by seq, limit 1 — not a copy; see docs/scale.md).
 */
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
const inspector = bearer({ dept: 'joint', purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision', 'complaint-handling'] });

beforeAll(async () => {
  system = await startSystem({ projects: 30, workersPerProject: 4, monitoringDays: 1, monitorCommands: true });
}, 300_000);
afterAll(() => system?.stop());

const LIST = `query List($first: Int!) {
  projects(first: $first) {
    edges { node {
      code name status permit { permitNo } latestProgress { progressPercent } participants { role }
      approvedFloorArea parcel { parcelCode } planningPermits { permitNo }
      complaintCount violations { type }
      workforce wageStatus(month: "2026-10", asOf: "2026-11-23") { workersUnpaid }
      stations { mn } nightWorkPermits { permitNo }
    } }
  }
}`;

test('the first list after start reads no whole collection: the copies were loaded before the services listened', async () => {
  const whole: string[] = [];
  const reads: Record<string, number> = {};
  const off: (() => void)[] = [];
  for (const [name, conn] of Object.entries(system.connections)) {
    const onStart = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName !== 'find') return;
      reads[name] = (reads[name] ?? 0) + 1;
      const filter = e.command.filter as Record<string, unknown> | undefined;
      if (!['collection_revisions', 'audit_trail'].includes(String(e.command.find)) && (!filter || Object.keys(filter).length === 0)) whole.push(`${name}.${String(e.command.find)}`);
    };
    conn.getClient().on('commandStarted', onStart);
    off.push(() => conn.getClient().off('commandStarted', onStart));
  }
  try {
    const r = await system.gateway.query(LIST, { first: 30 }, inspector);
    expect(r.body.errors).toBeUndefined();
    const nodes = r.body.data.projects.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(30);
    // The copies answered: every department's part is there.
    expect(nodes.filter((n: { permit: unknown; stations: unknown[]; workforce: number }) => n.permit && n.workforce > 0)).not.toHaveLength(0);
  } finally {
    for (const f of off) f();
  }
  expect(whole).toEqual([]);
  // Each subgraph the list touched read its revisions at least (so the monitoring saw its connection).
  for (const name of ['housing', 'resources', 'citymgmt', 'hrss', 'environment']) expect(reads[name]).toBeGreaterThan(0);
});
