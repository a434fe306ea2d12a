/**
 * HJ 212-2017 data segment: `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&` (STANDARDS §4.3).
 * Parses data uploads (CN 2011 real-time, 2051 minute, 2061 hour, 2031 day) into one reading with
 * one entry per factor; every problem is a rejection with a precise reason.
 */
import { validateMn } from '../../domain/mn';
import type { VendorCodeMap } from './vendorCodes';

/** Data commands this adapter stores. */
export const DATA_COMMANDS: Record<string, string> = {
  '2011': 'real-time data',
  '2051': 'minute data',
  '2061': 'hourly data',
  '2031': 'daily data',
};

/** System codes (ST) of HJ 212-2017 table 5. */
export const SYSTEM_CODES = new Set([
  '21', '22', '23', '24', '25', '26', '27', '31', '32', '33', '34', '35', '36', '37', '38', '39', '41', '51', '52', '91',
]);

/** Data flags of HJ 212-2017 table 8: N normal, F stopped, M maintenance, S set value, D fault, C calibration, T over range, B comms fault. */
export const DATA_FLAGS = new Set(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']);

const NUMERIC_SUFFIXES: Record<string, 'rtd' | 'avg' | 'min' | 'max' | 'cou'> = {
  Rtd: 'rtd', Avg: 'avg', Min: 'min', Max: 'max', Cou: 'cou',
};
/** Suffixes carried by real devices that we knowingly do not store (converted values, sample time, info). */
const IGNORED_SUFFIXES = new Set(['ZsRtd', 'ZsAvg', 'ZsMin', 'ZsMax', 'SampleTime', 'EFlag', 'Info']);

/** One factor of one packet. Absent values are left out (no nulls stored). */
export interface FactorValue {
  code: string;
  rtd?: number;
  avg?: number;
  min?: number;
  max?: number;
  cou?: number;
  flag?: string;
}

export interface Hj212Packet {
  qn: string | null;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  /** The packet Flag bit field: bits V5..V0 D A. */
  flag: number;
  pnum: number | null;
  pno: number | null;
  dataTime: Date;
  values: FactorValue[];
}

export type PacketResult = { ok: true; packet: Hj212Packet } | { ok: false; reason: string };

const LOCAL_OFFSET_HOURS = 8;

/** `YYYYMMDDhhmmss[zzz]` in China time (UTC+8) → Date, or null when not a real instant. */
export function parseLocalTimestamp(text: string): Date | null {
  if (!/^\d{14}(\d{3})?$/.test(text)) return null;
  const y = Number(text.slice(0, 4));
  const mo = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  const h = Number(text.slice(8, 10));
  const mi = Number(text.slice(10, 12));
  const s = Number(text.slice(12, 14));
  const ms = text.length === 17 ? Number(text.slice(14)) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return new Date(Date.UTC(y, mo - 1, d, h - LOCAL_OFFSET_HOURS, mi, s, ms));
}

/** Date → `YYYYMMDDhhmmss` in China time. */
export function formatLocalTimestamp(date: Date): string {
  const t = new Date(date.getTime() + LOCAL_OFFSET_HOURS * 3_600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

function fail(reason: string): PacketResult {
  return { ok: false, reason };
}

function parseHeader(header: string): Map<string, string> | string {
  const fields = new Map<string, string>();
  for (const part of header.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return `header item "${part}" is not KEY=VALUE`;
    const key = part.slice(0, eq).trim();
    if (fields.has(key)) return `header field ${key} appears twice`;
    fields.set(key, part.slice(eq + 1).trim());
  }
  return fields;
}

function parseFlag(fields: Map<string, string>): { flag: number; pnum: number | null; pno: number | null } | string {
  const flagText = fields.get('Flag');
  if (flagText === undefined) return 'header field Flag is missing';
  if (!/^\d{1,3}$/.test(flagText) || Number(flagText) > 255) return `Flag "${flagText}" is not a number 0..255`;
  const flag = Number(flagText);
  const version = (flag >> 2) & 0x3f;
  if (version !== 1) return `Flag=${flag} declares protocol version ${version}; only HJ 212-2017 (version 1) is accepted`;
  if ((flag & 2) === 0) return { flag, pnum: null, pno: null };
  const pnumText = fields.get('PNUM');
  const pnoText = fields.get('PNO');
  if (pnumText === undefined || pnoText === undefined) return `Flag=${flag} announces sub-packets but PNUM or PNO is missing`;
  if (!/^\d{1,4}$/.test(pnumText) || !/^\d{1,4}$/.test(pnoText)) return `PNUM "${pnumText}" / PNO "${pnoText}" are not numbers`;
  const pnum = Number(pnumText);
  const pno = Number(pnoText);
  if (pnum < 1 || pno < 1 || pno > pnum) return `PNO ${pno} is not within 1..PNUM (${pnum})`;
  return { flag, pnum, pno };
}

function parseCp(cp: string, vendor: VendorCodeMap): { dataTime: string | null; values: FactorValue[] } | string {
  let dataTime: string | null = null;
  const byCode = new Map<string, FactorValue>();
  for (const rawItem of cp.split(/[;,]/)) {
    const item = rawItem.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) return `CP item "${item}" is not KEY=VALUE`;
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    if (key === 'DataTime') {
      dataTime = value;
      continue;
    }
    const dash = key.lastIndexOf('-');
    if (dash <= 0) return `CP item "${key}" has no factor suffix (-Rtd, -Avg, -Min, -Max, -Cou, -Flag)`;
    const rawCode = key.slice(0, dash);
    const suffix = key.slice(dash + 1);
    if (IGNORED_SUFFIXES.has(suffix)) continue;
    const code = vendor.get(rawCode) ?? rawCode;
    if (!/^[A-Za-z0-9]+$/.test(code)) return `factor code "${rawCode}" contains characters other than letters and digits`;
    let entry = byCode.get(code);
    if (!entry) {
      entry = { code };
      byCode.set(code, entry);
    }
    if (suffix === 'Flag') {
      if (!DATA_FLAGS.has(value)) return `data flag "${value}" of ${rawCode} is not one of N F M S D C T B`;
      entry.flag = value;
      continue;
    }
    const field = NUMERIC_SUFFIXES[suffix];
    if (!field) return `unknown suffix "-${suffix}" on factor ${rawCode}`;
    const n = value === '' ? NaN : Number(value);
    if (!Number.isFinite(n)) return `value "${value}" of ${rawCode}-${suffix} is not a number`;
    if (entry[field] !== undefined) return `${rawCode}-${suffix} appears twice`;
    entry[field] = n;
  }
  return { dataTime, values: [...byCode.values()] };
}

/** Parses a data segment (already checked for length and CRC by parseFrame). */
export function parsePacket(segment: string, vendor: VendorCodeMap): PacketResult {
  const cpAt = segment.indexOf('CP=&&');
  if (cpAt < 0) return fail('data segment has no CP=&&…&& part');
  if (!segment.endsWith('&&') || segment.length < cpAt + 7) return fail('CP part does not end with "&&"');
  const header = parseHeader(segment.slice(0, cpAt));
  if (typeof header === 'string') return fail(header);

  const qn = header.get('QN') ?? null;
  if (qn !== null && (!/^\d{17}$/.test(qn) || !parseLocalTimestamp(qn))) return fail(`QN "${qn}" is not a timestamp YYYYMMDDhhmmsszzz`);
  const st = header.get('ST');
  if (st === undefined) return fail('header field ST is missing');
  if (!SYSTEM_CODES.has(st)) return fail(`ST "${st}" is not a system code of HJ 212-2017`);
  const cn = header.get('CN');
  if (cn === undefined) return fail('header field CN is missing');
  if (!DATA_COMMANDS[cn]) return fail(`CN "${cn}" is not a data upload command (accepted: ${Object.keys(DATA_COMMANDS).join(', ')})`);
  const pw = header.get('PW');
  if (pw === undefined || pw === '') return fail('header field PW is missing');
  const mn = header.get('MN');
  if (mn === undefined) return fail('header field MN is missing');
  const mnProblem = validateMn(mn);
  if (mnProblem) return fail(mnProblem);
  const flag = parseFlag(header);
  if (typeof flag === 'string') return fail(flag);

  const cp = parseCp(segment.slice(cpAt + 5, segment.length - 2), vendor);
  if (typeof cp === 'string') return fail(cp);
  if (cp.dataTime === null) return fail('CP has no DataTime');
  const dataTime = parseLocalTimestamp(cp.dataTime);
  if (!dataTime || cp.dataTime.length !== 14) return fail(`DataTime "${cp.dataTime}" is not a timestamp YYYYMMDDhhmmss`);
  if (!cp.values.length) return fail('CP carries no factor values');
  return { ok: true, packet: { qn, st, cn, pw, mn, ...flag, dataTime, values: cp.values } };
}
