/**
 * Issue 22, two probe findings about what the audit trail records, each sent straight to hrss with a
 * valid token of another department (housing):
 * - `_entities { __typename }` with a worker id answered whether the worker exists, without an audit
 *   record: a resolved reference is now a read (type, key, fields ["__typename"]); an unknown key
 *   resolves to null, serves nothing and records nothing;
 * - a refused query wrote a record with its arguments (900 KB for one request): only what was served is
 *   recorded, and one record is bounded (AUDIT_MAX_KEYS_PER_READ here 5: the keys beyond are kept as
 *   their count and the SHA-256 of the full list).
 */
import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { metrics } from '../../lib/metrics';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { testStore } from '../harness/db';
import { startSubgraph } from '../harness/services';
import { bearer } from '../harness/tokens';

const store = testStore();
let hrss: Awaited<ReturnType<typeof startSubgraph>>;
let conn: Connection;
const saved = { max: process.env.AUDIT_MAX_KEYS_PER_READ, anchor: process.env.AUDIT_ANCHOR_SECONDS };
const KNOWN = 'W0123456789ABCDEF0123';
const UNKNOWN = 'WFFFFFFFFFFFFFFFFFFFF';

beforeAll(async () => {
  process.env.AUDIT_MAX_KEYS_PER_READ = '5';
  process.env.AUDIT_ANCHOR_SECONDS = '0'; // no gateway here; anchoring has its own tests
  conn = await store.connect('hrss');
  await conn.collection('registrations').insertOne({
    workerId: KNOWN, idNumber: '371302199001011234', name: '张三', phone: '13800000000', bankAccount: '6222000000000000000',
    employerUscc: '91371300MA3C000000', employerUsccFlag: null, projectCode: '2026-371302-47-01-000001', district: '371302',
    trade: '木工', dailyWageFen: 30000, enteredOn: '2026-09-01',
  });
  hrss = await startSubgraph(SUBGRAPHS.hrss!, conn);
}, 60_000);

afterAll(async () => {
  await hrss?.stop();
  await store.closeAll();
  for (const [k, v] of [['AUDIT_MAX_KEYS_PER_READ', saved.max], ['AUDIT_ANCHOR_SECONDS', saved.anchor]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function post(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(hrss.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearer({ dept: 'housing', sub: 'probe', purposes: ['wage-enforcement'] }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } };
}

const records = () => conn.collection('audit_trail');
const ENTITIES = 'query Probe($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

test('_entities { __typename } for a worker: a worker that exists is recorded as read; an unknown one answers null and records nothing', async () => {
  const before = await records().countDocuments();
  const known = await post(ENTITIES, { r: [{ __typename: 'Worker', workerId: KNOWN }] });
  expect(known.body).toEqual({ data: { _entities: [{ __typename: 'Worker' }] } });
  expect(await records().countDocuments()).toBe(before + 1);
  const [last] = await hrss.audit.records({}, 1);
  expect(last).toMatchObject({ sub: 'probe', dept: 'housing', reads: [{ type: 'Worker', keys: [KNOWN], fields: ['__typename'] }] });

  const unknown = await post(ENTITIES, { r: [{ __typename: 'Worker', workerId: UNKNOWN }] });
  expect(unknown.body).toEqual({ data: { _entities: [null] } });
  expect(await records().countDocuments()).toBe(before + 1);
  expect(await hrss.audit.verify()).toMatchObject({ ok: true });
  // Counted with the owner and the reader's department (from the verified token), nothing from the request.
  const text = await metrics().registry.metrics();
  expect(text).toMatch(/^xietong_cross_department_reads_total\{service="hrss",reader_dept="housing"\} [1-9]/m);
  expect(text).toMatch(/^xietong_audit_append_duration_seconds_count\{service="hrss"\} [1-9]/m);
});

test('refused queries record nothing, whatever the size of their arguments; an empty answer records nothing', async () => {
  const before = await records().countDocuments();
  const huge = 'W' + 'A'.repeat(900 * 1024);
  // Refused by the resolver (not a worker id) …
  const refused = await post('query Q($id: String!) { worker(workerId: $id) { trade } }', { id: huge });
  expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  // … by validation (no such field), …
  const invalid = await post(`{ worker(workerId: "${KNOWN}") { trade salary } }`);
  expect(invalid.status).toBe(400);
  // … and a lookup that found nothing (an empty list).
  const empty = await post('{ wageArrears(month: "2026-10", asOf: "2026-12-01") { __typename } }');
  expect(empty.body.errors).toBeUndefined();
  expect(empty.body.data).toEqual({ wageArrears: [] });
  expect(await records().countDocuments()).toBe(before);

  // A read that is served is recorded, with its (small) arguments as the key.
  const served = await post(`{ worker(workerId: "${KNOWN}") { trade } }`);
  expect(served.body).toEqual({ data: { worker: { trade: '木工' } } });
  const [last] = await hrss.audit.records({}, 1);
  expect(last.reads).toEqual([
    { type: 'Query', keys: [JSON.stringify({ workerId: KNOWN })], fields: ['worker'] },
    { type: 'Worker', keys: [KNOWN], fields: ['trade'] },
  ]);
  const stored = await records().find({}).toArray();
  expect(Math.max(...stored.map((d) => JSON.stringify(d).length))).toBeLessThan(4096);
});

test('a read of more keys than one record holds keeps the first keys, their count and the SHA-256 of the full list; the chain verifies', async () => {
  const codes = Array.from({ length: 12 }, (_, i) => `2026-371302-47-01-${String(i + 100).padStart(6, '0')}`);
  const r = await post('query Many($r: [_Any!]!) { _entities(representations: $r) { ... on Project { workforce } } }', { r: codes.map((code) => ({ __typename: 'Project', code })) });
  expect(r.body.errors).toBeUndefined();
  const [last] = await hrss.audit.records({}, 1);
  const sorted = [...codes].sort();
  expect(last.reads).toEqual([
    {
      type: 'Project',
      keys: sorted.slice(0, 5),
      fields: ['workforce'],
      keyCount: 12,
      keysSha256: createHash('sha256').update(JSON.stringify(sorted)).digest('hex'),
    },
  ]);
  expect(await hrss.audit.verify()).toMatchObject({ ok: true });
  // The count and the list hash are under the record's hash: changing either breaks the chain.
  const stored = await records().findOne({ seq: last.seq });
  const altered = JSON.parse(stored!.reads as string);
  altered[0].keyCount = 5;
  await records().updateOne({ seq: last.seq }, { $set: { reads: JSON.stringify(altered) } });
  expect(await hrss.audit.verify()).toMatchObject({ ok: false, brokenAt: last.seq, reason: expect.stringMatching(/altered/) });
  await records().updateOne({ seq: last.seq }, { $set: { reads: stored!.reads } });
  expect(await hrss.audit.verify()).toMatchObject({ ok: true });
});
