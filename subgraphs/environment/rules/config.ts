/**
 * The exceedance rules in force: subgraphs/environment/rules.json, or the file named by
 * EXCEEDANCE_RULES_FILE. Limits, averaging and tolerances are local law (STANDARDS §5), so they are
 * configuration, validated when loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '../../../lib/config';

export const AVERAGING_MINUTES = { '5min': 5, '15min': 15, '1h': 60 } as const;
export type Averaging = keyof typeof AVERAGING_MINUTES;

interface RuleBase {
  id: string;
  /** HJ 212 factor code, e.g. a34002 (PM10), LA (noise). */
  pollutant: string;
  averaging: Averaging;
  toleratedPerDay: number;
  basis: string;
}
export type Rule =
  | (RuleBase & { kind: 'absolute'; limit: number })
  | (RuleBase & { kind: 'background'; limit: number })
  | (RuleBase & { kind: 'noise'; dayLimit: number; nightLimit: number });

export interface RuleSet {
  utcOffsetHours: number;
  /** Local clock times HH:MM; the night may wrap midnight. */
  night: { from: string; to: string };
  /** Data flags whose values count (HJ 212 table 8); D, C, T, B, F, M do not. */
  validFlags: string[];
  pollutants: Record<string, { name: string; unit: string }>;
  rules: Rule[];
}

const DEFAULT_FILE = path.join(__dirname, '..', 'rules.json');

function clockMinutes(text: unknown, where: string): number {
  if (typeof text !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(text)) throw new Error(`${where} must be HH:MM, got ${JSON.stringify(text)}`);
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${where} must be a number, got ${JSON.stringify(value)}`);
  return value;
}

export function validateRuleSet(raw: RuleSet, where: string): RuleSet {
  finite(raw.utcOffsetHours, `${where}: utcOffsetHours`);
  clockMinutes(raw.night?.from, `${where}: night.from`);
  clockMinutes(raw.night?.to, `${where}: night.to`);
  if (!Array.isArray(raw.validFlags)) throw new Error(`${where}: validFlags must be a list`);
  if (!Array.isArray(raw.rules) || !raw.rules.length) throw new Error(`${where}: rules must be a non-empty list`);
  const ids = new Set<string>();
  for (const r of raw.rules) {
    const at = `${where}: rule ${r.id}`;
    if (typeof r.id !== 'string' || ids.has(r.id)) throw new Error(`${at}: id missing or repeated`);
    ids.add(r.id);
    if (!raw.pollutants?.[r.pollutant]) throw new Error(`${at}: pollutant ${r.pollutant} is not listed under "pollutants"`);
    if (!(r.averaging in AVERAGING_MINUTES)) throw new Error(`${at}: averaging must be one of ${Object.keys(AVERAGING_MINUTES).join(', ')}`);
    if (!Number.isInteger(r.toleratedPerDay) || r.toleratedPerDay < 0) throw new Error(`${at}: toleratedPerDay must be an integer ≥ 0`);
    if (r.kind === 'noise') {
      finite(r.dayLimit, `${at}: dayLimit`);
      finite(r.nightLimit, `${at}: nightLimit`);
    } else if (r.kind === 'absolute' || r.kind === 'background') {
      finite(r.limit, `${at}: limit`);
    } else {
      throw new Error(`${at}: kind must be absolute, background or noise`);
    }
  }
  return raw;
}

let cached: { file: string; rules: RuleSet } | undefined;

export function loadRuleSet(): RuleSet {
  const file = path.resolve(readEnv('EXCEEDANCE_RULES_FILE') ?? DEFAULT_FILE);
  if (cached?.file !== file) cached = { file, rules: validateRuleSet(JSON.parse(fs.readFileSync(file, 'utf8')) as RuleSet, file) };
  return cached.rules;
}

/** Whether a local time of day (minutes since midnight) is in the night period. */
export function isNight(rules: RuleSet, minuteOfDay: number): boolean {
  const from = clockMinutes(rules.night.from, 'night.from');
  const to = clockMinutes(rules.night.to, 'night.to');
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}
