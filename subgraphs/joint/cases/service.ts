/**
 * The case file's operations, as the resolvers call them: reads with visibility, the procedure's moves,
 * evidence capture, verification and comparison. Each write appends to the case's chain through the
 * CaseStore, then asks the participating departments to witness the new head (witness/client.ts).
 */
import { GraphQLError } from 'graphql';
import { USCC_PATTERN } from '../../../domain/uscc';
import type { Caller } from '../../../lib/auth/claims';
import { badInput, ErrorCode, forbidden } from '../../../lib/errors';
import { checkAgainstWitnesses, readWitnessReport, witnessHead, type WitnessedHead } from '../witness/client';
import { canSee, participants, requireOpener } from './access';
import { sha256Hex, verifyLinks, type ChainLink } from './chain';
import { isOverdue, planClockEvent, type ClockAction } from './clock';
import { CaseStore, type ChainLinkDoc } from './caseStore';
import { changedPaths, checkEvidenceOperation, runEvidenceQuery, type CallerAuth, type EvidenceRequest } from './evidence';
import { arrearsFound, arrearsPlan, exceedancesPlan, exceedanceWindows, readingsRequests, LOCAL_DATE, MONTH, PROJECT_CODE, type FindingPlan } from './findings';
import type { CaseDoc } from './models';
import { CASE_KINDS, planDecision, planTransition, requireWriter, type CaseEvent, type CaseKind, type CaseState, type TransitionRequest } from './procedure';
import type { CaseSettings } from './settings';

export interface CaseDeps {
  store: CaseStore;
  gatewayUrl: () => string;
  now: () => Date;
  settings: () => CaseSettings;
}

/** The caller and what joint forwards on their behalf (their own token). */
export interface Requester {
  caller: Caller;
  authorization?: string;
  requestId: string;
}

export interface OpenCaseInput {
  kind: CaseKind;
  title: string;
  subject: { projectCode?: string | null; uscc?: string | null };
  departments: string[];
  purpose: string;
  filedAt?: string | null;
}

export interface EvidenceBody {
  type: 'EVIDENCE';
  evidenceId: string;
  operation: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  note: string | null;
  capturedBy: { sub: string; dept: string; purposes: string[] };
  capturedAt: string;
  answerSha256: string;
  denied: { path: string; field: string | null; message: string }[];
}

export interface Verification {
  ok: boolean;
  checked: number;
  events: number;
  evidence: number;
  brokenAt: number | null;
  reason: string | null;
  witnessedUpTo: number;
  witnesses: WitnessedHead[];
  unavailableWitnesses: { dept: string; error: string }[];
}

const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;
const FINISHED: readonly CaseState[] = ['CLOSED', 'DISMISSED', 'TRANSFERRED'];

export function evidenceId(caseId: string, seq: number): string {
  return `${caseId}:${seq}`;
}

export function parseEvidenceId(id: string): { caseId: string; seq: number } | null {
  const m = /^(.+):(\d+)$/.exec(id);
  return m ? { caseId: m[1], seq: Number(m[2]) } : null;
}

export class CaseService {
  constructor(private readonly deps: CaseDeps) {}

  // ---------- reads ----------

  async read(caller: Caller, id: string): Promise<CaseDoc | null> {
    const c = await this.deps.store.get(id);
    return c && canSee(caller, c) ? c : null;
  }

  async list(caller: Caller, filter: { state?: CaseState | null; kind?: CaseKind | null; projectCode?: string | null; overdue?: boolean | null }, first: number, after: string | null) {
    if (caller.dept === 'public') return { cases: [], hasNextPage: false, total: 0 };
    if (!(first >= 1 && first <= 100)) throw badInput('first', 'must be 1 to 100');
    const now = this.deps.now();
    const page = await this.deps.store.list({ departmentsOf: caller.dept, state: filter.state, kind: filter.kind, projectCode: filter.projectCode, overdueAt: filter.overdue ? now : null }, first, after);
    if (filter.overdue === false) page.cases = page.cases.filter((c) => !isOverdue(c, now));
    return page;
  }

  async links(caller: Caller, c: CaseDoc): Promise<ChainLinkDoc[]> {
    if (!canSee(caller, c)) return [];
    return this.deps.store.links(c._id);
  }

  overdue(c: CaseDoc): boolean {
    return isOverdue(c, this.deps.now());
  }

  now(): Date {
    return this.deps.now();
  }

  // ---------- writes ----------

  async openCase(r: Requester, input: OpenCaseInput, key?: string | null): Promise<CaseDoc> {
    return this.idempotent(r, key, 'openCase', input, async () => {
      requireOpener(r.caller);
      const now = this.deps.now();
      const filedAt = this.effectiveAt(input.filedAt, now, null, 'input.filedAt');
      const id = await this.deps.store.nextCaseId(filedAt.getUTCFullYear());
      const doc = await this.file(r, id, this.checkOpenInput(r, input), now, filedAt);
      await this.witness(r, doc);
      return { caseId: doc._id };
    }).then((res) => this.mustGet(res.caseId));
  }

  async openFromArrears(r: Requester, projectCode: string, month: string, key?: string | null): Promise<CaseDoc> {
    if (!PROJECT_CODE.test(projectCode)) throw badInput('projectCode', 'expected a project code YYYY-RRRRRR-DD-TT-NNNNNC');
    if (!MONTH.test(month)) throw badInput('month', 'expected YYYY-MM');
    return this.idempotent(r, key, 'openCaseFromArrears', { projectCode, month }, async () => {
      requireOpener(r.caller);
      const input: OpenCaseInput = {
        kind: 'WAGE_ARREARS', title: `拖欠农民工工资 ${projectCode} ${month}`, subject: { projectCode },
        departments: ['hrss', 'housing'], purpose: 'wage-enforcement',
      };
      return this.openFromFinding(r, input, arrearsPlan(projectCode, month), (data) => {
        if (!arrearsFound(data)) throw badInput('month', `project ${projectCode} shows no wage arrears for ${month} (as the graph answers your token)`);
        return [];
      });
    }).then((res) => this.mustGet(res.caseId));
  }

  async openFromExceedances(r: Requester, projectCode: string, from: string, to: string, key?: string | null): Promise<CaseDoc> {
    if (!PROJECT_CODE.test(projectCode)) throw badInput('projectCode', 'expected a project code YYYY-RRRRRR-DD-TT-NNNNNC');
    if (!LOCAL_DATE.test(from)) throw badInput('from', 'expected a local date YYYY-MM-DD');
    if (!LOCAL_DATE.test(to) || to <= from) throw badInput('to', 'expected a local date YYYY-MM-DD after `from`');
    return this.idempotent(r, key, 'openCaseFromExceedances', { projectCode, from, to }, async () => {
      requireOpener(r.caller);
      const input: OpenCaseInput = {
        kind: 'DUST', title: `施工扬尘/噪声超标 ${projectCode} ${from}–${to}`, subject: { projectCode },
        departments: ['environment', 'housing'], purpose: 'pollution-enforcement',
      };
      return this.openFromFinding(r, input, exceedancesPlan(projectCode, from, to), (data) => {
        const windows = exceedanceWindows(data);
        if (!windows.length) throw badInput('from', `project ${projectCode} shows no exceedances from ${from} to ${to} (as the graph answers your token)`);
        const noiseOnly = (data as { project: { exceedances: { pollutant: string }[] } }).project.exceedances.every((e) => e.pollutant === 'LA');
        if (noiseOnly) input.kind = 'NOISE';
        return readingsRequests(windows);
      });
    }).then((res) => this.mustGet(res.caseId));
  }

  async attachEvidence(r: Requester, caseId: string, req: EvidenceRequest, key?: string | null): Promise<{ doc: CaseDoc; link: ChainLinkDoc }> {
    const res = await this.idempotent(r, key, 'attachEvidence', { caseId, ...req }, async () => {
      const current = await this.writable(r.caller, caseId);
      const settings = this.deps.settings();
      checkEvidenceOperation(req, settings.evidenceMaxBytes);
      if (FINISHED.includes(current.state)) throw badInput('caseId', `case ${caseId} is ${current.state}: no more evidence`);
      const captured = await this.capture(r, caseId, current.seq + 1, req);
      const { doc, link } = await this.deps.store.append(current, 'evidence', captured.body, captured.answer);
      await this.witness(r, doc);
      return { caseId, evidenceId: evidenceId(caseId, link.seq) };
    });
    const at = parseEvidenceId(res.evidenceId!)!;
    const link = await this.deps.store.evidenceLink(at.caseId, at.seq);
    return { doc: await this.mustGet(caseId), link: link! };
  }

  async advance(r: Requester, caseId: string, req: TransitionRequest & { effectiveAt?: string | null }, key?: string | null): Promise<CaseDoc> {
    const res = await this.idempotent(r, key, 'advanceCase', { caseId, ...req }, async () => {
      const current = await this.writable(r.caller, caseId);
      const now = this.deps.now();
      const at = this.effectiveAt(req.effectiveAt, now, current.lastEventAt, 'effectiveAt');
      const event = planTransition(current, req, r.caller, now, at, this.deps.settings().notifyDays);
      const { doc } = await this.deps.store.append(current, 'event', event);
      await this.witness(r, doc);
      return { caseId };
    });
    return this.mustGet(res.caseId);
  }

  async recordDecision(r: Requester, caseId: string, decision: NonNullable<TransitionRequest['decision']>, effectiveAt?: string | null, key?: string | null): Promise<CaseDoc> {
    const res = await this.idempotent(r, key, 'recordDecision', { caseId, decision, effectiveAt }, async () => {
      const current = await this.writable(r.caller, caseId);
      if (!['DECIDED', 'SERVED', 'ENFORCING'].includes(current.state)) {
        throw badInput('caseId', `case ${caseId} is ${current.state}: departments record their decisions once the case is DECIDED (advanceCase to DECIDED records the first)`);
      }
      const now = this.deps.now();
      const at = this.effectiveAt(effectiveAt, now, current.lastEventAt, 'effectiveAt');
      const event: CaseEvent = { type: 'DECISION', at: now.toISOString(), effectiveAt: at.toISOString(), by: { sub: r.caller.sub, dept: r.caller.dept }, decision: planDecision(current, decision, r.caller) };
      const { doc } = await this.deps.store.append(current, 'event', event);
      await this.witness(r, doc);
      return { caseId };
    });
    return this.mustGet(res.caseId);
  }

  async clock(r: Requester, caseId: string, req: { action: ClockAction; days?: number | null; reason: string; effectiveAt?: string | null }, key?: string | null): Promise<CaseDoc> {
    const res = await this.idempotent(r, key, 'recordClockEvent', { caseId, ...req }, async () => {
      const current = await this.writable(r.caller, caseId);
      const now = this.deps.now();
      const at = this.effectiveAt(req.effectiveAt, now, current.lastEventAt, 'effectiveAt');
      const { doc } = await this.deps.store.append(current, 'event', planClockEvent(current, req, r.caller, now, at));
      await this.witness(r, doc);
      return { caseId };
    });
    return this.mustGet(res.caseId);
  }

  // ---------- verification and comparison ----------

  async verify(r: Requester, id: string): Promise<Verification | null> {
    const c = await this.read(r.caller, id);
    if (!c) return null;
    const links = await this.deps.store.links(id);
    const counts = { events: links.filter((l) => l.kind === 'event').length, evidence: links.filter((l) => l.kind === 'evidence').length };
    const base = { ...counts, witnessedUpTo: 0, witnesses: [] as WitnessedHead[], unavailableWitnesses: [] as { dept: string; error: string }[] };
    const chain = verifyLinks(links);
    if (!chain.ok) return { ...base, ok: false, checked: chain.checked, brokenAt: chain.brokenAt ?? null, reason: chain.reason ?? null };
    const answer = firstEditedAnswer(links);
    if (answer) return { ...base, ok: false, checked: answer.seq - 1, brokenAt: answer.seq, reason: answer.reason };
    const report = await readWitnessReport(this.deps.gatewayUrl(), id, c.departments, this.auth(r));
    const witnessed = checkAgainstWitnesses(links, report.witnessed);
    const withWitnesses = { ...base, witnessedUpTo: witnessed.witnessedUpTo, witnesses: report.witnessed, unavailableWitnesses: report.unavailable };
    if (!witnessed.ok) return { ...withWitnesses, ok: false, checked: chain.checked, brokenAt: witnessed.brokenAt ?? null, reason: witnessed.reason ?? null };
    const end = links.length ? links[links.length - 1].seq : 0;
    if (c.seq > end) {
      return { ...withWitnesses, ok: false, checked: chain.checked, brokenAt: end + 1, reason: `links ${end + 1}–${c.seq} are missing (deleted at the tail): the case record's head is link ${c.seq} but the chain ends at link ${end}` };
    }
    if (report.unavailable.length) {
      return { ...withWitnesses, ok: false, checked: chain.checked, brokenAt: null, reason: `the chain holds, but the witnesses of ${report.unavailable.map((u) => u.dept).join(', ')} could not be read, so a truncated tail or a consistent rewrite cannot be ruled out` };
    }
    return { ...withWitnesses, ok: true, checked: chain.checked, brokenAt: null, reason: null };
  }

  async compare(r: Requester, id: string) {
    const at = parseEvidenceId(id);
    const c = at ? await this.read(r.caller, at.caseId) : null;
    const link = c && at ? await this.deps.store.evidenceLink(at.caseId, at.seq) : null;
    if (!c || !link || !at) throw new GraphQLError(`No evidence ${id}`, { extensions: { code: ErrorCode.NOT_FOUND, argument: 'id' } });
    const body = link.body as EvidenceBody;
    if (body.capturedBy.dept !== r.caller.dept) {
      throw forbidden(`Evidence ${id} was captured by ${body.capturedBy.dept} with its own access; only ${body.capturedBy.dept} can compare it (another department's rerun would differ by what each may see, not by what changed at the source)`, { capturedBy: body.capturedBy.dept });
    }
    const storedIntact = !!link.answer && sha256Hex(link.answer) === body.answerSha256;
    const now = await runEvidenceQuery(this.deps.gatewayUrl(), { query: body.operation, variables: body.variables }, at.caseId, this.auth(r), this.deps.settings().evidenceTimeoutMs);
    const before = link.answer ? (JSON.parse(link.answer) as unknown) : null;
    const changes = changedPaths(before, now.raw);
    const deniedBefore = body.denied.map((d) => d.path);
    const deniedNow = now.denied.map((d) => d.path);
    const sourceChanged = now.answerSha256 !== body.answerSha256;
    return {
      evidenceId: id,
      capturedAt: body.capturedAt,
      comparedAt: this.deps.now().toISOString(),
      capturedSha256: body.answerSha256,
      currentSha256: now.answerSha256,
      storedIntact,
      sourceChanged,
      changes,
      deniedBefore,
      deniedNow,
      summary: !storedIntact
        ? 'the stored answer no longer matches the hash chained at capture: it was altered in joint (tampering), see verifyCase'
        : sourceChanged
          ? `the source changed since capture at ${changes.length} path(s); the evidence itself is intact (a changed source is not tampering)`
          : 'the source answers as it did at capture',
    };
  }

  // ---------- internals ----------

  private auth(r: Requester): CallerAuth {
    if (!r.authorization) throw forbidden('joint forwards the caller\'s own token to the gateway, and this request carried none');
    return { authorization: r.authorization, requestId: r.requestId };
  }

  private async mustGet(id: string): Promise<CaseDoc> {
    const c = await this.deps.store.get(id);
    if (!c) throw new GraphQLError(`Case ${id} vanished while it was being read`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    return c;
  }

  /** A case the caller's department takes part in, and a caller of its team; unknown and invisible look alike. */
  private async writable(caller: Caller, caseId: string): Promise<CaseDoc> {
    const c = await this.read(caller, caseId);
    if (!c) throw new GraphQLError(`No case ${caseId}`, { extensions: { code: ErrorCode.NOT_FOUND, argument: 'caseId' } });
    requireWriter(caller, c);
    return c;
  }

  /** When a recorded act happened (for acts recorded after the fact): not in the future, not before the case's last event. */
  private effectiveAt(given: string | null | undefined, now: Date, notBefore: string | null, argument: string): Date {
    if (given === undefined || given === null) return now;
    const t = Date.parse(given);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(given) || Number.isNaN(t)) throw badInput(argument, `expected an ISO-8601 date-time, got "${given}"`);
    if (t > now.getTime() + 60_000) throw badInput(argument, `${given} is in the future`);
    if (notBefore && t < Date.parse(notBefore)) throw badInput(argument, `${given} is before the case's last event (${notBefore})`);
    return new Date(t);
  }

  private checkOpenInput(r: Requester, input: OpenCaseInput): Omit<OpenCaseInput, 'filedAt'> {
    if (!CASE_KINDS.includes(input.kind)) throw badInput('input.kind', `one of ${CASE_KINDS.join(', ')}`);
    if (!input.title.trim()) throw badInput('input.title', 'give the case a title');
    if (!input.purpose.trim()) throw badInput('input.purpose', 'give the enforcement purpose (e.g. wage-enforcement)');
    const { projectCode, uscc } = input.subject;
    if (!projectCode && !uscc) throw badInput('input.subject', 'name the project (projectCode) or the enterprise (uscc) the case is about');
    if (projectCode && !PROJECT_CODE.test(projectCode)) throw badInput('input.subject.projectCode', 'expected YYYY-RRRRRR-DD-TT-NNNNNC');
    if (uscc && !USCC_PATTERN.test(uscc)) throw badInput('input.subject.uscc', 'expected an 18-character unified social credit code');
    return { ...input, title: input.title.trim(), purpose: input.purpose.trim(), subject: { projectCode: projectCode ?? null, uscc: uscc ?? null }, departments: participants(r.caller.dept, input.departments) };
  }

  private async file(r: Requester, id: string, input: Omit<OpenCaseInput, 'filedAt'>, now: Date, filedAt: Date): Promise<CaseDoc> {
    const deadlineDays = this.deps.settings().deadlineDays(input.kind);
    const filing = { kind: input.kind, title: input.title, subject: input.subject, purpose: input.purpose, leadDept: r.caller.dept, departments: input.departments, deadlineDays };
    const event: CaseEvent = { type: 'FILED', at: now.toISOString(), effectiveAt: filedAt.toISOString(), by: { sub: r.caller.sub, dept: r.caller.dept }, to: 'FILED', filing };
    return this.deps.store.create(
      {
        _id: id, kind: input.kind, title: input.title, subject: { projectCode: input.subject.projectCode ?? null, uscc: input.subject.uscc ?? null },
        purpose: input.purpose, leadDept: r.caller.dept, departments: input.departments, state: 'FILED', filedAt: filedAt.toISOString(),
        createdBy: r.caller.sub, deadlineDays, investigators: [], lastReview: null, notifiedAt: null, notifyWaived: false, decisions: [],
        lastEventAt: filedAt.toISOString(), suspendedSince: null, suspendedMs: 0, extensionDays: 0,
      },
      event,
    );
  }

  /**
   * Captures the finding first (refusing to open a case when it shows nothing) and the records behind it,
   * then files the case and appends the captures: a refused finding leaves no case (its number is skipped).
   */
  private async openFromFinding(r: Requester, input: OpenCaseInput, plan: FindingPlan, check: (data: unknown) => EvidenceRequest[]) {
    const now = this.deps.now();
    const id = await this.deps.store.nextCaseId(now.getUTCFullYear());
    const checked = this.checkOpenInput(r, input);
    const finding = await this.capture(r, id, 2, plan.finding);
    const more = check(finding.raw);
    const records = [...plan.records, ...more];
    const captures = [finding];
    for (let i = 0; i < records.length; i += 1) captures.push(await this.capture(r, id, 3 + i, records[i]));
    let doc = await this.file(r, id, { ...checked, kind: input.kind }, now, now);
    for (const c of captures) doc = (await this.deps.store.append(doc, 'evidence', c.body, c.answer)).doc;
    await this.witness(r, doc);
    return { caseId: id };
  }

  private async capture(r: Requester, caseId: string, seq: number, req: EvidenceRequest): Promise<{ body: EvidenceBody; answer: string; raw: unknown }> {
    const { operationName } = checkEvidenceOperation(req, this.deps.settings().evidenceMaxBytes);
    const got = await runEvidenceQuery(this.deps.gatewayUrl(), req, caseId, this.auth(r), this.deps.settings().evidenceTimeoutMs);
    const body: EvidenceBody = {
      type: 'EVIDENCE',
      evidenceId: evidenceId(caseId, seq),
      operation: req.query,
      operationName,
      variables: req.variables ?? {},
      note: req.note ?? null,
      capturedBy: { sub: r.caller.sub, dept: r.caller.dept, purposes: [...r.caller.purposes] },
      capturedAt: this.deps.now().toISOString(),
      answerSha256: got.answerSha256,
      denied: got.denied,
    };
    return { body, answer: got.answer, raw: got.raw };
  }

  /**
   * Asks every participating department to witness the new head. A witness failure does not undo the
   * append (it is stored and chained): it is kept on the case as a warning, and verifyCase reports how far
   * the witnesses reach.
   */
  private async witness(r: Requester, doc: CaseDoc): Promise<void> {
    const results = await witnessHead(this.deps.gatewayUrl(), { caseId: doc._id, seq: doc.seq, hash: doc.headHash }, doc.departments, this.auth(r));
    const failed = results.filter((x) => !x.ok);
    if (failed.length) {
      await this.deps.store.addWarning(doc._id, {
        at: this.deps.now().toISOString(),
        seq: doc.seq,
        message: `link ${doc.seq} not witnessed by ${failed.map((f) => `${f.dept} (${f.error})`).join('; ')}`,
      });
    }
  }

  private async idempotent(r: Requester, key: string | null | undefined, operation: string, args: unknown, run: () => Promise<{ caseId: string; evidenceId?: string }>) {
    if (key === undefined || key === null) return run();
    if (!IDEMPOTENCY_KEY.test(key)) throw badInput('idempotencyKey', 'letters, digits and _ . : -, 1 to 100 characters');
    const scoped = `${r.caller.dept}:${r.caller.sub}:${key}`;
    const prior = await this.deps.store.claim(scoped, operation, args);
    if (prior) return prior;
    try {
      const result = await run();
      await this.deps.store.complete(scoped, result);
      return result;
    } catch (e) {
      await this.deps.store.release(scoped);
      throw e;
    }
  }
}

/** An evidence answer that no longer matches the SHA-256 its chained body recorded at capture. */
function firstEditedAnswer(links: ChainLinkDoc[]): { seq: number; reason: string } | null {
  for (const l of links) {
    if (l.kind !== 'evidence') continue;
    const body = l.body as Partial<EvidenceBody>;
    if (!l.answer || sha256Hex(l.answer) !== body.answerSha256) {
      return { seq: l.seq, reason: `edited evidence answer at seq ${l.seq}: the stored answer's SHA-256 is not the one chained at capture (${String(body.answerSha256).slice(0, 12)}…)` };
    }
  }
  return null;
}

export type { ChainLink };
