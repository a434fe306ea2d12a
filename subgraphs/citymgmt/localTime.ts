/**
 * City-local time. Native files write local wall-clock times without an offset (Beijing time), and
 * "night" is a local-time notion (GB 12523: 22:00–06:00 unless local rules say otherwise), so both the
 * offset and the night hours are configurable:
 * - CITY_UTC_OFFSET_MINUTES (default 480, UTC+8)
 * - CITYMGMT_NIGHT_START_HOUR (default 22), CITYMGMT_NIGHT_END_HOUR (default 6)
 */
import { envInt } from '../../lib/config';

export function cityUtcOffsetMinutes(): number {
  return envInt('CITY_UTC_OFFSET_MINUTES', 480);
}

export function nightHours(): { start: number; end: number } {
  return { start: envInt('CITYMGMT_NIGHT_START_HOUR', 22), end: envInt('CITYMGMT_NIGHT_END_HOUR', 6) };
}

const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

function validCalendar(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/**
 * Parses `YYYY-MM-DD HH:mm[:ss]` (also with `/` or `T`; city-local time) or ISO 8601 with `Z` or an
 * offset. A bare date means local midnight. Returns a reason instead of a Date when it is not a
 * real point in time.
 */
export function parseCityTimestamp(value: string, offsetMinutes = cityUtcOffsetMinutes()): Date | string {
  const v = value.trim();
  if (!v) return 'timestamp is empty';
  const z = WITH_ZONE.exec(v);
  if (z) {
    const [y, mo, d, h, mi, s] = [z[1], z[2], z[3], z[4], z[5], z[6] ?? '0'].map(Number);
    if (!validCalendar(y, mo, d, h, mi, s)) return `"${value}" is not a real date and time`;
    const t = Date.parse(v);
    return Number.isNaN(t) ? `"${value}" is not a valid ISO 8601 timestamp` : new Date(t);
  }
  const m = LOCAL.exec(v);
  if (!m) return `"${value}" is not a timestamp (expected YYYY-MM-DD HH:mm:ss local time, or ISO 8601 with an offset)`;
  const [y, mo, d, h, mi, s, ms] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0', (m[7] ?? '0').padEnd(3, '0')].map(Number);
  if (!validCalendar(y, mo, d, h, mi, s)) return `"${value}" is not a real date and time`;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000);
}

/** Local hour of day (0–23) of an instant. */
export function localHour(at: Date, offsetMinutes = cityUtcOffsetMinutes()): number {
  return new Date(at.getTime() + offsetMinutes * 60_000).getUTCHours();
}

/** Whether an instant falls in the configured night hours (which may wrap past midnight). */
export function isNightTime(at: Date, hours = nightHours(), offsetMinutes = cityUtcOffsetMinutes()): boolean {
  const h = localHour(at, offsetMinutes);
  return hours.start > hours.end ? h >= hours.start || h < hours.end : h >= hours.start && h < hours.end;
}

/** `YYYY-MM-DDTHH:mm:ss+08:00` — the instant as city-local time with its offset. */
export function formatCityTimestamp(at: Date, offsetMinutes = cityUtcOffsetMinutes()): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
