/** The offline dossier check on hand-made bundles (the e2e test exports real ones through the gateway). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonical, nextLink, sha256Hex, type ChainLink } from '../subgraphs/joint/cases/chain';
import { DOSSIER_FORMAT, type DossierCase } from './caseDossier';
import { renderDossierHtml } from './caseDossierHtml';
import { verifyDossier } from './caseDossierVerify';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-dossier-unit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ID = 'LH-2026-000007';
const answer = canonical({ project: { code: '2026-330106-47-01-000001', name: '西溪<工地>' } });

function chainOf(): (ChainLink & { answer?: string })[] {
  const links: (ChainLink & { answer?: string })[] = [];
  const add = (kind: 'event' | 'evidence', body: unknown, extra: { answer?: string } = {}) => links.push({ ...nextLink(ID, links[links.length - 1], kind, body), ...extra });
  add('event', { type: 'FILED', to: 'FILED', at: '2026-12-01T00:00:00.000Z', effectiveAt: '2026-12-01T00:00:00.000Z', by: { sub: 'o1', dept: 'hrss' } });
  add('evidence', { operation: 'query P { project(code: "x") { code name } }', answerSha256: sha256Hex(answer), capturedBy: { sub: 'o1', dept: 'hrss' } }, { answer });
  add('event', { type: 'TRANSITION', from: 'FILED', to: 'INVESTIGATING', note: 'on site', at: '2026-12-02T00:00:00.000Z', effectiveAt: '2026-12-02T00:00:00.000Z', by: { sub: 'o1', dept: 'hrss' } });
  return links;
}

/** Writes a bundle the way exportDossier does; `edit` may change the dossier before the files are hashed. */
function writeBundle(name: string, edit: (d: DossierCase, witnesses: { dept: string; seq: number; hash: string; at: string }[]) => void = () => undefined): string {
  const links = chainOf();
  const dossier: DossierCase = {
    format: DOSSIER_FORMAT,
    exportedAt: '2026-12-05T00:00:00.000Z',
    case: {
      id: ID, departments: ['hrss', 'housing'],
      events: [
        { seq: 1, type: 'FILED', from: null, to: 'FILED', effectiveAt: '2026-12-01T00:00:00.000Z', by: 'o1', department: 'hrss', note: null },
        { seq: 3, type: 'TRANSITION', from: 'FILED', to: 'INVESTIGATING', effectiveAt: '2026-12-02T00:00:00.000Z', by: 'o1', department: 'hrss', note: 'on site' },
      ],
      evidence: [{ id: `${ID}:2`, seq: 2, operation: 'query P { project(code: "x") { code name } }', sha256: sha256Hex(answer), answer }],
    },
    chain: links.map(({ caseId: _c, ...l }) => l),
  };
  const witnesses = links.flatMap((l) => ['hrss', 'housing'].map((dept) => ({ dept, seq: l.seq, hash: l.hash, at: '2026-12-02T00:00:01.000Z' })));
  edit(dossier, witnesses);
  const last = dossier.chain[dossier.chain.length - 1];
  const extra = { chain: { length: dossier.chain.length, head: { seq: last.seq, hash: last.hash } }, witnesses, unavailableWitnesses: [] };
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const files = { 'case.json': JSON.stringify(dossier, null, 2), 'case.html': renderDossierHtml(dossier, extra) };
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  const manifest = { format: DOSSIER_FORMAT, caseId: ID, exportedAt: dossier.exportedAt, source: { url: 'x' }, files: Object.fromEntries(Object.entries(files).map(([f, t]) => [f, sha256Hex(t)])), ...extra, serverVerification: null };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

test('a bundle as exported verifies, each step named', () => {
  const r = verifyDossier(writeBundle('ok'));
  expect(r).toEqual({ ok: true, passed: [expect.stringMatching(/^manifest: 2 files/), 'chain: 3 links', expect.stringMatching(/^evidence and events: 1 evidence, 2 events/), 'witnesses: 6 heads agree, up to link 3'], witnessedUpTo: 3 });
});

test('case.html edited after export: named by the manifest', () => {
  const dir = writeBundle('html');
  fs.appendFileSync(path.join(dir, 'case.html'), '<p>addendum</p>');
  expect(verifyDossier(dir)).toMatchObject({ ok: false, reason: expect.stringMatching(/^case\.html was changed after export/) });
});

test('a chain link body edited (hashes left): the chain names the link', () => {
  const r = verifyDossier(writeBundle('link', (d) => ((d.chain[2].body as { note: string }).note = 'nothing found')));
  expect(r).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/^chain: /) });
});

test('an evidence answer edited in the served section only: named by its chained hash', () => {
  const r = verifyDossier(writeBundle('answer', (d) => (d.case.evidence[0].answer = answer.replace('西溪', '东溪'))));
  expect(r).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/its answer was edited/) });
});

test('the case rewritten consistently in the bundle, witnesses copied from before: named by the witnesses', () => {
  const r = verifyDossier(
    writeBundle('rewritten', (d, witnesses) => {
      const forged: ChainLink[] = [];
      for (const l of d.chain) {
        const body = l.seq === 3 ? { ...(l.body as object), note: 'nothing found' } : l.body;
        forged.push(nextLink(ID, forged[forged.length - 1], l.kind, body));
      }
      d.chain = forged.map(({ caseId: _c, ...l }, i) => ({ ...l, answer: d.chain[i].answer }));
      d.case.events[1].note = 'nothing found';
      void witnesses;
    }),
  );
  expect(r).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/^witnesses: link 3 has hash .* rewritten/) });
});

test('an unreadable or foreign bundle is named, not thrown', () => {
  const dir = path.join(tmp, 'empty');
  fs.mkdirSync(dir);
  expect(verifyDossier(dir)).toMatchObject({ ok: false, reason: expect.stringMatching(/^manifest\.json cannot be read/) });
  const other = writeBundle('other');
  const m = JSON.parse(fs.readFileSync(path.join(other, 'manifest.json'), 'utf8'));
  fs.writeFileSync(path.join(other, 'manifest.json'), JSON.stringify({ ...m, files: { ...m.files, '../etc/passwd': 'x' } }));
  expect(verifyDossier(other)).toMatchObject({ ok: false, reason: expect.stringMatching(/outside the bundle/) });
});
