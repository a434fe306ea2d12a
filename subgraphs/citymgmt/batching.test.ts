/**
 * `_entities` for N Project / Enterprise representations costs one query per collection, whatever N
 * (driver command monitoring on FerretDB).
 */
import type { Connection } from 'mongoose';
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startSubgraph, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { createCitymgmtModels } from './models';
import { citymgmtSubgraph } from './server';

const store = testStore();
let conn: Connection;
let citymgmt: Started;
const COLLECTIONS = new Set(['complaints', 'violations', 'enforcement_cases']);
const READS = new Set(['find', 'aggregate', 'count', 'distinct', 'getMore']);
const projectCode = (i: number) => `2025-371302-47-01-${String(i).padStart(6, '0')}`;
const uscc = (i: number) => `91371302MA${String(i).padStart(8, '0')}`;
let queries: string[] = [];

beforeAll(async () => {
  conn = await store.connect('citymgmt', { monitorCommands: true });
  const m = createCitymgmtModels(conn);
  const at = new Date('2026-10-05T02:00:00Z');
  await m.Complaint.insertMany(Array.from({ length: 100 }, (_, i) => ({
    orderNo: `GD20261005${String(i).padStart(5, '0')}`, receivedAt: at, category: i % 2 ? 'DUST' : 'NIGHT_CONSTRUCTION_NOISE', district: '371302',
    address: '兰山区', lng: null, lat: null, callerName: null, callerPhone: null, content: '投诉', projectCode: projectCode(i), status: 'RECEIVED', reply: null, repliedAt: null,
  })));
  await m.Violation.insertMany(Array.from({ length: 100 }, (_, i) => ({
    violationNo: `WF${i}`, type: 'DUST', source: 'PATROL', foundAt: at, district: '371302', projectCode: projectCode(i), enterpriseUscc: uscc(i),
    usccNeedsReview: false, complaintOrderNo: null, description: '扬尘',
  })));
  await m.EnforcementCase.insertMany(Array.from({ length: 100 }, (_, i) => ({
    caseNo: `C${i}`, type: 'DUST', district: '371302', projectCode: projectCode(i), violationNo: `WF${i}`, partyUscc: uscc(i), partyName: null,
    state: 'DECIDED', history: [{ state: 'FILED', at }, { state: 'DECIDED', at }], filedAt: at, closedAt: null,
    firstViolationNoPenalty: false, penaltyAmount: 1000, legalBasis: null, internalNotes: null,
  })));
  // Index builds run in the background after model creation: wait for them, and count reads only.
  await Promise.all([m.Complaint.init(), m.Violation.init(), m.EnforcementCase.init()]);
  conn.getClient().on('commandStarted', (e) => {
    const collection = e.command[e.commandName];
    if (READS.has(e.commandName) && typeof collection === 'string' && COLLECTIONS.has(collection)) queries.push(`${e.commandName} ${collection}`);
  });
  citymgmt = await startSubgraph(citymgmtSubgraph, conn);
});
afterAll(async () => {
  await citymgmt?.stop();
  await store.closeAll();
});

async function entities(representations: object[], selection: string) {
  queries = [];
  const u = new URL(citymgmt.url);
  const r = await request(u.origin).post(u.pathname).set('authorization', bearer({ dept: 'environment', purposes: ['pollution-enforcement'] }))
    .send({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, variables: { r: representations } });
  expect(r.body.errors).toBeUndefined();
  return { data: r.body.data._entities as any[], queries: [...queries].sort() };
}

const PROJECT_FIELDS = `... on Project { code complaints { orderNo content } complaintCount nights: complaintCount(category: NIGHT_CONSTRUCTION_NOISE)
  violations { violationNo } openEnforcementCases { caseNo } }`;

test.each([5, 100])('%i Project representations: one query per collection', async (n) => {
  const reps = Array.from({ length: n }, (_, i) => ({ __typename: 'Project', code: projectCode(i) }));
  const { data, queries: q } = await entities(reps, PROJECT_FIELDS);
  expect(data).toHaveLength(n);
  expect(data[n - 1]).toMatchObject({ code: projectCode(n - 1), complaintCount: 1, violations: [{ violationNo: `WF${n - 1}` }], openEnforcementCases: [{ caseNo: `C${n - 1}` }] });
  expect(data.reduce((s, p) => s + p.nights, 0)).toBe(Math.ceil(n / 2));
  expect(q).toEqual(['find complaints', 'find enforcement_cases', 'find violations']);
});

test.each([5, 100])('%i Enterprise representations: one query per collection', async (n) => {
  const reps = Array.from({ length: n }, (_, i) => ({ __typename: 'Enterprise', uscc: uscc(i) }));
  const { data, queries: q } = await entities(reps, '... on Enterprise { uscc violations { violationNo } enforcementCases { caseNo } penalties { amount } totalPenaltyAmount }');
  expect(data).toHaveLength(n);
  expect(data.every((e) => e.totalPenaltyAmount === 1000 && e.violations.length === 1)).toBe(true);
  expect(q).toEqual(['find enforcement_cases', 'find violations']);
});
