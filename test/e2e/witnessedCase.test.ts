/**
 * Issue 19: what the witnesses add to a case file, on the seeded city. joint's database administrator
 * (these tests, writing joint's store directly) deletes the newest links, or rewrites a whole case with
 * every hash recomputed: the plain chain still holds, verifyCase does not, and names why. Then the
 * dossier: exported through the gateway by the npm script, verified offline; an edited bundle is not.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { ROOT_DIR } from '../../lib/config';
import { canonical, linkHash, sha256Hex, verifyLinks, type ChainLink } from '../../subgraphs/joint/cases/chain';
import { startSystem, type SystemHandle } from '../harness/system';
import { bearer, testToken } from '../harness/tokens';

const run = promisify(execFile);

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 6, monitoringDays: 1 });
}, 240_000);
afterAll(() => system?.stop());

const officer = { dept: 'hrss' as const, sub: 'hrss-officer-1', roles: ['enforcement-officer'], purposes: ['wage-enforcement'] };
const hrss = bearer(officer);
const housing = bearer({ dept: 'housing', sub: 'housing-officer-1', roles: ['enforcement-officer'], purposes: ['wage-enforcement'] });

async function gql(query: string, variables: Record<string, unknown>, authorization = hrss): Promise<Record<string, any>> {
  const r = await request(system.gateway.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', authorization).send({ query, variables });
  if (r.body.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data;
}

const VERIFY = 'query V($id: ID!) { verifyCase(id: $id) { ok checked brokenAt reason witnessedUpTo unavailableWitnesses } }';

/** A case led by hrss with housing: filed, one evidence read of housing's data, investigation, two notes. */
async function buildCase(title: string): Promise<string> {
  const code = system.city.projects[0].code;
  const opened = await gql('mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }', {
    input: { kind: 'WAGE_ARREARS', title, subject: { projectCode: code }, departments: ['housing'], purpose: 'wage-enforcement' },
  });
  const id: string = opened.openCase.id;
  await gql('mutation A($id: ID!, $input: EvidenceInput!) { attachEvidence(caseId: $id, input: $input) { id } }', {
    id,
    input: { query: 'query Site($code: String!) { project(code: $code) { code name } }', variables: { code }, note: 'the site <as registered> & its name' },
  });
  await gql('mutation T($id: ID!, $o: [String!]) { advanceCase(caseId: $id, to: INVESTIGATING, officers: $o, note: "on site") { id } }', { id, o: ['hrss-officer-1', 'hrss-officer-2'] });
  return id;
}

function links() {
  return system.connections.joint.collection('joint_case_links');
}

async function storedChain(id: string): Promise<ChainLink[]> {
  const docs = await links().find({ caseId: id }).sort({ seq: 1 }).toArray();
  return docs.map((d) => ({ caseId: id, seq: d.seq, kind: d.kind, body: JSON.parse(d.body), prevHash: d.prevHash, hash: d.hash }));
}

describe('joint’s database administrator against the witnesses', () => {
  test('a case untouched verifies, its head witnessed by hrss and housing in their own stores', async () => {
    const id = await buildCase('untouched');
    const chain = await storedChain(id);
    expect((await gql(VERIFY, { id })).verifyCase).toEqual({ ok: true, checked: chain.length, brokenAt: null, reason: null, witnessedUpTo: chain.length, unavailableWitnesses: [] });
    for (const dept of ['hrss', 'housing']) {
      const stored = await system.connections[dept].collection('witnesses').find({ subject: `case:${id}` }).toArray();
      // Witnessing a head vouches for every link before it (each hash covers its predecessor's).
      const head = chain[chain.length - 1];
      expect(stored).toEqual(expect.arrayContaining([expect.objectContaining({ seq: head.seq, hash: head.hash, dept: 'hrss' })]));
      for (const w of stored) expect(w.hash).toBe(chain[w.seq - 1].hash);
    }
  });

  test('links deleted at the tail (the case document moved back to match): the chain holds, verifyCase names the deletion', async () => {
    const id = await buildCase('truncated');
    const chain = await storedChain(id);
    const keep = chain.length - 2;
    await links().deleteMany({ caseId: id, seq: { $gt: keep } });
    await system.connections.joint.collection('joint_cases').updateOne({ _id: id as never }, { $set: { seq: keep, headHash: chain[keep - 1].hash } });
    expect(verifyLinks(await storedChain(id)).ok).toBe(true);

    const v = (await gql(VERIFY, { id }, housing)).verifyCase;
    expect(v).toMatchObject({ ok: false, brokenAt: keep + 1 });
    expect(v.reason).toMatch(new RegExp(`links ${keep + 1}–${chain.length} are missing \\(deleted at the tail\\)`));
  });

  test('the whole case rewritten consistently (an event changed, every later hash recomputed with linkHash): verifyCase names the rewrite', async () => {
    const id = await buildCase('rewritten');
    const chain = await storedChain(id);
    const target = chain.find((l) => l.kind === 'event' && (l.body as { to?: string }).to === 'INVESTIGATING')!;
    const forged: ChainLink[] = [];
    for (const l of chain) {
      const body = l.seq === target.seq ? { ...(l.body as object), note: 'nothing found on site' } : l.body;
      const prevHash = forged.length ? forged[forged.length - 1].hash : l.prevHash;
      const unsigned = { caseId: id, seq: l.seq, kind: l.kind, body, prevHash };
      forged.push({ ...unsigned, hash: linkHash(unsigned) });
    }
    expect(verifyLinks(forged).ok).toBe(true);
    for (const l of forged) await links().updateOne({ caseId: id, seq: l.seq }, { $set: { body: canonical(l.body), prevHash: l.prevHash, hash: l.hash } });
    await system.connections.joint.collection('joint_cases').updateOne({ _id: id as never }, { $set: { headHash: forged[forged.length - 1].hash } });

    const v = (await gql(VERIFY, { id })).verifyCase;
    expect(v).toMatchObject({ ok: false, brokenAt: target.seq, witnessedUpTo: target.seq - 1 });
    expect(v.reason).toMatch(/rewritten in joint's database \(hashes recomputed\)/);
  });
});

describe('the dossier: exported through the gateway, verified offline', () => {
  let id: string;
  let bundle: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-dossier-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const tsx = (script: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'scripts', script), ...args], { cwd: ROOT_DIR, timeout: 120_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  /** A copy of the bundle to edit. */
  function copy(name: string): string {
    const dir = path.join(tmp, name);
    fs.cpSync(bundle, dir, { recursive: true });
    return dir;
  }
  const readCase = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
  /** Writes case.json and, like a careful forger, its new SHA-256 into the manifest. */
  function rewriteCase(dir: string, dossier: unknown, head?: { seq: number; hash: string }) {
    const text = JSON.stringify(dossier, null, 2) + '\n';
    fs.writeFileSync(path.join(dir, 'case.json'), text);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.files['case.json'] = sha256Hex(text);
    if (head) manifest.chain = { length: head.seq, head };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }

  beforeAll(async () => {
    id = await buildCase('dossier');
    bundle = path.join(tmp, 'bundle');
    const exported = await tsx('caseExport.ts', [id, '--out', bundle, '--url', system.gateway.url, '--token', testToken(officer)]);
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining(`written to ${bundle}`) });
  }, 180_000);

  test('the bundle holds the case, its chain with the evidence answer, the witnessed heads, and a page with no external resource', async () => {
    expect(fs.readdirSync(bundle).sort()).toEqual(['case.html', 'case.json', 'manifest.json']);
    const dossier = readCase(bundle);
    const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8'));
    expect(dossier.case).toMatchObject({ id, leadDepartment: 'hrss', departments: expect.arrayContaining(['hrss', 'housing']) });
    const evidence = dossier.chain.find((l: { kind: string }) => l.kind === 'evidence');
    expect(sha256Hex(evidence.answer)).toBe(evidence.body.answerSha256);
    expect(manifest.chain.head).toEqual({ seq: dossier.chain.length, hash: dossier.chain[dossier.chain.length - 1].hash });
    expect(new Set(manifest.witnesses.map((w: { dept: string }) => w.dept))).toEqual(new Set(['hrss', 'housing']));
    for (const dept of ['hrss', 'housing']) {
      expect(manifest.witnesses).toContainEqual({ dept, seq: dossier.chain.length, hash: manifest.chain.head.hash, at: expect.any(String), recorderDept: 'hrss' });
    }
    expect(manifest.serverVerification).toMatchObject({ ok: true });
    const html = fs.readFileSync(path.join(bundle, 'case.html'), 'utf8');
    expect(html).toContain(id);
    expect(html).toContain('the site &lt;as registered&gt; &amp; its name');
    expect(html).not.toMatch(/<script|<link|\bsrc=|url\(|https?:\/\//i);
  });

  test('verifies offline: exit 0, every check named', async () => {
    const r = await tsx('caseVerify.ts', [bundle]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok {4}manifest: 2 files/);
    expect(r.stdout).toMatch(/ok {4}witnesses: \d+ heads agree/);
    expect(r.stdout).toMatch(/verified/);
  });

  test('an evidence answer changed: the manifest hash; with the manifest rehashed, the chained answer hash', async () => {
    const dir = copy('answer');
    const dossier = readCase(dir);
    const link = dossier.chain.find((l: { kind: string }) => l.kind === 'evidence');
    link.answer = link.answer.replace(/"name":"[^"]*"/, '"name":"another name"');
    for (const e of dossier.case.evidence) if (e.seq === link.seq) e.answer = link.answer;
    fs.writeFileSync(path.join(dir, 'case.json'), JSON.stringify(dossier, null, 2) + '\n');
    const plain = await tsx('caseVerify.ts', [dir]);
    expect(plain).toMatchObject({ code: 1, stdout: expect.stringMatching(/BROKEN: case\.json was changed after export/) });

    rewriteCase(dir, dossier);
    const careful = await tsx('caseVerify.ts', [dir]);
    expect(careful).toMatchObject({ code: 1, stdout: expect.stringMatching(new RegExp(`BROKEN at link ${link.seq}: evidence answer of link ${link.seq} was edited`)) });
  });

  test('a link removed: the manifest head; with the head moved back too, the witnessed heads', async () => {
    const dir = copy('removed');
    const dossier = readCase(dir);
    dossier.chain.pop();
    const last = dossier.chain[dossier.chain.length - 1];
    dossier.case.events = dossier.case.events.filter((e: { seq: number }) => e.seq <= last.seq);
    rewriteCase(dir, dossier);
    const plain = await tsx('caseVerify.ts', [dir]);
    expect(plain).toMatchObject({ code: 1, stdout: expect.stringMatching(/BROKEN at link \d+: chain: it ends at link \d+, the manifest's head is link \d+ \(links deleted at the tail\)/) });

    rewriteCase(dir, dossier, { seq: last.seq, hash: last.hash });
    const careful = await tsx('caseVerify.ts', [dir]);
    expect(careful).toMatchObject({ code: 1, stdout: expect.stringMatching(/BROKEN at link \d+: witnesses: links \d+–\d+ are missing \(deleted at the tail\)/) });
  });

  test('a served event edited while its chain link is left alone is caught too; a missing bundle is a usage error', async () => {
    const dir = copy('event');
    const dossier = readCase(dir);
    const e = dossier.case.events.find((x: { note: string | null }) => x.note === 'on site');
    e.note = 'nothing to see';
    rewriteCase(dir, dossier);
    const r = await tsx('caseVerify.ts', [dir]);
    expect(r).toMatchObject({ code: 1, stdout: expect.stringMatching(new RegExp(`BROKEN at link ${e.seq}: event at link ${e.seq}: its note "nothing to see" is not in the chained link`)) });
    expect((await tsx('caseVerify.ts', [path.join(tmp, 'nowhere')])).code).toBe(2);
  });

  test('export refuses a department that does not take part (exit 1, nothing written)', async () => {
    const out = path.join(tmp, 'refused');
    const r = await tsx('caseExport.ts', [id, '--out', out, '--url', system.gateway.url, '--token', testToken({ dept: 'environment', roles: ['enforcement-officer'] })]);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(new RegExp(`case ${id} not found, or the token's department does not take part in it`)) });
    expect(fs.existsSync(out)).toBe(false);
  });
});
