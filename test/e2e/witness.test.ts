/**
 * Issue 19, through the gateway on the seeded city: the departments' witness fields (a case's chain
 * heads kept in each department's own store), the witness client joint uses, and the declared case id
 * (x-xietong-case-id) in the owners' audit trails.
 */
import request from 'supertest';
import { nextLink, verifyLinks, type ChainLink } from '../../subgraphs/joint/cases/chain';
import { checkAgainstWitnesses, readWitnesses, readWitnessReport, witnessHead, WitnessesUnavailableError } from '../../subgraphs/joint/witness/client';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 6, monitoringDays: 1 });
}, 240_000);
afterAll(() => system?.stop());

const officer = (dept: 'hrss' | 'housing' | 'environment' | 'joint') => bearer({ dept, sub: `officer-${dept}`, roles: ['enforcement-officer'] });

function post(body: unknown, headers: Record<string, string> = {}) {
  let r = request(system.gateway.url.replace(/\/graphql$/, '')).post('/graphql');
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return r.send(body as object);
}

const RECORD = 'mutation W($s: String!, $n: Int!, $h: String!) { recordHousingWitness(subject: $s, seq: $n, hash: $h) { subject seq hash at recorderDept conflict } }';
const LIST = 'query L($s: String!) { housingWitnesses(subject: $s) { seq hash at recorderDept conflict } }';
const hex = (c: string) => c.repeat(64);

describe('a department witnesses chain heads in its own store', () => {
  test('record, idempotent repeat, and a second hash for the same link kept and flagged as a conflict', async () => {
    const s = `case:LH-2026-${Date.now()}`;
    const first = await post({ query: RECORD, variables: { s, n: 1, h: hex('a') } }, { authorization: officer('hrss') });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.recordHousingWitness).toEqual({ subject: s, seq: 1, hash: hex('a'), at: expect.any(String), recorderDept: 'hrss', conflict: false });

    const again = await post({ query: RECORD, variables: { s, n: 1, h: hex('a') } }, { authorization: officer('environment') });
    expect(again.body.data.recordHousingWitness).toEqual(first.body.data.recordHousingWitness); // the first record stands
    await post({ query: RECORD, variables: { s, n: 2, h: hex('b') } }, { authorization: officer('hrss') }).expect(200);
    const stored = system.connections.housing.collection('witnesses');
    expect(await stored.countDocuments({ subject: s })).toBe(2);
    // The department's own silo: nothing in hrss's database, the caller's.
    expect(await system.connections.hrss.collection('witnesses').countDocuments({ subject: s })).toBe(0);

    const rewritten = await post({ query: RECORD, variables: { s, n: 2, h: hex('c') } }, { authorization: officer('hrss') });
    expect(rewritten.body.data.recordHousingWitness).toMatchObject({ seq: 2, hash: hex('c'), conflict: true });
    const list = await post({ query: LIST, variables: { s } }, { authorization: officer('hrss') });
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.housingWitnesses.map((w: { seq: number; hash: string; conflict: boolean }) => [w.seq, w.hash[0], w.conflict])).toEqual([
      [1, 'a', false],
      [2, 'b', true],
      [2, 'c', true],
    ]);
    expect(await stored.countDocuments({ subject: s })).toBe(3);
  });

  test('refused without a token, to public, to a department token without a team role; bad arguments named', async () => {
    const variables = { s: 'case:LH-2026-000009', n: 1, h: hex('d') };
    await post({ query: RECORD, variables }).expect(401);
    for (const authorization of [bearer({ dept: 'public', roles: ['enforcement-officer'] }), bearer({ dept: 'hrss', roles: ['admin'] })]) {
      const r = await post({ query: RECORD, variables }, { authorization });
      expect(r.body.data).toEqual({ recordHousingWitness: null });
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.recordHousingWitness', requiredRoles: ['enforcement-officer', 'legal-reviewer'] });
      const read = await post({ query: LIST, variables: { s: variables.s } }, { authorization });
      expect(read.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await system.connections.housing.collection('witnesses').countDocuments({ subject: variables.s })).toBe(0);
    // A direct call to the subgraph without a token gets nothing either (zero trust).
    await request(system.subgraphUrls.housing.replace(/\/graphql$/, '')).post('/graphql').send({ query: RECORD, variables }).expect(401);

    const bad = [
      [{ ...variables, h: 'ABC' }, 'hash'],
      [{ ...variables, n: 0 }, 'seq'],
      [{ ...variables, s: 'LH-2026-000009' }, 'subject'],
      [{ ...variables, s: 'audit:housing' }, 'subject'],
    ] as const;
    for (const [v, argument] of bad) {
      const r = await post({ query: RECORD, variables: v }, { authorization: officer('hrss') });
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('the witness client joint uses, against the running gateway', () => {
  const caseId = `LH-2026-${String(Date.now()).slice(-6)}`;
  const links: ChainLink[] = [];
  for (const body of [{ to: 'FILED' }, { to: 'INVESTIGATING' }, { evidence: 'wage status' }, { to: 'NOTIFIED' }]) links.push(nextLink(caseId, links[links.length - 1], 'event', body));
  const auth = { authorization: officer('hrss'), requestId: `witness-${caseId}` };

  test('each head witnessed by hrss and housing; read back, the chain agrees; a truncated or rewritten chain does not', async () => {
    for (const l of links) {
      expect(await witnessHead(system.gateway.url, { caseId, seq: l.seq, hash: l.hash }, ['hrss', 'housing'], auth)).toEqual([
        { dept: 'hrss', ok: true },
        { dept: 'housing', ok: true },
      ]);
    }
    const witnessed = await readWitnesses(system.gateway.url, caseId, ['hrss', 'housing'], auth);
    expect(witnessed).toHaveLength(8);
    expect(checkAgainstWitnesses(links, witnessed)).toEqual({ ok: true, witnessedUpTo: 4 });

    const truncated = links.slice(0, 2);
    expect(verifyLinks(truncated).ok).toBe(true);
    expect(checkAgainstWitnesses(truncated, witnessed)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/deleted at the tail/) });

    const rewritten: ChainLink[] = [];
    for (const [i, l] of links.entries()) rewritten.push(nextLink(caseId, rewritten[i - 1], l.kind, i === 2 ? { evidence: 'paid in full' } : l.body));
    expect(verifyLinks(rewritten).ok).toBe(true);
    expect(checkAgainstWitnesses(rewritten, witnessed)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/rewritten in joint's database/) });

    // Witnessing the rewritten head is refused as a conflict by each department, and stays on record.
    const again = await witnessHead(system.gateway.url, { caseId, seq: 3, hash: rewritten[2].hash }, ['hrss', 'housing'], auth);
    expect(again).toEqual([
      { dept: 'hrss', ok: false, error: expect.stringMatching(/^CONFLICT: hrss already witnessed another hash for link 3/) },
      { dept: 'housing', ok: false, error: expect.stringMatching(/^CONFLICT/) },
    ]);
  });

  test('a caller the departments refuse: every department named with its error, nothing thrown by witnessHead', async () => {
    const denied = { authorization: bearer({ dept: 'hrss', roles: [] }) };
    const result = await witnessHead(system.gateway.url, { caseId, seq: 9, hash: hex('e') }, ['hrss', 'housing'], denied);
    expect(result).toEqual([
      { dept: 'hrss', ok: false, error: expect.stringMatching(/^FORBIDDEN/) },
      { dept: 'housing', ok: false, error: expect.stringMatching(/^FORBIDDEN/) },
    ]);
    await expect(readWitnesses(system.gateway.url, caseId, ['hrss', 'housing'], denied)).rejects.toBeInstanceOf(WitnessesUnavailableError);
    const unreachable = await readWitnessReport('http://127.0.0.1:1/graphql', caseId, ['hrss'], auth);
    expect(unreachable).toEqual({ witnessed: [], unavailable: [{ dept: 'hrss', error: expect.stringMatching(/^gateway: /) }] });
  });

  test('the witness calls are in each department’s audit trail, naming the case', async () => {
    const trail = 'query T($c: String) { housingAuditTrail(filter: { caseId: $c }) { dept sub caseId requestId reads { type fields } } }';
    const r = await post({ query: trail, variables: { c: caseId } }, { authorization: bearer({ dept: 'housing', roles: ['auditor'] }) });
    expect(r.body.errors).toBeUndefined();
    const records: { dept: string; caseId: string; requestId: string; reads: { type: string; fields: string[] }[] }[] = r.body.data.housingAuditTrail;
    for (const rec of records) expect(rec).toMatchObject({ dept: 'hrss', caseId });
    // Four heads recorded, one read back, one conflicting head, with joint's caller's request id (the refused calls have their own).
    const ours = records.filter((rec) => rec.requestId === `witness-${caseId}`);
    expect(ours.filter((rec) => rec.reads.some((x) => x.fields.includes('recordHousingWitness')))).toHaveLength(5);
    expect(ours.filter((rec) => rec.reads.some((x) => x.fields.includes('housingWitnesses')))).toHaveLength(1);
  });
});

describe('the declared case id in the owners’ audit trails', () => {
  const READ = 'query Permit($code: String!) { project(code: $code) { code name } }';

  test('a cross-department read with x-xietong-case-id: the owner’s record carries it, the chain still verifies', async () => {
    const code = system.city.projects[0].code;
    const caseId = 'LH-2026-000042';
    // The trails record the gateway's own request id (a client's x-request-id is only its clientRequestId).
    const read = await post({ query: READ, variables: { code } }, { authorization: officer('hrss'), 'x-xietong-case-id': caseId });
    expect(read.body.errors).toBeUndefined();
    const rid = read.headers['x-request-id'] as string;
    const plain = await post({ query: READ, variables: { code } }, { authorization: officer('hrss') });
    expect(plain.body.errors).toBeUndefined();
    const plainRid = plain.headers['x-request-id'] as string;

    const trail = 'query T($c: String, $r: String) { byCase: housingAuditTrail(filter: { caseId: $c }) { requestId caseId dept reads { type keys } } byRequest: housingAuditTrail(filter: { requestId: $r }) { caseId } verifyHousingAuditTrail { ok checked reason } }';
    const admin = bearer({ dept: 'housing', roles: ['admin'] });
    const r = await post({ query: trail, variables: { c: caseId, r: plainRid } }, { authorization: admin });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.byCase).toEqual([{ requestId: rid, caseId, dept: 'hrss', reads: expect.arrayContaining([{ type: 'Project', keys: [code] }]) }]);
    expect(r.body.data.byRequest).toEqual([{ caseId: null }]);
    expect(r.body.data.verifyHousingAuditTrail).toMatchObject({ ok: true, reason: null });

    // The case id is under the record's hash: changing it in the store breaks the chain.
    const records = system.connections.housing.collection('audit_trail');
    await records.updateOne({ requestId: rid }, { $set: { caseId: 'LH-2026-000001' } });
    const broken = await post({ query: 'query { verifyHousingAuditTrail { ok brokenAt reason } }' }, { authorization: admin });
    expect(broken.body.data.verifyHousingAuditTrail).toMatchObject({ ok: false, reason: expect.stringMatching(/altered/) });
    await records.updateOne({ requestId: rid }, { $set: { caseId } });
    const mended = await post({ query: 'query { verifyHousingAuditTrail { ok } }' }, { authorization: admin });
    expect(mended.body.data.verifyHousingAuditTrail.ok).toBe(true);
  });

  test('a malformed case id header is refused (400 BAD_USER_INPUT naming the header), nothing read or recorded', async () => {
    const r = await post({ query: READ, variables: { code: system.city.projects[0].code } }, { authorization: officer('hrss'), 'x-xietong-case-id': 'LH 2026 <script>' });
    const rid = r.headers['x-request-id'] as string;
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0]).toMatchObject({ message: expect.stringMatching(/x-xietong-case-id/), extensions: { code: 'BAD_USER_INPUT', header: 'x-xietong-case-id' } });
    const records = system.connections.housing.collection('audit_trail');
    expect(await records.countDocuments({ requestId: rid })).toBe(0);
  });
});
