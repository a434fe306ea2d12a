/**
 * Station registry rows (CSV: mn, projectCode, district, lng, lat, vendor, st, installedOn, pw) → documents,
 * or why not. `pw` is the device's HJ 212 access password: stored hashed (password.ts), required, since a
 * station without one could not be told apart from a device that claims its MN.
 */
import { validateMn } from '../../domain/mn';
import { validateProjectCode } from '../../domain/projectCode';
import type { StationDoc } from '../../subgraphs/environment/models/station';
import { SYSTEM_CODES } from '../hj212/packet';
import { hashPassword, validatePassword } from './password';

export const STATION_COLUMNS = ['mn', 'projectCode', 'district', 'lng', 'lat', 'vendor', 'st', 'installedOn', 'pw'] as const;

/** A real calendar date written YYYY-MM-DD. */
export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function missingColumns(fields: Record<string, string>, columns: readonly string[]): string | null {
  const missing = columns.filter((c) => !(c in fields));
  return missing.length ? `missing column(s) ${missing.join(', ')}` : null;
}

export function stationFromFields(f: Record<string, string>): { doc: StationDoc } | { reason: string } {
  const missing = missingColumns(f, STATION_COLUMNS);
  if (missing) return { reason: missing };
  const mnProblem = validateMn(f.mn);
  if (mnProblem) return { reason: `mn: ${mnProblem}` };
  const codeProblem = validateProjectCode(f.projectCode);
  if (codeProblem) return { reason: `projectCode "${f.projectCode}" ${codeProblem}` };
  if (!/^\d{6}$/.test(f.district)) return { reason: `district "${f.district}" is not a 6-digit GB/T 2260 code` };
  const lng = Number(f.lng);
  const lat = Number(f.lat);
  // Mainland China bounding box: a swapped or zero coordinate is a data-entry error, not a site.
  if (f.lng === '' || !Number.isFinite(lng) || lng < 73 || lng > 136) return { reason: `lng "${f.lng}" is not a longitude within China (73..136)` };
  if (f.lat === '' || !Number.isFinite(lat) || lat < 3 || lat > 54) return { reason: `lat "${f.lat}" is not a latitude within China (3..54)` };
  if (f.vendor === '') return { reason: 'vendor is empty' };
  if (!SYSTEM_CODES.has(f.st)) return { reason: `st "${f.st}" is not an HJ 212 system code` };
  if (!isLocalDate(f.installedOn)) return { reason: `installedOn "${f.installedOn}" is not a date YYYY-MM-DD` };
  const pwProblem = validatePassword(f.pw);
  if (pwProblem) return { reason: pwProblem };
  return {
    doc: {
      mn: f.mn, projectCode: f.projectCode, district: f.district, lng, lat, vendor: f.vendor, st: f.st, installedOn: f.installedOn,
      pwHash: hashPassword(f.mn, f.pw),
    },
  };
}
