/**
 * Unified social credit code 统一社会信用代码, GB 32100-2015 (STANDARDS §1).
 * Characters 0-9 and A-Y without I, O, S, V, Z; weights 3^(i-1) mod 31; check = (31 − Σ mod 31) mod 31.
 * Some early pilot-region codes are legal yet fail the check: such codes are kept and flagged for
 * review, never silently accepted and never dropped.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`character "${first17[i]}" at position ${i + 1} is not allowed in a credit code`);
    sum += v * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccCheck =
  | { status: 'valid' }
  /** Well-formed but the check character fails: keep it, flag it for manual review. */
  | { status: 'checksum-mismatch'; expected: string; reason: string }
  | { status: 'invalid'; reason: string };

export function checkUscc(code: string): UsccCheck {
  if (typeof code !== 'string' || code.length !== 18) {
    return { status: 'invalid', reason: `credit code must be 18 characters, got ${typeof code === 'string' ? code.length : typeof code}` };
  }
  if (!USCC_PATTERN.test(code)) {
    return { status: 'invalid', reason: 'credit code has characters outside GB 32100 (I, O, S, V, Z are never used; positions 3–8 are digits)' };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) {
    return { status: 'checksum-mismatch', expected, reason: `check character is ${code[17]}, GB 32100 gives ${expected}: flagged for review` };
  }
  return { status: 'valid' };
}
