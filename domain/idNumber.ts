/**
 * Citizen ID number 居民身份证号码, GB 11643-1999 (STANDARDS §2): 6-digit address code, birth date
 * YYYYMMDD (a real calendar date, not in the future), 3-digit order code, check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PATTERN = /^[1-9]\d{5}(18|19|20)\d{2}\d{4}\d{3}[0-9X]$/;

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Returns null when valid, otherwise what is wrong. Lower-case x is accepted as X by normalizeIdNumber. */
export function validateIdNumber(id: string, today: Date = new Date()): string | null {
  if (typeof id !== 'string' || id.length !== 18) return `ID number must be 18 characters, got ${typeof id === 'string' ? id.length : typeof id}`;
  if (!PATTERN.test(id)) return 'ID number must be 17 digits and a digit or X, starting with a non-zero address code and a birth year 18xx–20xx';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `birth date ${id.slice(6, 14)} is not a calendar date`;
  }
  if (date.getTime() > today.getTime()) return `birth date ${id.slice(6, 14)} is in the future`;
  const expected = idCheckChar(id.slice(0, 17));
  if (expected !== id[17]) return `check character is ${id[17]}, GB 11643 gives ${expected}`;
  return null;
}

export function normalizeIdNumber(id: string): string {
  return id.trim().toUpperCase();
}
