/**
 * Field checks shared by the provincial construction platform's feeds (permits, progress). Each
 * returns the clean value or throws an InvalidRecord whose message is the rejection reason.
 */
import { validateProjectCode } from '../../domain/projectCode';

export class InvalidRecord extends Error {}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Runs a parser that throws InvalidRecord; any other error is a bug and propagates. */
export function parseWith<T>(parse: () => T): Parsed<T> {
  try {
    return { ok: true, value: parse() };
  } catch (e) {
    if (e instanceof InvalidRecord) return { ok: false, reason: e.message };
    throw e;
  }
}

export function invalid(reason: string): never {
  throw new InvalidRecord(reason);
}

export function asObject(value: unknown, what = 'record'): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) invalid(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

export function requiredString(o: Record<string, unknown>, key: string, maxLength = 200): string {
  const v = o[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) invalid(`${key} is missing`);
  if (typeof v !== 'string') invalid(`${key} must be a string`);
  const s = v.trim();
  if (s.length > maxLength) invalid(`${key} is longer than ${maxLength} characters`);
  return s;
}

export function optionalString(o: Record<string, unknown>, key: string, maxLength = 500): string | null {
  const v = o[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') invalid(`${key} must be a string`);
  if (v.length > maxLength) invalid(`${key} is longer than ${maxLength} characters`);
  return v.trim() || null;
}

export function projectCodeField(o: Record<string, unknown>, key = 'projectCode'): string {
  const code = requiredString(o, key, 40);
  const problem = validateProjectCode(code);
  if (problem) invalid(`${key} "${code}" ${problem}`);
  return code;
}

/** An ISO calendar date YYYY-MM-DD that exists (no 2月30日). */
export function isoDateField(o: Record<string, unknown>, key: string): string {
  const s = requiredString(o, key, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) invalid(`${key} "${s}" is not a date YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    invalid(`${key} "${s}" is not a calendar date`);
  }
  if (y < 1990 || y > 2100) invalid(`${key} "${s}" is out of range`);
  return s;
}

/** A finite number in [min, max]; numeric strings are accepted because platform exports vary. */
export function numberField(o: Record<string, unknown>, key: string, min: number, max: number): number {
  const v = o[key];
  if (v === undefined || v === null || v === '') invalid(`${key} is missing`);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n)) invalid(`${key} must be a number`);
  if (n < min || n > max) invalid(`${key} ${n} is out of range ${min}..${max}`);
  return n;
}

export function integerField(o: Record<string, unknown>, key: string, min: number, max: number): number {
  const n = numberField(o, key, min, max);
  if (!Number.isInteger(n)) invalid(`${key} ${n} must be a whole number`);
  return n;
}
