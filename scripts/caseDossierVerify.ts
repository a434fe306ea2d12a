/**
 * Offline check of a dossier bundle (no network, the system may be stopped), in this order, stopping
 * at the first failure:
 * 1. manifest: readable, of this format, every listed file present with its SHA-256;
 * 2. the chain in case.json: verifyLinks (an edited link, a gap, a wrong prevHash), and its head is the
 *    manifest's head;
 * 3. evidence: each answer included hashes to the answerSha256 chained at capture, and the served
 *    evidence and events agree with the chain's links (an edit of the readable sections is caught even
 *    when the chain itself was left alone);
 * 4. the heads the departments witnessed (checkAgainstWitnesses): a link removed at the end, or a
 *    chain rewritten with recomputed hashes.
 * What it cannot see: a bundle rewritten as a whole, witnesses included. The witnesses in the manifest
 * are a copy; the originals are in the departments' own stores, where `<dept>Witnesses` reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex, verifyLinks, type ChainLink } from '../subgraphs/joint/cases/chain';
import { checkAgainstWitnesses } from '../subgraphs/joint/witness/client';
import { DOSSIER_FILES, DOSSIER_FORMAT, type DossierCase, type DossierManifest } from './caseDossier';

export interface DossierVerification {
  ok: boolean;
  /** What passed, in order. */
  passed: string[];
  brokenAt?: number;
  reason?: string;
  /** Highest link some department witnessed with the chain's own hash. */
  witnessedUpTo?: number;
}

class Broken extends Error {
  constructor(message: string, readonly brokenAt?: number) {
    super(message);
  }
}

function readJson<T>(file: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Broken(`${path.basename(file)} cannot be read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Broken(`${path.basename(file)} is not JSON`);
  }
}

/** True when `value` occurs as a value anywhere in `tree` (strings and numbers compared as text). */
function occursIn(tree: unknown, value: unknown): boolean {
  if (tree === null || tree === undefined) return false;
  if (typeof tree !== 'object') return String(tree) === String(value);
  return Object.values(tree as Record<string, unknown>).some((v) => occursIn(v, value));
}

/** Fields of a served event that come from its link's body: each given value must be in the body. */
const EVENT_FIELDS_FROM_BODY = ['from', 'to', 'effectiveAt', 'recordedAt', 'by', 'department', 'note', 'reviewOpinion', 'clockReason', 'decisionDocumentNumber'];

function checkManifest(dir: string, manifest: DossierManifest): void {
  if (manifest.format !== DOSSIER_FORMAT) throw new Broken(`manifest.json: format "${String(manifest.format)}" is not ${DOSSIER_FORMAT}`);
  for (const name of DOSSIER_FILES) {
    if (!manifest.files?.[name]) throw new Broken(`manifest.json lists no hash for ${name}`);
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    if (name.includes('/') || name.includes('\\')) throw new Broken(`manifest.json names a file outside the bundle: ${name}`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(dir, name));
    } catch {
      throw new Broken(`${name} is missing from the bundle`);
    }
    const actual = sha256Hex(bytes.toString('utf8'));
    if (actual !== expected) throw new Broken(`${name} was changed after export: its SHA-256 is ${actual.slice(0, 12)}…, the manifest says ${String(expected).slice(0, 12)}…`);
  }
}

function checkEvidenceAndEvents(dossier: DossierCase, links: Map<number, ChainLink & { answer?: string | null }>): void {
  for (const l of links.values()) {
    if (l.kind !== 'evidence' || !l.answer) continue;
    const chained = (l.body as { answerSha256?: unknown }).answerSha256;
    if (sha256Hex(l.answer) !== chained) throw new Broken(`evidence answer of link ${l.seq} was edited: its SHA-256 is not the one chained at capture`, l.seq);
  }
  for (const e of dossier.case.evidence ?? []) {
    const seq = Number(e.seq);
    const l = links.get(seq);
    if (!l || l.kind !== 'evidence') throw new Broken(`evidence ${String(e.id)} names link ${seq}, which is not an evidence link of the chain`, seq);
    const chained = (l.body as { answerSha256?: unknown }).answerSha256;
    if (e.sha256 !== chained) throw new Broken(`evidence ${String(e.id)}: its SHA-256 is not the one chained in link ${seq}`, seq);
    if (typeof e.answer === 'string' && sha256Hex(e.answer) !== chained) throw new Broken(`evidence ${String(e.id)}: its answer was edited (SHA-256 differs from link ${seq})`, seq);
    if (typeof e.operation === 'string' && !occursIn(l.body, e.operation)) throw new Broken(`evidence ${String(e.id)}: its operation is not the one chained in link ${seq}`, seq);
  }
  for (const e of dossier.case.events ?? []) {
    const seq = Number(e.seq);
    const l = links.get(seq);
    if (!l || l.kind !== 'event') throw new Broken(`event at link ${seq} is not an event link of the chain`, seq);
    for (const f of EVENT_FIELDS_FROM_BODY) {
      const v = e[f];
      if (v !== null && v !== undefined && v !== '' && !occursIn(l.body, v)) throw new Broken(`event at link ${seq}: its ${f} "${String(v).slice(0, 60)}" is not in the chained link`, seq);
    }
  }
}

export function verifyDossier(dir: string): DossierVerification {
  const passed: string[] = [];
  try {
    const manifest = readJson<DossierManifest>(path.join(dir, 'manifest.json'));
    checkManifest(dir, manifest);
    passed.push(`manifest: ${Object.keys(manifest.files).length} files with their SHA-256`);

    const dossier = readJson<DossierCase>(path.join(dir, 'case.json'));
    const caseId = dossier.case?.id;
    if (caseId !== manifest.caseId) throw new Broken(`case.json is case ${String(caseId)}, the manifest names ${manifest.caseId}`);
    const links = (dossier.chain ?? []).map((l) => ({ caseId, seq: l.seq, kind: l.kind, body: l.body, prevHash: l.prevHash, hash: l.hash, answer: l.answer }));
    const chain = verifyLinks(links);
    if (!chain.ok) throw new Broken(`chain: ${chain.reason}`, chain.brokenAt);
    const last = links.reduce<(typeof links)[number] | null>((a, l) => (!a || l.seq > a.seq ? l : a), null);
    const head = manifest.chain?.head ?? null;
    if ((last?.seq ?? null) !== (head?.seq ?? null) || (last?.hash ?? null) !== (head?.hash ?? null)) {
      throw new Broken(`chain: it ends at link ${last?.seq ?? 0}, the manifest's head is link ${head?.seq ?? 0}${head && last && head.seq > last.seq ? ' (links deleted at the tail)' : ''}`, (last?.seq ?? 0) + 1);
    }
    passed.push(`chain: ${links.length} links`);

    checkEvidenceAndEvents(dossier, new Map(links.map((l) => [l.seq, l])));
    passed.push(`evidence and events: ${(dossier.case.evidence ?? []).length} evidence, ${(dossier.case.events ?? []).length} events agree with the chain`);

    const witnessed = checkAgainstWitnesses(links, manifest.witnesses ?? []);
    if (!witnessed.ok) throw new Broken(`witnesses: ${witnessed.reason}`, witnessed.brokenAt);
    passed.push(`witnesses: ${(manifest.witnesses ?? []).length} heads agree, up to link ${witnessed.witnessedUpTo}`);
    return { ok: true, passed, witnessedUpTo: witnessed.witnessedUpTo };
  } catch (e) {
    if (!(e instanceof Broken)) throw e;
    return { ok: false, passed, reason: e.message, ...(e.brokenAt !== undefined ? { brokenAt: e.brokenAt } : {}) };
  }
}
