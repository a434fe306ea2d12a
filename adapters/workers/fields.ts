/**
 * Field checks shared by the 人社 adapters (roster, attendance, payroll). Each returns the clean value
 * or throws a FieldProblem whose message names the column, so a rejection reads
 * "file:line: 身份证号: check character is 3, GB 11643 gives X".
 */
import { normalizeIdNumber, validateIdNumber } from '../../domain/idNumber';
import { validateProjectCode } from '../../domain/projectCode';
import { checkUscc } from '../../domain/uscc';

export class FieldProblem extends Error {}

function problem(column: string, reason: string): never {
  throw new FieldProblem(`${column}: ${reason}`);
}

export function required(fields: Record<string, string>, column: string): string {
  const v = fields[column];
  if (v === undefined) problem(column, 'column is missing from the header');
  if (v === '') problem(column, 'is empty');
  return v;
}

export function projectCodeField(fields: Record<string, string>, column: string): string {
  const code = required(fields, column).toUpperCase();
  const reason = validateProjectCode(code);
  if (reason) problem(column, reason);
  return code;
}

/** The 6-digit region segment of a project code (chars 6–11): the district, without asking housing. */
export function districtOf(projectCode: string): string {
  return projectCode.slice(5, 11);
}

export function idNumberField(fields: Record<string, string>, column: string): string {
  const id = normalizeIdNumber(required(fields, column));
  const reason = validateIdNumber(id);
  if (reason) problem(column, reason);
  return id;
}

/** A credit code failing only its check character is kept with a flag (GB 32100 pilot-region codes). */
export function usccField(fields: Record<string, string>, column: string): { uscc: string; flag: string | null } {
  const uscc = required(fields, column).toUpperCase();
  const check = checkUscc(uscc);
  if (check.status === 'invalid') problem(column, check.reason);
  return { uscc, flag: check.status === 'checksum-mismatch' ? check.reason : null };
}

const DATE = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/;

/** YYYY-MM-DD (also YYYYMMDD or YYYY/MM/DD as banks write it), a real calendar date. */
export function dateField(fields: Record<string, string>, column: string): string {
  const v = required(fields, column);
  const m = DATE.exec(v);
  if (!m) problem(column, `"${v}" is not a date (YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    problem(column, `"${v}" is not a calendar date`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** YYYY-MM (also YYYYMM). */
export function monthField(fields: Record<string, string>, column: string): string {
  const v = required(fields, column);
  const m = /^(\d{4})-?(\d{2})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) problem(column, `"${v}" is not a month (YYYY-MM)`);
  return `${m[1]}-${m[2]}`;
}

/** A positive amount of yuan with at most two decimals, returned in fen (分). */
export function yuanField(fields: Record<string, string>, column: string): number {
  const v = required(fields, column).replace(/,/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(v)) problem(column, `"${v}" is not an amount of yuan (up to two decimals)`);
  const [whole, frac = ''] = v.split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (fen <= 0) problem(column, 'must be more than zero');
  return fen;
}

/** HH:MM, or empty when optional. */
export function timeField(fields: Record<string, string>, column: string): string | null {
  const v = fields[column] ?? '';
  if (v === '') return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) problem(column, `"${v}" is not a time (HH:MM)`);
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

export function phoneField(fields: Record<string, string>, column: string): string {
  const v = required(fields, column).replace(/[\s-]/g, '');
  if (!/^1[3-9]\d{9}$/.test(v)) problem(column, `"${v}" is not a mainland mobile number (11 digits starting 13–19)`);
  return v;
}

export function bankAccountField(fields: Record<string, string>, column: string): string {
  const v = required(fields, column).replace(/\s/g, '');
  if (!/^\d{12,19}$/.test(v)) problem(column, `"${v}" is not a bank card number (12–19 digits)`);
  return v;
}

export function nameField(fields: Record<string, string>, column: string): string {
  const v = required(fields, column);
  if (v.length > 30) problem(column, 'is longer than 30 characters');
  return v;
}

/** Runs a record parser: the document, or the reason it was rejected. */
export function parseOrReason<T>(parse: () => T): { doc: T; reason?: undefined } | { reason: string; doc?: undefined } {
  try {
    return { doc: parse() };
  } catch (e) {
    if (e instanceof FieldProblem) return { reason: e.message };
    throw e;
  }
}
