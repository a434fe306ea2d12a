/**
 * The sharing catalogue of 城管, enforced in the subgraph (direct HTTP): one field of each level ×
 * owner / another department without the purpose / with the purpose / public, and personal data
 * masked or clear accordingly. Also: every field has an entry, non-OPEN fields are nullable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isNonNullType, isObjectType } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startSubgraph, type Started } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { ROOT_DIR } from '../../lib/config';
import { createCitymgmtModels } from './models';
import { citymgmtSubgraph } from './server';
import { insertCitymgmtFixtures } from './testData';

const store = testStore();
let conn: Connection;
let citymgmt: Started;

beforeAll(async () => {
  conn = await store.connect('citymgmt');
  await insertCitymgmtFixtures(createCitymgmtModels(conn));
  citymgmt = await startSubgraph(citymgmtSubgraph, conn);
});
afterAll(async () => {
  await citymgmt?.stop();
  await store.closeAll();
});

const QUERY = `{
  complaints(filter: { projectCode: "2024-371302-47-01-A1B2C3", category: NIGHT_CONSTRUCTION_NOISE }, first: 1) { edges { node { orderNo category content callerPhone callerName } } }
  enforcementCases(filter: { state: FILED }) { edges { node { caseNo partyName internalNotes } } }
}`;

async function ask(auth: string) {
  const u = new URL(citymgmt.url);
  const r = await request(u.origin).post(u.pathname).set('authorization', auth).send({ query: QUERY });
  expect(r.status).toBe(200);
  const complaint = r.body.data.complaints.edges[0].node;
  const kase = r.body.data.enforcementCases.edges[0].node;
  const forbidden = ((r.body.errors ?? []) as any[]).filter((e) => e.extensions.code === 'FORBIDDEN').map((e) => e.extensions.field).sort();
  return { complaint, kase, forbidden };
}

const OPEN = { orderNo: 'GD2026100400001', category: 'NIGHT_CONSTRUCTION_NOISE' };

test('owner (citymgmt): every field, in clear', async () => {
  const r = await ask(bearer({ dept: 'citymgmt' }));
  expect(r.forbidden).toEqual([]);
  expect(r.complaint).toEqual({ ...OPEN, content: '凌晨打桩', callerPhone: '13812345678', callerName: '李娜' });
  expect(r.kase).toEqual({ caseNo: 'C-0004', partyName: '张建华', internalNotes: '房主拒不配合' });
});

test('another department without a purpose: OPEN only, party name masked', async () => {
  const r = await ask(bearer({ dept: 'housing' }));
  expect(r.complaint).toEqual({ ...OPEN, content: null, callerPhone: null, callerName: null });
  expect(r.kase).toEqual({ caseNo: 'C-0004', partyName: '张**', internalNotes: null });
  expect(r.forbidden).toEqual(['Complaint.callerName', 'Complaint.callerPhone', 'Complaint.content', 'EnforcementCase.internalNotes']);
});

test('another department with pollution-enforcement: content and party name, not the caller, never the notes', async () => {
  const r = await ask(bearer({ dept: 'environment', purposes: ['pollution-enforcement'] }));
  expect(r.complaint).toEqual({ ...OPEN, content: '凌晨打桩', callerPhone: null, callerName: null });
  expect(r.kase).toEqual({ caseNo: 'C-0004', partyName: '张建华', internalNotes: null });
  expect(r.forbidden).toEqual(['Complaint.callerName', 'Complaint.callerPhone', 'EnforcementCase.internalNotes']);
});

test('another department with complaint-handling: the caller in clear, never the notes', async () => {
  const r = await ask(bearer({ dept: 'joint', purposes: ['complaint-handling'] }));
  expect(r.complaint).toEqual({ ...OPEN, content: '凌晨打桩', callerPhone: '13812345678', callerName: '李娜' });
  expect(r.kase).toEqual({ caseNo: 'C-0004', partyName: '张建华', internalNotes: null });
  expect(r.forbidden).toEqual(['EnforcementCase.internalNotes']);
});

test('public: OPEN only, masked, with FORBIDDEN naming field and purposes', async () => {
  const u = new URL(citymgmt.url);
  const r = await request(u.origin).post(u.pathname).set('authorization', bearer({ dept: 'public' })).send({ query: QUERY });
  expect(r.body.data.enforcementCases.edges[0].node.partyName).toBe('张**');
  const content = r.body.errors.find((e: any) => e.extensions.field === 'Complaint.content');
  expect(content.extensions).toMatchObject({ code: 'FORBIDDEN', level: 'CONDITIONAL', requiredPurposes: ['complaint-handling', 'pollution-enforcement'] });
  const notes = r.body.errors.find((e: any) => e.extensions.field === 'EnforcementCase.internalNotes');
  expect(notes.extensions).toMatchObject({ code: 'FORBIDDEN', level: 'OWNER_ONLY' });
});

test('reads by other departments are on the audit trail; the owner\'s are not', async () => {
  const trail = (await (citymgmt as any).audit.records()).reverse();
  expect(trail.length).toBeGreaterThanOrEqual(4);
  expect(trail.map((t: any) => t.dept)).not.toContain('citymgmt');
  expect(trail.find((t: any) => t.dept === 'environment').reads).toEqual(expect.arrayContaining([
    expect.objectContaining({ type: 'Complaint', keys: ['GD2026100400001'], fields: expect.arrayContaining(['content', 'orderNo']) }),
  ]));
  expect((await (citymgmt as any).audit.verify()).ok).toBe(true);
});

test('no token, no data', async () => {
  const u = new URL(citymgmt.url);
  const r = await request(u.origin).post(u.pathname).send({ query: QUERY });
  expect(r.status).toBe(401);
  expect(r.body.data).toBeUndefined();
});

