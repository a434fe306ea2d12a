/**
 * The administrative-penalty procedure (行政处罚法, 2021 revision) as a transition graph with guards.
 * Pure: the case store reads the case, asks `planTransition` whether the caller may move it, appends
 * the event the plan returns and applies it to the case with `applyEvent`.
 */
import { GraphQLError } from 'graphql';
import { ENFORCEMENT_TEAM_ROLES, OFFICER_ROLE, REVIEWER_ROLE } from '../../../lib/auth/roles';
import { badInput, ErrorCode, forbidden } from '../../../lib/errors';

export const CASE_STATES = [
  'FILED', 'INVESTIGATING', 'NOTIFIED', 'HEARING', 'LEGAL_REVIEW', 'DECIDED', 'SERVED', 'ENFORCING', 'CLOSED', 'DISMISSED', 'TRANSFERRED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_KINDS = ['WAGE_ARREARS', 'DUST', 'NOISE', 'BEYOND_PERMIT', 'OTHER'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const DECISION_TYPES = ['PENALTY', 'ORDER_TO_PAY', 'CREDIT_LISTING', 'NO_PENALTY'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/**
 * Allowed next states. DISMISSED (撤销立案 / 不予处罚, art. 57) and TRANSFERRED (移送司法机关, art. 27,
 * e.g. 拒不支付劳动报酬罪) only before a decision; a decided case is served and enforced or closed.
 * LEGAL_REVIEW may send the case back to INVESTIGATING (补充调查) when the review does not pass.
 */
export const TRANSITIONS: Record<CaseState, readonly CaseState[]> = {
  FILED: ['INVESTIGATING', 'DISMISSED', 'TRANSFERRED'],
  INVESTIGATING: ['NOTIFIED', 'DISMISSED', 'TRANSFERRED'],
  NOTIFIED: ['HEARING', 'LEGAL_REVIEW', 'DISMISSED', 'TRANSFERRED'],
  HEARING: ['LEGAL_REVIEW', 'DISMISSED', 'TRANSFERRED'],
  LEGAL_REVIEW: ['DECIDED', 'INVESTIGATING', 'DISMISSED', 'TRANSFERRED'],
  DECIDED: ['SERVED'],
  SERVED: ['ENFORCING', 'CLOSED'],
  ENFORCING: ['CLOSED'],
  CLOSED: [],
  DISMISSED: [],
  TRANSFERRED: [],
};

/** States that stop the FILED → DECIDED clock for good. */
export const CLOCK_STOPPED_STATES: readonly CaseState[] = ['DECIDED', 'SERVED', 'ENFORCING', 'CLOSED', 'DISMISSED', 'TRANSFERRED'];

export { OFFICER_ROLE, REVIEWER_ROLE };
/** Roles of a department's enforcement team that may write to a case. */
export const WRITE_ROLES = ENFORCEMENT_TEAM_ROLES;

export interface Actor { sub: string; dept: string; roles: string[] }

export interface DecisionRecord {
  dept: string;
  type: DecisionType;
  documentNumber: string;
  summary: string;
  amount: number | null;
  decidedAt: string;
  by: string;
}

/** The case as the guards see it (a projection of its events). */
export interface CaseFacts {
  _id: string;
  state: CaseState;
  leadDept: string;
  departments: string[];
  investigators: string[];
  lastReview: { passed: boolean; by: string; at: string } | null;
  notifiedAt: string | null;
  notifyWaived: boolean;
  decisions: DecisionRecord[];
  lastEventAt: string;
  suspendedSince: string | null;
  suspendedMs: number;
  extensionDays: number;
}

export interface TransitionRequest {
  to: CaseState;
  note?: string | null;
  officers?: string[] | null;
  review?: { passed: boolean; opinion?: string | null } | null;
  waived?: boolean | null;
  decision?: { type: DecisionType; documentNumber: string; summary: string; amount?: number | null } | null;
}

/** The body of an event link; `at` is when it was recorded, `effectiveAt` when it happened. */
export interface CaseEvent {
  type: 'FILED' | 'TRANSITION' | 'CLOCK' | 'DECISION';
  at: string;
  effectiveAt: string;
  by: { sub: string; dept: string };
  from?: CaseState;
  to?: CaseState;
  note?: string | null;
  officers?: string[];
  review?: { passed: boolean; opinion: string | null };
  waived?: boolean;
  decision?: Omit<DecisionRecord, 'decidedAt' | 'by'>;
  clock?: { action: 'SUSPEND' | 'RESUME' | 'EXTEND'; days?: number; reason: string };
  /** FILED only: what the case is about. */
  filing?: Record<string, unknown>;
}

const DAY_MS = 86_400_000;

function conditionFailed(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}

export function requireWriter(actor: Actor, facts: Pick<CaseFacts, '_id' | 'departments'>): void {
  if (!facts.departments.includes(actor.dept)) throw forbidden(`Case ${facts._id}: ${actor.dept} does not take part in it`, { caseId: facts._id });
  if (!actor.roles.some((r) => (WRITE_ROLES as readonly string[]).includes(r))) {
    throw forbidden(`Case ${facts._id}: writing needs one of the roles ${WRITE_ROLES.join(', ')} of a participating department's team`, {
      caseId: facts._id,
      requiredRoles: [...WRITE_ROLES],
    });
  }
}

function officersOf(req: TransitionRequest): string[] {
  return [...new Set((req.officers ?? []).map((o) => o.trim()).filter(Boolean))];
}

/**
 * Checks one move; returns the event to append. Throws BAD_USER_INPUT naming the allowed next states for
 * a move outside the graph, or the condition that does not hold (two officers, the legal review, the
 * 陈述申辩 window), and FORBIDDEN for a caller who may not make it.
 */
export function planTransition(facts: CaseFacts, req: TransitionRequest, actor: Actor, now: Date, effectiveAt: Date, notifyDays: number): CaseEvent {
  requireWriter(actor, facts);
  const allowed = TRANSITIONS[facts.state];
  if (!allowed.includes(req.to)) {
    throw conditionFailed(
      `Case ${facts._id} is ${facts.state}: it cannot move to ${req.to}. Allowed next states: ${allowed.length ? allowed.join(', ') : 'none (the case is finished)'}`,
      { argument: 'to', caseId: facts._id, state: facts.state, allowed: [...allowed] },
    );
  }
  const event: CaseEvent = {
    type: 'TRANSITION',
    at: now.toISOString(),
    effectiveAt: effectiveAt.toISOString(),
    by: { sub: actor.sub, dept: actor.dept },
    from: facts.state,
    to: req.to,
    note: req.note ?? null,
  };
  if (req.to === 'INVESTIGATING') {
    const officers = officersOf(req);
    // 行政处罚法 art. 42: investigation by at least two law-enforcement officers.
    if (officers.length < 2) throw badInput('officers', `an investigation needs at least two officers (行政处罚法 第四十二条), got ${officers.length}`);
    if (!actor.roles.includes(OFFICER_ROLE)) throw forbidden(`Case ${facts._id}: only an ${OFFICER_ROLE} starts an investigation`, { requiredRoles: [OFFICER_ROLE] });
    event.officers = officers;
  }
  if (req.to === 'LEGAL_REVIEW') {
    // 法制审核 (art. 58) by a reviewer who did not investigate the case.
    if (!actor.roles.includes(REVIEWER_ROLE)) throw forbidden(`Case ${facts._id}: the legal review (法制审核) is recorded by a ${REVIEWER_ROLE}`, { requiredRoles: [REVIEWER_ROLE] });
    if (facts.investigators.includes(actor.sub)) {
      throw forbidden(`Case ${facts._id}: ${actor.sub} investigated this case and cannot review it (法制审核 must be independent)`, { caseId: facts._id });
    }
    if (!req.review) throw badInput('review', 'moving to LEGAL_REVIEW records the review: give { passed, opinion }');
    event.review = { passed: req.review.passed, opinion: req.review.opinion ?? null };
  }
  if (req.to === 'DECIDED') {
    if (!facts.lastReview?.passed) throw conditionFailed(`Case ${facts._id}: no decision without a passed legal review (法制审核); the last review did not pass`, { caseId: facts._id });
    const windowEnds = facts.notifiedAt ? Date.parse(facts.notifiedAt) + notifyDays * DAY_MS : 0;
    const waived = facts.notifyWaived || req.waived === true;
    if (!waived && effectiveAt.getTime() < windowEnds) {
      throw conditionFailed(
        `Case ${facts._id}: the party's 陈述申辩 window (${notifyDays} days from ${facts.notifiedAt}) ends ${new Date(windowEnds).toISOString()}; decide after it or record that the party waived it (waived: true)`,
        { caseId: facts._id, windowEnds: new Date(windowEnds).toISOString() },
      );
    }
    if (req.waived) event.waived = true;
    if (!req.decision) throw badInput('decision', `moving to DECIDED records the deciding department's own decision (${actor.dept}): give { type, documentNumber, summary }`);
    event.decision = planDecision(facts, req.decision, actor);
  } else if (req.decision) {
    throw badInput('decision', 'a decision is recorded when the case moves to DECIDED (or later with recordDecision)');
  }
  if (req.to === 'NOTIFIED' && req.waived) event.waived = true;
  return event;
}

/** Each department decides under its own authority, with its own document number; never a joint decision. */
export function planDecision(facts: CaseFacts, d: NonNullable<TransitionRequest['decision']>, actor: Actor): NonNullable<CaseEvent['decision']> {
  if (!d.documentNumber.trim()) throw badInput('decision.documentNumber', 'the decision needs its document number (决定书文号)');
  if (!d.summary.trim()) throw badInput('decision.summary', 'the decision needs a summary');
  if (d.amount !== undefined && d.amount !== null && !(d.amount >= 0)) throw badInput('decision.amount', 'must be ≥ 0');
  if (facts.decisions.some((x) => x.dept === actor.dept)) throw conditionFailed(`Case ${facts._id}: ${actor.dept} has already recorded its decision`, { caseId: facts._id });
  return { dept: actor.dept, type: d.type, documentNumber: d.documentNumber.trim(), summary: d.summary.trim(), amount: d.amount ?? null };
}

/** Applies one event to the case projection (also used to rebuild a case from its chain). */
export function applyEvent<F extends CaseFacts>(facts: F, e: CaseEvent): F {
  const next: F = { ...facts, lastEventAt: e.effectiveAt };
  if (e.type === 'TRANSITION' && e.to) {
    next.state = e.to;
    if (e.officers) next.investigators = [...new Set([...facts.investigators, ...e.officers])];
    if (e.review) next.lastReview = { passed: e.review.passed, by: e.by.sub, at: e.effectiveAt };
    if (e.to === 'NOTIFIED') {
      next.notifiedAt = e.effectiveAt;
      next.notifyWaived = e.waived === true;
    }
    if (e.to === 'DECIDED' && e.waived) next.notifyWaived = true;
    if (CLOCK_STOPPED_STATES.includes(e.to) && facts.suspendedSince) {
      next.suspendedMs = facts.suspendedMs + (Date.parse(e.effectiveAt) - Date.parse(facts.suspendedSince));
      next.suspendedSince = null;
    }
  }
  if (e.decision) next.decisions = [...facts.decisions, { ...e.decision, decidedAt: e.effectiveAt, by: e.by.sub }];
  if (e.clock?.action === 'SUSPEND') next.suspendedSince = e.effectiveAt;
  if (e.clock?.action === 'RESUME' && facts.suspendedSince) {
    next.suspendedMs = facts.suspendedMs + (Date.parse(e.effectiveAt) - Date.parse(facts.suspendedSince));
    next.suspendedSince = null;
  }
  if (e.clock?.action === 'EXTEND') next.extensionDays = facts.extensionDays + (e.clock.days ?? 0);
  return next;
}
