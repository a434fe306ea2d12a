import { GraphQLError } from 'graphql';
import { clockOf, isOverdue, nominalDeadline, type ClockFacts } from './clock';
import { changedPaths, checkEvidenceOperation } from './evidence';
import { applyEvent, CASE_STATES, planTransition, TRANSITIONS, type Actor, type CaseState } from './procedure';

const DAY = 86_400_000;
const T0 = Date.parse('2026-09-01T00:00:00Z');
const officer: Actor = { sub: 'o1', dept: 'hrss', roles: ['enforcement-officer'] };
const reviewer: Actor = { sub: 'r1', dept: 'hrss', roles: ['legal-reviewer'] };

function facts(over: Partial<ClockFacts> = {}): ClockFacts {
  return {
    _id: 'LH-2026-000001', state: 'FILED', leadDept: 'hrss', departments: ['housing', 'hrss'], investigators: [], lastReview: null,
    notifiedAt: null, notifyWaived: false, decisions: [], lastEventAt: new Date(T0).toISOString(), suspendedSince: null, suspendedMs: 0,
    extensionDays: 0, filedAt: new Date(T0).toISOString(), deadlineDays: 90, ...over,
  };
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as GraphQLError).extensions?.code as string;
  }
  return undefined;
}

test('every pair of states outside the graph is refused with BAD_USER_INPUT, terminal states included', () => {
  for (const from of CASE_STATES) {
    for (const to of CASE_STATES) {
      if (TRANSITIONS[from].includes(to)) continue;
      expect(() => planTransition(facts({ state: from }), { to }, officer, new Date(T0), new Date(T0), 5)).toThrow(/Allowed next states/);
    }
  }
  expect(TRANSITIONS.CLOSED).toEqual([]);
  expect(TRANSITIONS.DISMISSED).toEqual([]);
  expect(TRANSITIONS.TRANSFERRED).toEqual([]);
});

test('the 陈述申辩 window: refused inside it, allowed after it or when waived', () => {
  const reviewed = facts({ state: 'LEGAL_REVIEW', notifiedAt: new Date(T0).toISOString(), lastReview: { passed: true, by: 'r1', at: new Date(T0).toISOString() } });
  const decision = { type: 'PENALTY' as const, documentNumber: 'X-1', summary: 's' };
  expect(codeOf(() => planTransition(reviewed, { to: 'DECIDED', decision }, officer, new Date(T0 + 4 * DAY), new Date(T0 + 4 * DAY), 5))).toBe('BAD_USER_INPUT');
  expect(planTransition(reviewed, { to: 'DECIDED', decision }, officer, new Date(T0 + 5 * DAY), new Date(T0 + 5 * DAY), 5).decision).toMatchObject({ dept: 'hrss', documentNumber: 'X-1' });
  expect(planTransition(reviewed, { to: 'DECIDED', decision, waived: true }, officer, new Date(T0 + DAY), new Date(T0 + DAY), 5).waived).toBe(true);
});

test('a reviewer who investigated is refused; an officer cannot review', () => {
  const notified = facts({ state: 'NOTIFIED', investigators: ['o1', 'r1'] });
  expect(codeOf(() => planTransition(notified, { to: 'LEGAL_REVIEW', review: { passed: true } }, reviewer, new Date(T0), new Date(T0), 5))).toBe('FORBIDDEN');
  expect(codeOf(() => planTransition(notified, { to: 'LEGAL_REVIEW', review: { passed: true } }, officer, new Date(T0), new Date(T0), 5))).toBe('FORBIDDEN');
  expect(codeOf(() => planTransition(facts({ state: 'NOTIFIED', investigators: ['o1', 'o2'] }), { to: 'LEGAL_REVIEW', review: { passed: true } }, reviewer, new Date(T0), new Date(T0), 5))).toBeUndefined();
});

test('the clock: deadline after its days, stopped while suspended, moved by the suspension and extensions, stopped at the decision', () => {
  let c = facts();
  expect(clockOf(c).deadlineAt?.getTime()).toBe(T0 + 90 * DAY);
  expect(isOverdue(c, new Date(T0 + 91 * DAY))).toBe(true);
  const ev = (action: 'SUSPEND' | 'RESUME' | 'EXTEND', at: number, days?: number) =>
    ({ type: 'CLOCK' as const, at: new Date(at).toISOString(), effectiveAt: new Date(at).toISOString(), by: { sub: 'o1', dept: 'hrss' }, clock: { action, days, reason: 'r' } });
  c = applyEvent(c, ev('SUSPEND', T0 + 10 * DAY));
  expect(clockOf(c)).toEqual({ deadlineAt: null, running: false, suspended: true });
  expect(isOverdue(c, new Date(T0 + 200 * DAY))).toBe(false);
  expect(nominalDeadline(c, new Date(T0 + 30 * DAY)).getTime()).toBe(T0 + 110 * DAY);
  c = applyEvent(c, ev('RESUME', T0 + 30 * DAY));
  c = applyEvent(c, ev('EXTEND', T0 + 31 * DAY, 15));
  expect(clockOf(c).deadlineAt?.getTime()).toBe(T0 + (90 + 20 + 15) * DAY);
  const decided = applyEvent(c, { type: 'TRANSITION', at: '', effectiveAt: new Date(T0 + 200 * DAY).toISOString(), by: { sub: 'o1', dept: 'hrss' }, from: 'LEGAL_REVIEW', to: 'DECIDED' as CaseState });
  expect(isOverdue(decided, new Date(T0 + 300 * DAY))).toBe(false);
});

test('evidence operations: one query only; the size limit counts the variables', () => {
  expect(checkEvidenceOperation({ query: 'query Q { __typename }' }, 100).operationName).toBe('Q');
  expect(() => checkEvidenceOperation({ query: 'query A { a } query B { b }' }, 1000)).toThrow(/exactly one operation, found 2/);
  expect(() => checkEvidenceOperation({ query: '{ a }', variables: { big: 'x'.repeat(200) } }, 100)).toThrow(/over the limit of 100/);
  expect(() => checkEvidenceOperation({ query: 'fragment F on Query { a }' }, 1000)).toThrow(/found 0/);
});

test('changedPaths names leaves and list items that differ', () => {
  expect(changedPaths({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1] } })).toEqual([
    { path: 'a.b', before: '1', after: '2' },
    { path: 'a.c[1]', before: '2', after: null },
  ]);
  expect(changedPaths({ x: null }, { x: { y: 1 } })).toEqual([{ path: 'x', before: 'null', after: '{"y":1}' }]);
});
