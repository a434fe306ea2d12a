/** Night-work permit rows (CSV: permitNo, projectCode, from, to, nightFrom, nightTo, issuer[, contactPhone]) → documents, or why not. */
import { validateProjectCode } from '../../domain/projectCode';
import type { NightPermitDoc } from '../../subgraphs/environment/models/nightPermit';
import { isLocalDate, missingColumns } from '../stations/parse';

export const NIGHT_PERMIT_COLUMNS = ['permitNo', 'projectCode', 'from', 'to', 'nightFrom', 'nightTo', 'issuer'] as const;

function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

export function nightPermitFromFields(f: Record<string, string>): { doc: NightPermitDoc } | { reason: string } {
  const missing = missingColumns(f, NIGHT_PERMIT_COLUMNS);
  if (missing) return { reason: missing };
  if (!/^[\w\-()（）〔〕第号\u4e00-\u9fff]{3,64}$/.test(f.permitNo)) return { reason: `permitNo "${f.permitNo}" is empty or not a permit number` };
  const codeProblem = validateProjectCode(f.projectCode);
  if (codeProblem) return { reason: `projectCode "${f.projectCode}" ${codeProblem}` };
  if (!isLocalDate(f.from)) return { reason: `from "${f.from}" is not a date YYYY-MM-DD` };
  if (!isLocalDate(f.to)) return { reason: `to "${f.to}" is not a date YYYY-MM-DD` };
  if (f.to < f.from) return { reason: `to ${f.to} is before from ${f.from}` };
  if (!isClockTime(f.nightFrom)) return { reason: `nightFrom "${f.nightFrom}" is not a time HH:MM` };
  if (!isClockTime(f.nightTo)) return { reason: `nightTo "${f.nightTo}" is not a time HH:MM` };
  if (f.nightFrom === f.nightTo) return { reason: `nightFrom and nightTo are both ${f.nightFrom}: an empty period` };
  if (f.issuer === '') return { reason: 'issuer is empty' };
  const phone = f.contactPhone ?? '';
  if (phone !== '' && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(phone)) return { reason: `contactPhone "${phone}" is not a mobile or landline number` };
  return {
    doc: {
      permitNo: f.permitNo, projectCode: f.projectCode, from: f.from, to: f.to,
      nightFrom: f.nightFrom, nightTo: f.nightTo, issuer: f.issuer, contactPhone: phone === '' ? null : phone,
    },
  };
}
