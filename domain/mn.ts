/**
 * HJ 212 device id (MN). The 2017 edition's samples use 24 characters (e.g. 010000A8900016F000169DC0),
 * the 2005 edition 14; vendors vary, so the accepted lengths are configurable (HJ212_MN_LENGTHS,
 * default "14,24"). Characters: digits and capital letters.
 */
import { readEnv } from '../lib/config';

export function allowedMnLengths(): number[] {
  return (readEnv('HJ212_MN_LENGTHS') ?? '14,24').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
}

export function validateMn(mn: string, lengths: number[] = allowedMnLengths()): string | null {
  if (typeof mn !== 'string' || mn === '') return 'MN (device id) is missing';
  if (!/^[0-9A-Z]+$/.test(mn)) return `MN "${mn}" must contain only digits and capital letters`;
  if (!lengths.includes(mn.length)) return `MN "${mn}" is ${mn.length} characters; accepted lengths are ${lengths.join(', ')}`;
  return null;
}
