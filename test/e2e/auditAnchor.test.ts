/**
 * Issue 22: audit trails that survive their own administrator. Each subgraph records its trail's head
 * in the other departments' witness stores through the gateway (subgraphs/common/auditAnchor.ts); after
 * the database is changed directly and the subgraph restarted, verify<Dept>AuditTrail names what was
 * done: records deleted at the tail (with their seq), a whole trail rewritten with every hash
 * recomputed. Anchoring rides out a gateway that is down.
 *
 * Five department subgraphs and a gateway on port 0, on this file's own databases; the services read
 * AUDIT_ANCHOR_SECONDS=1 and GATEWAY_URL, and sign their service tokens with this run's test key pair
 * (JWT_PUBLIC_KEY / JWT_PRIVATE_KEY, as a deployment configures its keys).
 */
import type { Connection } from 'mongoose';
import { DEPARTMENTS, type Department } from '../../lib/config';
import { metrics } from '../../lib/metrics';
import { hashAudit, type AuditEntry, type AuditRecord } from '../../subgraphs/common/audit';
import { fromStored, toStored, type StoredAuditRecord } from '../../subgraphs/common/auditStorage';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { testStore } from '../harness/db';
import { startGateway, startSubgraph, type GatewayHandle } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';

const store = testStore();
const connections = {} as Record<Department, Connection>;
const services = {} as Record<Department, Awaited<ReturnType<typeof startSubgraph>>>;
let gateway: GatewayHandle | null = null;
const saved: Record<string, string | undefined> = {};

function setEnv(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) {
    if (!(k in saved)) saved[k] = process.env[k];
    process.env[k] = v;
  }
}

async function startDept(dept: Department) {
  services[dept] = await startSubgraph(SUBGRAPHS[dept]!, connections[dept]);
}

/** (Re)starts the gateway over the subgraphs as they are now; the anchors find it through GATEWAY_URL. */
async function restartGateway() {
  await gateway?.stop();
  gateway = await startGateway(Object.fromEntries(DEPARTMENTS.map((d) => [d, services[d].url])));
  process.env.GATEWAY_URL = gateway.url;
}

/** Stops one subgraph, lets `change` edit its store, starts it again and the gateway with its new URL. */
async function restartDept(dept: Department, change: () => Promise<void>) {
  await services[dept].stop();
  await change();
  await startDept(dept);
  await restartGateway();
}

beforeAll(async () => {
  const keys = testTokenSettings();
  setEnv({ AUDIT_ANCHOR_SECONDS: '1', JWT_PUBLIC_KEY: keys.verifyKey, JWT_PRIVATE_KEY: keys.signKey!, JWT_ISSUER: keys.issuer, JWT_AUDIENCE: keys.audience, GATEWAY_URL: 'http://127.0.0.1:9/graphql' });
  for (const d of DEPARTMENTS) connections[d] = await store.connect(d);
  for (const d of DEPARTMENTS) await startDept(d);
  await restartGateway();
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  for (const d of DEPARTMENTS) await services[d]?.stop();
  await store.closeAll();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const entry = (i: number): AuditEntry => ({
  sub: `inspector-${i}`, dept: 'citymgmt', purposes: ['wage-enforcement'], operationName: 'WorkerCheck', requestId: `anchor-${i}`,
  reads: [{ type: 'Worker', keys: [`W${String(i).padStart(20, '0')}`], fields: ['trade'] }], at: new Date(Date.UTC(2026, 11, 5, 8, 0, i)),
});

async function appendRecords(dept: Department, from: number, to: number) {
  for (let i = from; i <= to; i++) await services[dept].audit.append([entry(i)]);
}

/** Every other department's store holds `seq` for the dept's trail. */
async function witnessedEverywhere(dept: Department, seq: number): Promise<boolean> {
  const others = DEPARTMENTS.filter((d) => d !== dept);
  const counts = await Promise.all(others.map((d) => connections[d].collection('witnesses').countDocuments({ subject: `audit:${dept}`, seq })));
  return counts.every((n) => n === 1);
}

/** Polls an asynchronous condition every 50 ms until it holds; fails naming `what` after 30 s. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const waitWitnessed = (dept: Department, seq: number) => eventually(() => witnessedEverywhere(dept, seq), `the other departments witness record ${seq} of the ${dept} trail`);

async function verify(dept: Department) {
  const cap = dept[0].toUpperCase() + dept.slice(1);
  const r = await gateway!.query(`{ verify${cap}AuditTrail { ok checked brokenAt reason } }`, {}, bearer({ dept, roles: ['auditor'] }));
  expect(r.body.errors).toBeUndefined();
  return r.body.data[`verify${cap}AuditTrail`] as { ok: boolean; checked: number; brokenAt: number | null; reason: string | null };
}

async function anchorCount(service: string, outcome: string): Promise<number> {
  const m = (await metrics().registry.getSingleMetric('xietong_audit_anchor_total')?.get())?.values ?? [];
  return m.filter((v) => v.labels.service === service && v.labels.outcome === outcome).reduce((a, v) => a + v.value, 0);
}

test('records deleted at the tail, with the hint, are named after a restart by the heads the other departments hold', async () => {
  await appendRecords('hrss', 1, 6);
  await waitWitnessed('hrss', 6);
  expect(await verify('hrss')).toEqual({ ok: true, checked: 6, brokenAt: null, reason: null });
  // The service's own witness calls are not reads of the witnessing departments' data: nothing in their trails.
  expect(await connections.housing.collection('audit_trail').countDocuments({})).toBe(0);

  await restartDept('hrss', async () => {
    await connections.hrss.collection('audit_trail').deleteMany({ seq: { $gte: 5 } });
    await connections.hrss.collection('audit_head').deleteMany({});
  });
  // The chain alone still holds together (a fresh process remembers no head) …
  expect(await services.hrss.audit.verify()).toEqual({ ok: true, checked: 4, brokenAt: null, reason: null });
  // … the witnesses do not.
  const v = await verify('hrss');
  expect(v).toMatchObject({ ok: false, checked: 4, brokenAt: 5 });
  expect(v.reason).toMatch(/records 5–6 are missing \(deleted at the tail\): .*witnessed record 6/);
}, 90_000);

test('a trail rewritten consistently (every hash recomputed) is detected after a restart, and the anchor reports the conflict', async () => {
  await appendRecords('environment', 1, 5);
  await waitWitnessed('environment', 5);
  const conflictsBefore = await anchorCount('environment', 'conflict');

  await restartDept('environment', async () => {
    // The administrator erases one reader from record 2 and recomputes the chain from there, hint included.
    const coll = connections.environment.collection('audit_trail');
    const records = (await coll.find({}).sort({ seq: 1 }).toArray()).map((d) => fromStored(d as unknown as StoredAuditRecord));
    let prevHash = records[0].hash;
    const rewritten: AuditRecord[] = [records[0]];
    for (const r of records.slice(1)) {
      const { hash: _old, ...rest } = r;
      const base = { ...rest, prevHash, ...(r.seq === 2 ? { sub: 'someone-else' } : {}) };
      const next = { ...base, hash: hashAudit(base) };
      rewritten.push(next);
      prevHash = next.hash;
    }
    await coll.deleteMany({});
    await coll.insertMany(rewritten.map((r) => toStored(r) as unknown as Record<string, unknown>));
    const last = rewritten[rewritten.length - 1];
    await connections.environment.collection<{ _id: string; seq: number; hash: string }>('audit_head').updateOne({ _id: 'head' }, { $set: { seq: last.seq, hash: last.hash } });
  });
  expect(await services.environment.audit.verify()).toEqual({ ok: true, checked: 5, brokenAt: null, reason: null });
  const v = await verify('environment');
  // The first witnessed head after record 1 whose hash the rewritten trail no longer has (which heads
  // were witnessed depends on the ticks: at least record 5).
  expect(v).toMatchObject({ ok: false, brokenAt: expect.any(Number) });
  expect(v.brokenAt!).toBeGreaterThanOrEqual(2);
  expect(v.reason).toMatch(new RegExp(`record ${v.brokenAt} has hash .* but \\w+ witnessed .* rewritten`));
  // The restarted subgraph offers its (rewritten) head: the witnesses keep both and the anchor says so.
  await eventually(async () => (await anchorCount('environment', 'conflict')) > conflictsBefore, 'the environment anchor reports a conflict');
}, 90_000);

test('anchoring rides out a gateway that is down: requests are served meanwhile, the head is recorded once it is back', async () => {
  const failedBefore = await anchorCount('housing', 'failed');
  await gateway!.stop();
  gateway = null;
  // A cross-department read straight to housing is served and audited while the gateway is down.
  const read = await fetch(services.housing.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearer({ dept: 'citymgmt' }) },
    body: JSON.stringify({ query: '{ projects(first: 1) { totalCount } }' }),
  });
  expect(read.status).toBe(200);
  expect(((await read.json()) as { errors?: unknown }).errors).toBeUndefined();
  await appendRecords('housing', 2, 3);
  const head = await services.housing.audit.currentHead();
  expect(head.seq).toBe(3);
  await eventually(async () => (await anchorCount('housing', 'failed')) > failedBefore, 'the housing anchor fails without a gateway');
  expect(await witnessedEverywhere('housing', 3)).toBe(false);

  await restartGateway();
  await waitWitnessed('housing', 3);
  expect(await verify('housing')).toEqual({ ok: true, checked: 3, brokenAt: null, reason: null });
}, 90_000);

test('the witness fields take audit heads only from the trail’s own service token', async () => {
  const record = 'mutation R($s: String!) { recordHrssWitness(subject: $s, seq: 1, hash: "' + 'a'.repeat(64) + '") { subject seq } }';
  const anchor = bearer({ dept: 'citymgmt', sub: 'audit-anchor-citymgmt', roles: ['audit-anchor'] });
  const own = await gateway!.query(record, { s: 'audit:citymgmt' }, anchor);
  expect(own.body).toEqual({ data: { recordHrssWitness: { subject: 'audit:citymgmt', seq: 1 } } });
  for (const s of ['audit:housing', 'case:LH-2026-000001']) {
    const other = await gateway!.query(record, { s }, anchor);
    expect(other.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.recordHrssWitness' });
  }
  const officer = await gateway!.query(record, { s: 'audit:citymgmt' }, bearer({ dept: 'citymgmt', roles: ['enforcement-officer'] }));
  expect(officer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'subject' });
  expect(await connections.hrss.collection('witnesses').countDocuments({ hash: 'a'.repeat(64), subject: { $in: ['audit:housing', 'case:LH-2026-000001'] } })).toBe(0);
});
