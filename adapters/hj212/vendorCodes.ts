/**
 * Vendor factor codes → HJ 212-2017 factor codes. Devices in the wild send `PM10`, `TSP`, `NOIS`… in
 * place of a34002, a34001, LA (STANDARDS §4.3), so the mapping is a table, overridable per deployment
 * with HJ212_VENDOR_CODES_FILE (same JSON shape as vendor-codes.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '../../lib/config';

export type VendorCodeMap = ReadonlyMap<string, string>;

const DEFAULT_FILE = path.join(__dirname, 'vendor-codes.json');

export function parseVendorCodes(json: string, where: string): VendorCodeMap {
  const parsed = JSON.parse(json) as { codes?: Record<string, unknown> };
  if (!parsed.codes || typeof parsed.codes !== 'object') throw new Error(`${where}: expected an object "codes"`);
  const map = new Map<string, string>();
  for (const [vendor, standard] of Object.entries(parsed.codes)) {
    if (typeof standard !== 'string' || !/^[A-Za-z0-9]+$/.test(standard)) {
      throw new Error(`${where}: vendor code "${vendor}" maps to "${String(standard)}", which is not a factor code`);
    }
    map.set(vendor, standard);
  }
  return map;
}

let cached: { file: string; map: VendorCodeMap } | undefined;

/** The mapping in force (HJ212_VENDOR_CODES_FILE or the bundled table), read once per file. */
export function vendorCodes(): VendorCodeMap {
  const file = path.resolve(readEnv('HJ212_VENDOR_CODES_FILE') ?? DEFAULT_FILE);
  if (cached?.file !== file) cached = { file, map: parseVendorCodes(fs.readFileSync(file, 'utf8'), file) };
  return cached.map;
}
