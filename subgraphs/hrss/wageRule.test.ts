import { assessProjectMonth, assessWorker, daysBetween, inArrears, monthProblem, payDeadline, wageSettingsFromEnv, type WorkerMonthFacts } from './wageRule';

const s = { payDay: 15, shortTolerance: 0.01 };
const worker = (over: Partial<WorkerMonthFacts> = {}): WorkerMonthFacts => ({
  workerId: 'W1', daysWorked: 20, dailyWageFen: 30_000, paidFen: 600_000, employerUscc: '91350100M000100Y43', ...over,
});

test('pay deadline is the pay day of the following month, clamped to its last day', () => {
  expect(payDeadline('2026-10', 15)).toBe('2026-11-15');
  expect(payDeadline('2026-12', 15)).toBe('2027-01-15');
  expect(payDeadline('2026-01', 31)).toBe('2026-02-28');
  expect(daysBetween('2026-11-15', '2026-11-23')).toBe(8);
});

test('month validation names what is wrong', () => {
  expect(monthProblem('2026-10')).toBeNull();
  expect(monthProblem('2026-13')).toMatch(/no month 13/);
  expect(monthProblem('202610')).toMatch(/YYYY-MM/);
});

test('a worker paid in full, within tolerance, short, or not at all', () => {
  expect(assessWorker(worker(), true, s).state).toBe('PAID');
  expect(assessWorker(worker({ paidFen: 595_000 }), true, s).state).toBe('PAID'); // 0.8% short: tolerated
  const short = assessWorker(worker({ paidFen: 360_000 }), true, s);
  expect(short).toMatchObject({ state: 'SHORT', dueFen: 600_000, owedFen: 240_000 });
  expect(assessWorker(worker({ paidFen: 0 }), true, s)).toMatchObject({ state: 'UNPAID', owedFen: 600_000 });
  expect(assessWorker(worker({ paidFen: 0 }), false, s).state).toBe('NOT_DUE');
  // No registration: the amount due is unknown, but a missing payment is still arrears.
  expect(assessWorker(worker({ paidFen: 0, dailyWageFen: null }), true, s)).toMatchObject({ state: 'UNPAID', owedFen: 0 });
});

test('a project-month is in arrears only after the pay date', () => {
  const workers = [worker(), worker({ workerId: 'W2', paidFen: 0 }), worker({ workerId: 'W3', paidFen: 300_000, employerUscc: 'B' }), worker({ workerId: 'W4', daysWorked: 0, paidFen: 0 })];
  const before = assessProjectMonth('P', '2026-10', workers, '2026-11-15', s);
  expect(before.daysOverdue).toBe(0);
  expect(inArrears(before)).toBe(false);
  const after = assessProjectMonth('P', '2026-10', workers, '2026-11-20', s);
  expect(after).toMatchObject({
    payDeadline: '2026-11-15', daysOverdue: 5, workersWithAttendance: 3, workersPaid: 1, workersUnpaid: 1, workersShort: 1,
    owedFen: 600_000 + 300_000, employerUsccs: ['91350100M000100Y43', 'B'],
  });
  expect(inArrears(after)).toBe(true);
});

test('pay day and tolerance come from the environment', () => {
  process.env.WAGE_PAY_DAY = '10';
  process.env.WAGE_SHORT_TOLERANCE = '0.05';
  try {
    expect(wageSettingsFromEnv()).toEqual({ payDay: 10, shortTolerance: 0.05 });
    process.env.WAGE_PAY_DAY = '40';
    expect(() => wageSettingsFromEnv()).toThrow(/WAGE_PAY_DAY/);
  } finally {
    delete process.env.WAGE_PAY_DAY;
    delete process.env.WAGE_SHORT_TOLERANCE;
  }
});
