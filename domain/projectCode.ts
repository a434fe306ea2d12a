/**
 * National fixed-asset investment project code 投资项目统一代码, GB/T 40058-2021 (STANDARDS §3):
 * `YYYY-RRRRRR-DD-TT-NNNNNC`, 24 characters. Its check-character algorithm is unconfirmed, so only
 * the format is validated; existence is for the provincial platform to confirm.
 */
export const PROJECT_CODE_PATTERN = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-([0-9A-Z]{6})$/;

/** Returns null when the code is well-formed, otherwise what is wrong with it. */
export function validateProjectCode(code: string): string | null {
  if (typeof code !== 'string') return 'must be a string';
  if (code.length !== 24) return `must be 24 characters (YYYY-RRRRRR-DD-TT-NNNNNC), got ${code.length}`;
  const m = PROJECT_CODE_PATTERN.exec(code);
  if (!m) return 'must match YYYY-RRRRRR-DD-TT-NNNNNC (digits, and digits or capital letters in the last segment)';
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) return `year segment ${m[1]} is out of range`;
  return null;
}
