/**
 * What fields cost: lib/limits/costs.json, or the file named by QUERY_COSTS_FILE. One file for the
 * gateway and every subgraph, so a subgraph prices the part of a plan it receives the way the gateway
 * priced the client's query. Validated when loaded: a typo must stop the service, not silently make
 * a field cheap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '../config';

export interface ScanCost {
  /** Scans with the same key and the same `by` argument values are one scan (the subgraph memoises it per request). */
  key: string;
  by: string[];
  cost: number;
}

export interface FieldCost {
  /** The field's own cost (default 1). */
  cost?: number;
  /** Items of a list field that has no page-size argument (default: the default list size). */
  listSize?: number;
  /** Items per day of the field's period [from, to) (e.g. readings of a station). */
  listSizePerDay?: number;
  /** A whole-collection scan behind the field, charged once per operation and distinct arguments. */
  scan?: ScanCost;
}

export interface CostConfig {
  /** Argument names that set a list's (or a connection's) page size. */
  pageSizeArguments: string[];
  /** Cost of each `_entities` representation on top of its selection: parsing it, resolving the reference. */
  representationCost: number;
  /** Fields and fragments evaluated before the analysis gives up (QUERY_TOO_COMPLEX, rule `nodes`). */
  maxEvaluatedNodes: number;
  /** Longest period a `listSizePerDay` field is priced for (resolvers refuse longer ones). */
  maxPeriodDays: number;
  /** `Type.field` → its cost. */
  fields: Record<string, FieldCost>;
}

export const DEFAULT_COSTS_FILE = path.join(__dirname, 'costs.json');

function nonNegative(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${where} must be a number ≥ 0, got ${JSON.stringify(value)}`);
  return value;
}

function positiveInt(value: unknown, where: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`${where} must be an integer ≥ 1, got ${JSON.stringify(value)}`);
  return value as number;
}

const FIELD_KEYS = new Set(['cost', 'listSize', 'listSizePerDay', 'scan', '$comment']);

/** Checks a parsed costs file; `source` names it in the errors. */
export function parseCostConfig(raw: unknown, source: string): CostConfig {
  const obj = raw as Record<string, unknown>;
  if (!obj || typeof obj !== 'object') throw new Error(`${source}: not a JSON object`);
  const args = obj.pageSizeArguments;
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new Error(`${source}: pageSizeArguments must be a list of argument names`);
  const fieldsRaw = obj.fields as Record<string, Record<string, unknown>> | undefined;
  if (!fieldsRaw || typeof fieldsRaw !== 'object') throw new Error(`${source}: fields must be an object of "Type.field" entries`);
  const fields: Record<string, FieldCost> = {};
  for (const [coordinate, f] of Object.entries(fieldsRaw)) {
    const where = `${source}: fields["${coordinate}"]`;
    if (!/^[_A-Za-z]\w*\.[_A-Za-z]\w*$/.test(coordinate)) throw new Error(`${where}: the key must be "Type.field"`);
    if (!f || typeof f !== 'object') throw new Error(`${where}: must be an object`);
    const unknown = Object.keys(f).filter((k) => !FIELD_KEYS.has(k));
    if (unknown.length) throw new Error(`${where}: unknown ${unknown.join(', ')} (allowed: cost, listSize, listSizePerDay, scan)`);
    const entry: FieldCost = {};
    if (f.cost !== undefined) entry.cost = nonNegative(f.cost, `${where}.cost`);
    if (f.listSize !== undefined) entry.listSize = positiveInt(f.listSize, `${where}.listSize`);
    if (f.listSizePerDay !== undefined) entry.listSizePerDay = nonNegative(f.listSizePerDay, `${where}.listSizePerDay`);
    if (f.scan !== undefined) {
      const s = f.scan as Record<string, unknown>;
      if (!s || typeof s.key !== 'string' || !Array.isArray(s.by) || !s.by.every((a) => typeof a === 'string')) {
        throw new Error(`${where}.scan must be { "key": string, "by": [argument names], "cost": number }`);
      }
      entry.scan = { key: s.key, by: s.by as string[], cost: nonNegative(s.cost, `${where}.scan.cost`) };
    }
    fields[coordinate] = entry;
  }
  return {
    pageSizeArguments: args as string[],
    representationCost: nonNegative(obj.representationCost, `${source}: representationCost`),
    maxEvaluatedNodes: positiveInt(obj.maxEvaluatedNodes, `${source}: maxEvaluatedNodes`),
    maxPeriodDays: positiveInt(obj.maxPeriodDays, `${source}: maxPeriodDays`),
    fields,
  };
}

const loaded = new Map<string, CostConfig>();

/** The costs in force (read once per file and process). */
export function loadCostConfig(file = readEnv('QUERY_COSTS_FILE') ?? DEFAULT_COSTS_FILE): CostConfig {
  const resolved = path.resolve(file);
  let config = loaded.get(resolved);
  if (!config) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(resolved, 'utf8'));
    } catch (e) {
      throw new Error(`query costs file ${resolved}: ${(e as Error).message}`);
    }
    config = parseCostConfig(raw, resolved);
    loaded.set(resolved, config);
  }
  return config;
}
