/**
 * The dossier (卷宗) of a joint case: fetched through the gateway with the caller's token, written as a
 * self-contained bundle that case:verify checks offline (caseDossierVerify.ts):
 * - case.json: the case as the graph served it (events, evidence, decisions) and its whole hash chain,
 *   each link with its body as JSON and, for evidence the exporter's department captured, the answer;
 * - case.html: a printable rendering, no external resource (caseDossierHtml.ts);
 * - manifest.json: the SHA-256 of both files, the chain's head, and the heads each participating
 *   department witnessed in its own store (read at export time), plus the server's verifyCase answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../subgraphs/joint/cases/chain';
import { readWitnessReport, type WitnessedHead } from '../subgraphs/joint/witness/client';
import { renderDossierHtml } from './caseDossierHtml';

export const DOSSIER_FORMAT = 'xietong-dossier/1';
export const DOSSIER_FILES = ['case.json', 'case.html'] as const;

export interface DossierLink {
  seq: number;
  kind: 'event' | 'evidence';
  prevHash: string;
  hash: string;
  /** The link's body, parsed from the canonical JSON the graph served. */
  body: unknown;
  /** Evidence answer (canonical JSON), when the exporter's department captured it. */
  answer?: string | null;
}

export interface DossierCase {
  format: string;
  exportedAt: string;
  /** The case as served by `case(id)` (everything but its chain). */
  case: Record<string, unknown> & { id: string; departments: string[]; events: Record<string, unknown>[]; evidence: Record<string, unknown>[] };
  chain: DossierLink[];
}

export interface DossierManifest {
  format: string;
  caseId: string;
  exportedAt: string;
  /** The gateway the case was read from, and who read it (token subject and department). */
  source: { url: string; sub?: string; dept?: string };
  /** File name → SHA-256 (hex) of its bytes. */
  files: Record<string, string>;
  chain: { length: number; head: { seq: number; hash: string } | null };
  witnesses: WitnessedHead[];
  /** Departments whose witnesses could not be read at export time (the bundle is then weaker). */
  unavailableWitnesses: { dept: string; error: string }[];
  /** What the server's verifyCase said at export time (for the record; case:verify re-checks itself). */
  serverVerification: unknown;
}

const CASE_QUERY = `query DossierCase($id: ID!) {
  case(id: $id) {
    id kind title subject { projectCode uscc } purpose leadDepartment departments state filedAt deadline overdue clockSuspended
    investigators warnings chainLength headHash
    decisions { department type documentNumber summary amount decidedAt decidedBy }
    events { seq type from to effectiveAt recordedAt by department note officers reviewPassed reviewOpinion waived clockAction clockDays clockReason decisionDocumentNumber }
    evidence { id caseId seq operation operationName variables note capturedBy capturedByDepartment capturedAt sha256 answer answerWithheld denied { path field message } }
    chain { seq kind prevHash hash body answer }
  }
  verifyCase(id: $id) { ok checked events evidence brokenAt reason witnessedUpTo unavailableWitnesses }
}`;

export class DossierError extends Error {}

async function fetchCase(url: string, caseId: string, authorization: string): Promise<{ case: Record<string, unknown> | null; verifyCase: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, 'x-xietong-case-id': caseId },
    body: JSON.stringify({ query: CASE_QUERY, variables: { id: caseId } }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let answer: { data?: { case: Record<string, unknown> | null; verifyCase: unknown } | null; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new DossierError(`${url} answered ${res.status} without GraphQL: ${text.slice(0, 200)}`);
  }
  // verifyCase may fail on its own (e.g. NOT_FOUND races); the case itself must come back whole.
  const caseErrors = (answer.errors ?? []).filter((e) => !Array.isArray(e.path) || e.path[0] === 'case');
  if (caseErrors.length) throw new DossierError(`case ${caseId}: ${caseErrors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ')}`);
  if (!answer.data?.case) throw new DossierError(`case ${caseId} not found, or the token's department does not take part in it`);
  return { case: answer.data.case, verifyCase: answer.data.verifyCase ?? null };
}

function parseBody(text: unknown, seq: number): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    throw new DossierError(`case chain link ${seq}: body is not JSON`);
  }
}

export interface ExportOptions {
  url: string;
  authorization: string;
  outDir: string;
  /** Recorded in the manifest (who exported). */
  caller?: { sub?: string; dept?: string };
  now?: () => Date;
}

/** Writes the bundle into outDir (created if needed); returns the manifest. */
export async function exportDossier(caseId: string, options: ExportOptions): Promise<DossierManifest> {
  const fetched = await fetchCase(options.url, caseId, options.authorization);
  const { chain: rawChain, ...rest } = fetched.case as Record<string, unknown> & { chain: { seq: number; kind: 'event' | 'evidence'; prevHash: string; hash: string; body: string; answer?: string | null }[] };
  const served = rest as DossierCase['case'];
  const chain: DossierLink[] = rawChain.map((l) => ({
    seq: l.seq,
    kind: l.kind,
    prevHash: l.prevHash,
    hash: l.hash,
    body: parseBody(l.body, l.seq),
    ...(l.answer ? { answer: l.answer } : {}),
  }));
  const witnessDepts = served.departments.filter((d) => d !== 'joint');
  const witnesses = await readWitnessReport(options.url, caseId, witnessDepts, { authorization: options.authorization });
  const exportedAt = (options.now?.() ?? new Date()).toISOString();
  const dossier: DossierCase = { format: DOSSIER_FORMAT, exportedAt, case: served, chain };
  const last = chain.reduce<DossierLink | null>((a, l) => (!a || l.seq > a.seq ? l : a), null);
  const partial = { caseId, exportedAt, chain: { length: chain.length, head: last ? { seq: last.seq, hash: last.hash } : null }, witnesses: witnesses.witnessed, unavailableWitnesses: witnesses.unavailable };

  const files: Record<string, string> = {
    'case.json': JSON.stringify(dossier, null, 2) + '\n',
    'case.html': renderDossierHtml(dossier, partial),
  };
  fs.mkdirSync(options.outDir, { recursive: true });
  const hashes: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(options.outDir, name), text);
    hashes[name] = sha256Hex(text);
  }
  const manifest: DossierManifest = {
    format: DOSSIER_FORMAT,
    ...partial,
    source: { url: options.url, ...options.caller },
    files: hashes,
    serverVerification: fetched.verifyCase,
  };
  fs.writeFileSync(path.join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
