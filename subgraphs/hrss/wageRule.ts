/**
 * The wage-arrears rule (保障农民工工资支付条例 Art 12–15): a worker with attendance in a month must be
 * paid in full by the pay date. After that date a worker is in arrears when nothing was paid
 * ("missing") or less than days worked × agreed daily wage, minus a tolerance ("short").
 * Pay day (WAGE_PAY_DAY, default 15 of the following month) and tolerance (WAGE_SHORT_TOLERANCE, a
 * fraction of the amount due, default 0.01) are configuration: contracts and local rules differ.
 */
import { readEnv } from '../../lib/config';

export interface WageSettings {
  /** Day of the following month by which a month's wages are due (clamped to the month's last day). */
  payDay: number;
  /** Paid ≥ due × (1 − tolerance) counts as paid in full. */
  shortTolerance: number;
}

export function wageSettingsFromEnv(): WageSettings {
  const payDay = Number(readEnv('WAGE_PAY_DAY') ?? 15);
  const shortTolerance = Number(readEnv('WAGE_SHORT_TOLERANCE') ?? 0.01);
  if (!Number.isInteger(payDay) || payDay < 1 || payDay > 31) throw new Error(`WAGE_PAY_DAY must be a day 1–31, got ${readEnv('WAGE_PAY_DAY')}`);
  if (!(shortTolerance >= 0 && shortTolerance < 1)) throw new Error(`WAGE_SHORT_TOLERANCE must be a fraction in [0, 1), got ${readEnv('WAGE_SHORT_TOLERANCE')}`);
  return { payDay, shortTolerance };
}

/** Null when `month` is YYYY-MM, otherwise what is wrong. */
export function monthProblem(month: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return `"${month}" is not a month in the form YYYY-MM`;
  if (Number(m[2]) < 1 || Number(m[2]) > 12) return `"${month}" has no month ${m[2]}`;
  return null;
}

export function dateProblem(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return `"${date}" is not a date in the form YYYY-MM-DD`;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) return `"${date}" is not a calendar date`;
  return null;
}

/** The date by which the wages of `month` must be paid: payDay of the following month. */
export function payDeadline(month: string, payDay: number): string {
  const [y, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(payDay, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/** Today in China Standard Time (UTC+8), the calendar the pay dates are in. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What is known about one worker on one project for one month. */
export interface WorkerMonthFacts {
  workerId: string;
  daysWorked: number;
  /** Agreed daily wage in fen; null when the worker has no registration. */
  dailyWageFen: number | null;
  /** Successful transfers for the month made up to the evaluation date, in fen. */
  paidFen: number;
  employerUscc: string | null;
}

export type WorkerWageState = 'PAID' | 'UNPAID' | 'SHORT' | 'NOT_DUE';

export interface WorkerAssessment extends WorkerMonthFacts {
  state: WorkerWageState;
  dueFen: number | null;
  owedFen: number;
}

export function assessWorker(f: WorkerMonthFacts, overdue: boolean, s: WageSettings): WorkerAssessment {
  const dueFen = f.dailyWageFen === null ? null : f.daysWorked * f.dailyWageFen;
  if (!overdue) return { ...f, state: 'NOT_DUE', dueFen, owedFen: 0 };
  if (f.paidFen === 0 && f.daysWorked > 0) return { ...f, state: 'UNPAID', dueFen, owedFen: dueFen ?? 0 };
  if (dueFen !== null && f.paidFen < dueFen * (1 - s.shortTolerance)) {
    return { ...f, state: 'SHORT', dueFen, owedFen: dueFen - f.paidFen };
  }
  return { ...f, state: 'PAID', dueFen, owedFen: 0 };
}

export interface ProjectMonthAssessment {
  projectCode: string;
  month: string;
  payDeadline: string;
  /** asOf − deadline in days; 0 or less means not yet due. */
  daysOverdue: number;
  workersWithAttendance: number;
  workersPaid: number;
  workersUnpaid: number;
  workersShort: number;
  owedFen: number;
  /** Employers of the workers in arrears. */
  employerUsccs: string[];
}

/** Applies the rule to every worker of one project-month, evaluated on `asOf`. */
export function assessProjectMonth(
  projectCode: string, month: string, workers: WorkerMonthFacts[], asOf: string, s: WageSettings,
): ProjectMonthAssessment {
  const deadline = payDeadline(month, s.payDay);
  const daysOverdue = daysBetween(deadline, asOf);
  const assessed = workers.filter((w) => w.daysWorked > 0).map((w) => assessWorker(w, daysOverdue > 0, s));
  const inArrears = assessed.filter((w) => w.state === 'UNPAID' || w.state === 'SHORT');
  return {
    projectCode,
    month,
    payDeadline: deadline,
    daysOverdue,
    workersWithAttendance: assessed.length,
    workersPaid: assessed.filter((w) => w.state === 'PAID').length,
    workersUnpaid: assessed.filter((w) => w.state === 'UNPAID').length,
    workersShort: assessed.filter((w) => w.state === 'SHORT').length,
    owedFen: inArrears.reduce((sum, w) => sum + w.owedFen, 0),
    employerUsccs: [...new Set(inArrears.map((w) => w.employerUscc).filter((u): u is string => u !== null))].sort(),
  };
}

export function inArrears(a: ProjectMonthAssessment): boolean {
  return a.daysOverdue > 0 && a.workersUnpaid + a.workersShort > 0;
}

/**
 * The workers behind a project-month's arrears on `asOf` (the same rule and the same workers as
 * assessProjectMonth counts), largest amount owed first, then by pseudonym so the order is stable.
 */
export function workersInArrears(workers: WorkerMonthFacts[], month: string, asOf: string, s: WageSettings): WorkerAssessment[] {
  const overdue = daysBetween(payDeadline(month, s.payDay), asOf) > 0;
  return workers
    .filter((w) => w.daysWorked > 0)
    .map((w) => assessWorker(w, overdue, s))
    .filter((w) => w.state === 'UNPAID' || w.state === 'SHORT')
    .sort((a, b) => b.owedFen - a.owedFen || a.workerId.localeCompare(b.workerId));
}
