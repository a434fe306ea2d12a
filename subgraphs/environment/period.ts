/**
 * Period arguments: a local (UTC+8) date `YYYY-MM-DD` (its midnight) or an ISO-8601 date-time; [from, to),
 * at most 92 days — at most EXCEEDANCES_MAX_DAYS (default 31) for exceedances, which scan every station
 * of the city for the whole period (issue 16: four 2.5-month scans at once took 10 s each).
 */
import { envInt } from '../../lib/config';
import { badInput } from '../../lib/errors';

export const MAX_PERIOD_DAYS = 92;

/** The longest period `exceedances` and `exceedanceSummary` cover (EXCEEDANCES_MAX_DAYS, default 31: any calendar month). */
export function exceedancesMaxDays(): number {
  const days = envInt('EXCEEDANCES_MAX_DAYS', 31);
  if (days < 1 || days > MAX_PERIOD_DAYS) throw new Error(`EXCEEDANCES_MAX_DAYS must be between 1 and ${MAX_PERIOD_DAYS}, got ${days}`);
  return days;
}

function parseInstant(value: string, argument: string): Date {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const d = new Date(text);
  if (!valid || Number.isNaN(d.getTime())) {
    throw badInput(argument, `"${value}" is not a date YYYY-MM-DD or an ISO-8601 date-time with offset`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) !== value) {
    throw badInput(argument, `"${value}" is not a calendar date`);
  }
  return d;
}

export interface Period {
  from: Date;
  to: Date;
}

/** `maxDays` (and the setting that sets it, named in the error) bound the period; default 92 days. */
export function parsePeriod(from: string, to: string, maxDays = MAX_PERIOD_DAYS, setting?: string): Period {
  const f = parseInstant(from, 'from');
  const t = parseInstant(to, 'to');
  if (t <= f) throw badInput('to', `must be after from (${from})`);
  if (t.getTime() - f.getTime() > maxDays * 86_400_000) {
    throw badInput('to', `the period may span at most ${maxDays} days${setting ? ` (${setting})` : ''}; ask for shorter periods one after another`);
  }
  return { from: f, to: t };
}

/** The period of an exceedance query: at most EXCEEDANCES_MAX_DAYS. */
export function parseExceedancePeriod(from: string, to: string): Period {
  return parsePeriod(from, to, exceedancesMaxDays(), 'EXCEEDANCES_MAX_DAYS');
}

export function periodKey(p: Period): string {
  return `${p.from.getTime()}-${p.to.getTime()}`;
}
