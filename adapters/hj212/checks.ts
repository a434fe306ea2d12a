/**
 * What a parsed packet is checked against beyond its syntax (issue 18): the physical range of each
 * known factor (physical-ranges.json, overridable with HJ212_PHYSICAL_RANGES_FILE) and how far into
 * the future a DataTime may lie (HJ212_FUTURE_TOLERANCE_SECONDS, default 600: device clocks drift by
 * minutes, a packet dated hours or years ahead would become a station's "latest" reading for everyone).
 */
import fs from 'node:fs';
import path from 'node:path';
import { envInt, readEnv } from '../../lib/config';
import { allowedMnLengths } from '../../domain/mn';

export interface ValueRange {
  min: number;
  max: number;
}

export interface PacketChecks {
  /** Known factor codes and the physical range of their measured values. */
  ranges: ReadonlyMap<string, ValueRange>;
  /** Bound of the absolute value of a cumulative (-Cou) value. */
  cumulativeLimit: number;
  /** A DataTime later than now + this is rejected. */
  futureToleranceMs: number;
  now: () => number;
  /** Accepted MN lengths (HJ212_MN_LENGTHS), read once rather than per packet. */
  mnLengths: number[];
}

export const DEFAULT_FUTURE_TOLERANCE_SECONDS = 600;
const DEFAULT_RANGES_FILE = path.join(__dirname, 'physical-ranges.json');

export function parseRanges(json: string, where: string): { ranges: Map<string, ValueRange>; cumulativeLimit: number } {
  const parsed = JSON.parse(json) as { ranges?: Record<string, unknown>; cumulativeLimit?: unknown };
  if (!parsed.ranges || typeof parsed.ranges !== 'object') throw new Error(`${where}: expected an object "ranges"`);
  const ranges = new Map<string, ValueRange>();
  for (const [code, r] of Object.entries(parsed.ranges)) {
    if (!/^[A-Za-z0-9]+$/.test(code)) throw new Error(`${where}: "${code}" is not a factor code`);
    if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => typeof n === 'number' && Number.isFinite(n)) || r[0] > r[1]) {
      throw new Error(`${where}: range of ${code} must be [min, max] with finite numbers, min ≤ max`);
    }
    ranges.set(code, { min: r[0] as number, max: r[1] as number });
  }
  const limit = parsed.cumulativeLimit ?? 1e15;
  if (typeof limit !== 'number' || !(limit > 0)) throw new Error(`${where}: cumulativeLimit must be a positive number`);
  return { ranges, cumulativeLimit: limit };
}

let cached: { key: string; checks: PacketChecks } | undefined;

/** The checks in force (read once per configuration). */
export function packetChecks(): PacketChecks {
  const file = path.resolve(readEnv('HJ212_PHYSICAL_RANGES_FILE') ?? DEFAULT_RANGES_FILE);
  const tolerance = envInt('HJ212_FUTURE_TOLERANCE_SECONDS', DEFAULT_FUTURE_TOLERANCE_SECONDS);
  if (tolerance < 0) throw new Error(`HJ212_FUTURE_TOLERANCE_SECONDS must be at least 0, got ${tolerance}`);
  const mnLengths = allowedMnLengths();
  const key = `${file}|${tolerance}|${mnLengths.join(',')}`;
  if (cached?.key !== key) {
    const { ranges, cumulativeLimit } = parseRanges(fs.readFileSync(file, 'utf8'), file);
    cached = { key, checks: { ranges, cumulativeLimit, futureToleranceMs: tolerance * 1000, now: Date.now, mnLengths } };
  }
  return cached.checks;
}
