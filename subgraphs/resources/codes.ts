/**
 * Identifiers of the 自然资源 silo.
 *
 * 宗地代码 (parcel code): the cadastral layout is 6-digit GB/T 2260 district + 地籍区 (3 digits)
 * [+ 地籍子区 (3 digits)] + 2-letter 宗地特征码 (e.g. GB 国有建设用地, JC 集体建设用地) + 5-digit
 * 宗地顺序号. That layout is [MEMORY] (STANDARDS has no checked source), and local systems drop the
 * 地籍子区, so the pattern is configurable with PARCEL_CODE_PATTERN.
 */
import { readEnv } from '../../lib/config';

const DEFAULT_PARCEL_CODE_PATTERN = '^\\d{6}\\d{3}(\\d{3})?[A-Z]{2}\\d{5}$';

export function parcelCodePattern(): RegExp {
  return new RegExp(readEnv('PARCEL_CODE_PATTERN') ?? DEFAULT_PARCEL_CODE_PATTERN);
}

/** Null when the parcel code is well-formed, otherwise what is wrong with it. */
export function validateParcelCode(code: unknown): string | null {
  if (typeof code !== 'string' || code === '') return 'is missing';
  if (!parcelCodePattern().test(code)) {
    return `"${code}" is not a 宗地代码 (6-digit district + 3 or 6 digits + 2 capital letters + 5 digits)`;
  }
  return null;
}

/**
 * Planning-permit certificate number: since 2024 the 电子监管号 of the national supervision system
 * (TD/T 1084-2023, STANDARDS §8); older certificates carry local numbers such as 建字第…号. Only
 * plausibility is checked: the format differs by issuing year and province.
 */
export function validatePermitNo(no: unknown): string | null {
  if (typeof no !== 'string' || no.trim() === '') return 'is missing';
  if (no.length > 64) return `is ${no.length} characters long (at most 64)`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(no)) return 'contains control characters';
  return null;
}
