/**
 * Masking of personal data (STANDARDS §2, §7). No national display rule exists, so the counts are
 * configurable; the birth date inside an ID number (positions 7–14) is hidden whatever the settings.
 */
import { envInt } from '../../lib/config';
import type { PersonalKind } from './catalog';

export interface MaskSettings {
  idKeepFirst: number;
  idKeepLast: number;
  phoneKeepFirst: number;
  phoneKeepLast: number;
  accountKeepLast: number;
  nameKeepFirst: number;
}

export function maskSettingsFromEnv(): MaskSettings {
  return {
    idKeepFirst: envInt('MASK_ID_KEEP_FIRST', 6),
    idKeepLast: envInt('MASK_ID_KEEP_LAST', 4),
    phoneKeepFirst: envInt('MASK_PHONE_KEEP_FIRST', 3),
    phoneKeepLast: envInt('MASK_PHONE_KEEP_LAST', 4),
    accountKeepLast: envInt('MASK_ACCOUNT_KEEP_LAST', 4),
    nameKeepFirst: envInt('MASK_NAME_KEEP_FIRST', 1),
  };
}

function keep(value: string, first: number, last: number): string {
  const chars = Array.from(value);
  const f = Math.max(0, first);
  const l = Math.max(0, last);
  if (f + l >= chars.length) {
    // Too short to show anything safely: keep at most the first character.
    return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
  }
  return chars.slice(0, f).join('') + '*'.repeat(chars.length - f - l) + chars.slice(chars.length - l).join('');
}

export function maskIdNumber(id: string, s: MaskSettings): string {
  // Positions 7–14 (index 6..13) are the birth date: never shown.
  const first = Math.min(s.idKeepFirst, 6);
  const last = Math.min(s.idKeepLast, Math.max(0, id.length - 14));
  return keep(id, first, last);
}

export function maskPersonal(kind: PersonalKind, value: string, s: MaskSettings): string {
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(value, s);
    case 'phone':
      return keep(value, s.phoneKeepFirst, s.phoneKeepLast);
    case 'bankAccount':
      return keep(value, 0, s.accountKeepLast);
    case 'name':
      return keep(value, s.nameKeepFirst, 0);
  }
}
