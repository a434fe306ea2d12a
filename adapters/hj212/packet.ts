/**
 * HJ 212 data segment: `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&` (STANDARDS §4.3),
 * as deployed devices send it (issue 18): HJ/T 212-2005 (Flag version bits 000000) and HJ 212-2017
 * (000001), QN with or without milliseconds, every 2017 field suffix, treatment-facility items
 * (`SB1-RS`, `SB1-RT`) and data-area fields (`RtdInterval`…).
 *
 * What rejects a packet: a broken structure (an item that is not KEY=VALUE, a field twice, no CP, no
 * MN/PW/DataTime), or an invalid value of a known item (a QN or DataTime that is no instant, a
 * non-numeric -Avg, a flag outside the edition's table…). What does not: an item the parser does not
 * know (a suffix, a factor code, a header field, an ST or CN outside the tables) is kept verbatim in
 * `unknown` and noted; a value outside its factor's physical range is kept verbatim in
 * `rejectedItems` and noted, the packet's other readings stand.
 */
import { validateMn } from '../../domain/mn';
import type { PacketChecks } from './checks';
import { packetChecks } from './checks';
import type { VendorCodeMap } from './vendorCodes';

/** Data commands whose values are measurements (they feed the period queries and exceedances). */
export const DATA_COMMANDS: Record<string, string> = {
  '2011': 'real-time data',
  '2051': 'minute data',
  '2061': 'hourly data',
  '2031': 'daily data',
};

/** Other upload commands a device sends with a DataTime: stored, not counted as unknown. */
const OTHER_KNOWN_COMMANDS = new Set(['2021', '2041', '2081', '3020']);

/** System codes (ST) of HJ 212-2017 table 5. */
export const SYSTEM_CODES = new Set([
  '21', '22', '23', '24', '25', '26', '27', '31', '32', '33', '34', '35', '36', '37', '38', '39', '41', '51', '52', '91',
]);

export type Edition = '2005' | '2017';

/**
 * Data flags per edition (STANDARDS §4.3; "do not mix the two sets"). 2017 table 8: N F M S D C T B,
 * plus H (valid data insufficient for the average), an extension one implementation sends. 2005:
 * P F C M T D S N, and 0–3 for air stations.
 */
export const DATA_FLAGS: Record<Edition, ReadonlySet<string>> = {
  '2017': new Set(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B', 'H']),
  '2005': new Set(['P', 'F', 'C', 'M', 'T', 'D', 'S', 'N', '0', '1', '2', '3']),
};

type NumericField = 'rtd' | 'avg' | 'min' | 'max' | 'cou' | 'zsRtd' | 'zsAvg' | 'zsMin' | 'zsMax';
const NUMERIC_SUFFIXES: Record<string, NumericField> = {
  Rtd: 'rtd', Avg: 'avg', Min: 'min', Max: 'max', Cou: 'cou', ZsRtd: 'zsRtd', ZsAvg: 'zsAvg', ZsMin: 'zsMin', ZsMax: 'zsMax',
};

/** Header fields of the standard; anything else in the header is kept verbatim. */
const HEADER_FIELDS = new Set(['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO']);

/** Data-area fields outside factor items, with how their value is checked. */
const DATA_FIELDS: Record<string, 'integer' | 'timestamp' | 'text'> = {
  RtdInterval: 'integer', MinInterval: 'integer', OverTime: 'integer', ReCount: 'integer',
  SystemTime: 'timestamp', RestartTime: 'timestamp', BeginTime: 'timestamp', EndTime: 'timestamp',
  PolId: 'text', InfoId: 'text', QnRtn: 'integer', ExeRtn: 'integer',
};

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FACILITY = /^SB\d{1,3}$/;

/** One factor of one packet. Absent values are left out (no nulls stored). */
export interface FactorValue {
  code: string;
  rtd?: number;
  avg?: number;
  min?: number;
  max?: number;
  cou?: number;
  zsRtd?: number;
  zsAvg?: number;
  zsMin?: number;
  zsMax?: number;
  flag?: string;
  /** Equipment flag (2017 -EFlag). */
  eflag?: string;
  /** Sampling time (2017 -SampleTime), `YYYYMMDDhhmmss` China time as sent. */
  sampleTime?: string;
  /** -Info text as sent. */
  info?: string;
}

/** A treatment facility (`SBn`): running status (-RS) and running time in hours (-RT). */
export interface FacilityValue {
  code: string;
  rs?: number;
  rt?: number;
}

export interface DataField {
  name: string;
  value: string;
}

export interface RejectedItem {
  item: string;
  reason: string;
}

export interface Hj212Packet {
  qn: string | null;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  /** The packet Flag bit field: bits V5..V0 D A. */
  flag: number;
  edition: Edition;
  pnum: number | null;
  pno: number | null;
  dataTime: Date;
  values: FactorValue[];
  facilities: FacilityValue[];
  /** Data-area fields outside factor items (RtdInterval…), DataTime excepted. */
  fields: DataField[];
  /** Items the parser does not know, verbatim (`KEY=VALUE`). */
  unknown: string[];
  /** Items of known factors whose value was out of range, verbatim with the reason. */
  rejectedItems: RejectedItem[];
  /** One line per unknown or rejected item (the ingest report's warnings). */
  notes: string[];
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
  return `${t.getUTCFullYear()}${pad2(t.getUTCMonth() + 1)}${pad2(t.getUTCDate())}${pad2(t.getUTCHours())}${pad2(t.getUTCMinutes())}${pad2(t.getUTCSeconds())}`;
}

// Helpers at module level, not closures per packet or item: under tsx (esbuild keepNames) every
// closure created also names itself (Object.defineProperty), 0.8 s of a 44,000-packet bench run.
function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function keepUnknown(out: Pick<Hj212Packet, 'unknown' | 'notes'>, item: string, why: string): void {
  out.unknown.push(item);
  out.notes.push(`${why}: "${item}" kept verbatim`);
}

/** A known item twice is ambiguous (which value?): a broken packet. */
function seenTwice(seen: Set<string>, key: string): string | null {
  if (seen.has(key)) return `CP item ${key} appears twice`;
  seen.add(key);
  return null;
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

interface FlagFields {
  flag: number;
  edition: Edition;
  pnum: number | null;
  pno: number | null;
}

function parseFlag(fields: Map<string, string>): FlagFields | string {
  const flagText = fields.get('Flag');
  if (flagText === undefined) return 'header field Flag is missing';
  if (!/^\d{1,3}$/.test(flagText) || Number(flagText) > 255) return `Flag "${flagText}" is not a number 0..255`;
  const flag = Number(flagText);
  const version = (flag >> 2) & 0x3f;
  // Version 0 is HJ/T 212-2005 (its Flag had only the A and D bits), 1 is HJ 212-2017.
  if (version > 1) return `Flag=${flag} declares protocol version ${version}; known: 0 (HJ/T 212-2005) and 1 (HJ 212-2017)`;
  const edition: Edition = version === 0 ? '2005' : '2017';
  if ((flag & 2) === 0) return { flag, edition, pnum: null, pno: null };
  const pnumText = fields.get('PNUM');
  const pnoText = fields.get('PNO');
  if (pnumText === undefined || pnoText === undefined) return `Flag=${flag} announces sub-packets but PNUM or PNO is missing`;
  if (!/^\d{1,4}$/.test(pnumText) || !/^\d{1,4}$/.test(pnoText)) return `PNUM "${pnumText}" / PNO "${pnoText}" are not numbers`;
  const pnum = Number(pnumText);
  const pno = Number(pnoText);
  if (pnum < 1 || pno < 1 || pno > pnum) return `PNO ${pno} is not within 1..PNUM (${pnum})`;
  return { flag, edition, pnum, pno };
}

interface CpResult {
  dataTime: string | null;
  values: FactorValue[];
  facilities: FacilityValue[];
  fields: DataField[];
}

/** The parse of one data area; unknown and range-rejected items go to the packet under construction. */
function parseCp(cp: string, vendor: VendorCodeMap, edition: Edition, checks: PacketChecks, out: Pick<Hj212Packet, 'unknown' | 'rejectedItems' | 'notes'>): CpResult | string {
  let dataTime: string | null = null;
  const byCode = new Map<string, FactorValue>();
  const facilities = new Map<string, FacilityValue>();
  const fields: DataField[] = [];
  const seen = new Set<string>();
  for (const rawItem of cp.split(/[;,]/)) {
    const item = rawItem.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) return `CP item "${item}" is not KEY=VALUE`;
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    // A known item twice is ambiguous (which value?): a broken packet. An unknown one is kept twice.
    if (key === 'DataTime') {
      const t = seenTwice(seen, key);
      if (t) return t;
      dataTime = value;
      continue;
    }
    const dash = key.lastIndexOf('-');
    if (dash <= 0) {
      const kind = DATA_FIELDS[key];
      const t = kind ? seenTwice(seen, key) : null;
      if (t) return t;
      if (!kind) keepUnknown(out, item, `unknown data-area field ${key}`);
      else if (kind === 'integer' && !/^-?\d{1,9}$/.test(value)) return `${key} "${value}" is not an integer`;
      else if (kind === 'timestamp' && !parseLocalTimestamp(value)) return `${key} "${value}" is not a timestamp YYYYMMDDhhmmss`;
      else fields.push({ name: key, value });
      continue;
    }
    const rawCode = key.slice(0, dash);
    const suffix = key.slice(dash + 1);

    if (FACILITY.test(rawCode) && (suffix === 'RS' || suffix === 'RT')) {
      const t = seenTwice(seen, key);
      if (t) return t;
      let f = facilities.get(rawCode);
      if (!f) facilities.set(rawCode, (f = { code: rawCode }));
      if (suffix === 'RS') {
        // Running status: 0 stopped, 1 running, 2 fault… [MEMORY]: any small non-negative integer.
        if (!/^\d{1,2}$/.test(value)) return `running status "${value}" of ${rawCode} is not a small integer`;
        f.rs = Number(value);
      } else {
        if (!DECIMAL.test(value)) return `running time "${value}" of ${rawCode} is not a number`;
        const hours = Number(value);
        // A running time is hours within the reporting period: a day of a leap year at most, per day item.
        if (!(hours >= 0 && hours <= 8784)) {
          out.rejectedItems.push({ item, reason: `running time ${value} h is outside 0..8784` });
          out.notes.push(`${item}: running time outside 0..8784 h, item rejected`);
        } else f.rt = hours;
      }
      continue;
    }

    const code = vendor.get(rawCode) ?? rawCode;
    const range = checks.ranges.get(code);
    const numeric = NUMERIC_SUFFIXES[suffix];
    const textual = suffix === 'Flag' || suffix === 'EFlag' || suffix === 'SampleTime' || suffix === 'Info';
    if (!numeric && !textual) {
      keepUnknown(out, item, `unknown suffix -${suffix}`);
      continue;
    }
    if (!range) {
      keepUnknown(out, item, `unknown factor ${rawCode}`);
      continue;
    }
    const t = seenTwice(seen, key);
    if (t) return t;
    let entry = byCode.get(code);
    if (!entry) byCode.set(code, (entry = { code }));
    if (textual) {
      if (suffix === 'Flag') {
        if (!DATA_FLAGS[edition].has(value)) return `data flag "${value}" of ${rawCode} is not one of the ${edition} edition's flags (${[...DATA_FLAGS[edition]].join(' ')})`;
        entry.flag = value;
      } else if (suffix === 'EFlag') {
        if (!/^[A-Za-z0-9]{1,8}$/.test(value)) return `equipment flag "${value}" of ${rawCode} is not 1..8 letters or digits`;
        entry.eflag = value;
      } else if (suffix === 'SampleTime') {
        const t = parseLocalTimestamp(value);
        if (!t) return `sample time "${value}" of ${rawCode} is not a timestamp YYYYMMDDhhmmss`;
        if (t.getTime() > checks.now() + checks.futureToleranceMs) {
          out.rejectedItems.push({ item, reason: 'sample time in the future' });
          out.notes.push(`${item}: sample time beyond the future tolerance, item rejected`);
        } else entry.sampleTime = value;
      } else entry.info = value;
      continue;
    }
    if (!DECIMAL.test(value)) return `value "${value}" of ${rawCode}-${suffix} is not a number`;
    const n = Number(value);
    const ok = numeric === 'cou'
      ? Number.isFinite(n) && Math.abs(n) <= checks.cumulativeLimit
      : n >= range.min && n <= range.max;
    if (!ok) {
      const bounds = numeric === 'cou' ? `±${checks.cumulativeLimit}` : `${range.min}..${range.max}`;
      out.rejectedItems.push({ item, reason: `outside the physical range ${bounds} of ${code}` });
      out.notes.push(`${item}: outside the physical range ${bounds} of ${code}, item rejected`);
      continue;
    }
    entry[numeric] = n;
  }
  // A factor whose every item was rejected leaves an empty entry: drop it.
  const values = [...byCode.values()].filter((v) => Object.keys(v).length > 1);
  return { dataTime, values, facilities: [...facilities.values()], fields };
}

/** Parses a data segment (already checked for length and CRC by parseFrame). */
export function parsePacket(segment: string, vendor: VendorCodeMap, checks: PacketChecks = packetChecks()): PacketResult {
  const cpAt = segment.indexOf('CP=&&');
  if (cpAt < 0) return fail('data segment has no CP=&&…&& part');
  if (!segment.endsWith('&&') || segment.length < cpAt + 7) return fail('CP part does not end with "&&"');
  const header = parseHeader(segment.slice(0, cpAt));
  if (typeof header === 'string') return fail(header);
  const out: Pick<Hj212Packet, 'unknown' | 'rejectedItems' | 'notes'> = { unknown: [], rejectedItems: [], notes: [] };

  const qn = header.get('QN') ?? null;
  if (qn !== null && !parseLocalTimestamp(qn)) return fail(`QN "${qn}" is not a timestamp YYYYMMDDhhmmss[zzz]`);
  const st = header.get('ST');
  if (st === undefined) return fail('header field ST is missing');
  if (!/^\d{2}$/.test(st)) return fail(`ST "${st}" is not a 2-digit system code`);
  if (!SYSTEM_CODES.has(st)) out.notes.push(`unknown system code ST=${st} (not in HJ 212-2017 table 5), packet kept`);
  const cn = header.get('CN');
  if (cn === undefined) return fail('header field CN is missing');
  if (!/^\d{4}$/.test(cn)) return fail(`CN "${cn}" is not a 4-digit command code`);
  if (!DATA_COMMANDS[cn] && !OTHER_KNOWN_COMMANDS.has(cn)) out.notes.push(`unknown command CN=${cn}, packet kept with its known items`);
  const pw = header.get('PW');
  if (pw === undefined || pw === '') return fail('header field PW is missing');
  const mn = header.get('MN');
  if (mn === undefined) return fail('header field MN is missing');
  const mnProblem = validateMn(mn, checks.mnLengths);
  if (mnProblem) return fail(mnProblem);
  const flag = parseFlag(header);
  if (typeof flag === 'string') return fail(flag);
  for (const [key, value] of header) {
    if (HEADER_FIELDS.has(key)) continue;
    out.unknown.push(`${key}=${value}`);
    out.notes.push(`unknown header field ${key}: "${key}=${value}" kept verbatim`);
  }

  const cp = parseCp(segment.slice(cpAt + 5, segment.length - 2), vendor, flag.edition, checks, out);
  if (typeof cp === 'string') return fail(cp);
  if (cp.dataTime === null) return fail('CP has no DataTime');
  const dataTime = parseLocalTimestamp(cp.dataTime);
  if (!dataTime || cp.dataTime.length !== 14) return fail(`DataTime "${cp.dataTime}" is not a timestamp YYYYMMDDhhmmss`);
  if (dataTime.getTime() > checks.now() + checks.futureToleranceMs) {
    return fail(`DataTime ${cp.dataTime} is more than ${checks.futureToleranceMs / 1000} s in the future (HJ212_FUTURE_TOLERANCE_SECONDS)`);
  }
  if (!cp.values.length && !cp.facilities.length && !out.unknown.length && !out.rejectedItems.length) {
    return fail('CP carries no factor or facility items');
  }
  return {
    ok: true,
    packet: { qn, st, cn, pw, mn, ...flag, dataTime, values: cp.values, facilities: cp.facilities, fields: cp.fields, ...out },
  };
}
