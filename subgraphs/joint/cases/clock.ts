/**
 * The FILED → DECIDED clock (行政处罚法 art. 60: 90 days from filing unless the law says otherwise):
 * days configurable per kind, suspended while e.g. an expert appraisal runs (中止), extended by approval
 * (延长). The case stores the resulting deadline so that `cases(filter: { overdue: true })` is one query.
 */
import { badInput } from '../../../lib/errors';
import { CLOCK_STOPPED_STATES, OFFICER_ROLE, requireWriter, type Actor, type CaseEvent, type CaseFacts } from './procedure';
import { forbidden } from '../../../lib/errors';

const DAY_MS = 86_400_000;

export interface ClockFacts extends CaseFacts {
  filedAt: string;
  deadlineDays: number;
}

export interface ClockView {
  /** When the limit runs out; null while the clock is suspended or once it stopped (decided or ended). */
  deadlineAt: Date | null;
  running: boolean;
  suspended: boolean;
}

export function clockOf(c: ClockFacts): ClockView {
  const stopped = CLOCK_STOPPED_STATES.includes(c.state);
  const suspended = !stopped && c.suspendedSince !== null;
  if (stopped || suspended) return { deadlineAt: null, running: false, suspended };
  const end = Date.parse(c.filedAt) + (c.deadlineDays + c.extensionDays) * DAY_MS + c.suspendedMs;
  return { deadlineAt: new Date(end), running: true, suspended: false };
}

/** The deadline as shown to people: also while suspended (as it stood), and for decided cases. */
export function nominalDeadline(c: ClockFacts, now: Date): Date {
  const ongoing = c.suspendedSince ? Math.max(0, now.getTime() - Date.parse(c.suspendedSince)) : 0;
  return new Date(Date.parse(c.filedAt) + (c.deadlineDays + c.extensionDays) * DAY_MS + c.suspendedMs + ongoing);
}

export function isOverdue(c: ClockFacts, now: Date): boolean {
  const { deadlineAt } = clockOf(c);
  return deadlineAt !== null && deadlineAt.getTime() < now.getTime();
}

export type ClockAction = 'SUSPEND' | 'RESUME' | 'EXTEND';

export function planClockEvent(
  c: ClockFacts,
  req: { action: ClockAction; days?: number | null; reason: string },
  actor: Actor,
  now: Date,
  effectiveAt: Date,
): CaseEvent {
  requireWriter(actor, c);
  if (!actor.roles.includes(OFFICER_ROLE)) throw forbidden(`Case ${c._id}: only an ${OFFICER_ROLE} suspends, resumes or extends the clock`, { requiredRoles: [OFFICER_ROLE] });
  if (CLOCK_STOPPED_STATES.includes(c.state)) throw badInput('action', `case ${c._id} is ${c.state}: its FILED → DECIDED clock has stopped`);
  if (!req.reason.trim()) throw badInput('reason', 'say why the clock is suspended, resumed or extended');
  if (req.action === 'SUSPEND' && c.suspendedSince) throw badInput('action', `case ${c._id}'s clock is already suspended since ${c.suspendedSince}`);
  if (req.action === 'RESUME' && !c.suspendedSince) throw badInput('action', `case ${c._id}'s clock is not suspended`);
  if (req.action === 'EXTEND' && !(Number.isInteger(req.days) && (req.days as number) >= 1 && (req.days as number) <= 365)) {
    throw badInput('days', 'an extension is a whole number of days, 1 to 365');
  }
  if (req.action !== 'EXTEND' && req.days != null) throw badInput('days', 'only EXTEND takes days');
  return {
    type: 'CLOCK',
    at: now.toISOString(),
    effectiveAt: effectiveAt.toISOString(),
    by: { sub: actor.sub, dept: actor.dept },
    clock: { action: req.action, ...(req.action === 'EXTEND' ? { days: req.days as number } : {}), reason: req.reason.trim() },
  };
}
