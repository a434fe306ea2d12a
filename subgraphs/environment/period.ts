/** Period arguments: a local (UTC+8) date `YYYY-MM-DD` (its midnight) or an ISO-8601 date-time; [from, to), at most 92 days. */
import { badInput } from '../../lib/errors';

export const MAX_PERIOD_DAYS = 92;

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

export function parsePeriod(from: string, to: string): Period {
  const f = parseInstant(from, 'from');
  const t = parseInstant(to, 'to');
  if (t <= f) throw badInput('to', `must be after from (${from})`);
  if (t.getTime() - f.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw badInput('to', `the period may span at most ${MAX_PERIOD_DAYS} days`);
  return { from: f, to: t };
}

export function periodKey(p: Period): string {
  return `${p.from.getTime()}-${p.to.getTime()}`;
}
