/**
 * The risk rules file (subgraphs/joint/risk/rules.json, or RISK_RULES_FILE): read at each evaluation, so an
 * edited file applies at the next one (and a restart applies it at once: the first evaluation after start).
 * Validated strictly: a typo in a threshold must stop the evaluation, not silently grade the city with a default.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '../../../lib/config';

export const RISK_LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const CREDIT_COLOURS = ['RED', 'YELLOW', 'GREEN'] as const;
export type CreditColour = (typeof CREDIT_COLOURS)[number];

/** The facts the evaluator knows how to test; a rule names one (evaluate.ts). */
export const PROJECT_FACTS = [
  'wageArrears', 'unpaidAfterOrder', 'dustExceedances', 'overBuilt', 'nightNoiseWithoutPermit', 'openViolation',
  'complaints', 'payrollAttendanceMismatch', 'builderCreditCode',
] as const;
export type ProjectFact = (typeof PROJECT_FACTS)[number];
export const ENTERPRISE_FACTS = ['arrearsBlacklist', 'penalty', 'openJointCase', 'redProjectAsContractor', 'creditCodeReview'] as const;
export type EnterpriseFact = (typeof ENTERPRISE_FACTS)[number];

interface RuleBase {
  id: string;
  /** The department that owns the fact (a reason's `dept`). */
  dept: string;
  /** Default true; false for a rule whose fact no department holds (with a `note` saying so). */
  enabled?: boolean;
  note?: string;
  /** The rule's own wording: a reason's detail when the caller may not see the figures. */
  title: string;
  /** "law: …", "ministry rule: …" or "local practice: …". */
  basis: string;
}

export interface ProjectRule extends RuleBase {
  level: Exclude<RiskLevel, 'BLUE'>;
  fact: ProjectFact;
  minWorkers?: number;
  minDays?: number;
  minPercent?: number;
  minWindows?: number;
  minOpenDays?: number;
  minCount?: number;
  /** HJ 212 factor codes counted as dust. */
  pollutants?: string[];
}

export interface EnterpriseRule extends RuleBase {
  colour: Exclude<CreditColour, 'GREEN'>;
  fact: EnterpriseFact;
}

export interface RiskRules {
  version: string;
  windows: {
    /** Wage months evaluated: this many months before the current one. */
    arrearsMonths: number;
    /** Exceedances of the last this many days. */
    exceedanceDays: number;
    /** 12345 work orders of the last this many days. */
    complaintDays: number;
    /** Penalties decided within this many months. */
    penaltyMonths: number;
  };
  inspectionInterval: Record<CreditColour, string>;
  projectRules: ProjectRule[];
  enterpriseRules: EnterpriseRule[];
}

export function rulesFilePath(): string {
  return readEnv('RISK_RULES_FILE') ?? path.join(__dirname, 'rules.json');
}

const THRESHOLDS: Record<ProjectFact, keyof ProjectRule | null> = {
  wageArrears: 'minWorkers',
  unpaidAfterOrder: null,
  dustExceedances: 'minDays',
  overBuilt: 'minPercent',
  nightNoiseWithoutPermit: 'minWindows',
  openViolation: 'minOpenDays',
  complaints: 'minCount',
  payrollAttendanceMismatch: null,
  builderCreditCode: null,
};

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** The rules file is missing, not JSON, or wrong: the operator's to fix, not the departments'. */
export class RulesFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesFileError';
  }
}

function fail(where: string, message: string): never {
  throw new RulesFileError(`risk rules ${where}: ${message}`);
}

function positiveInt(where: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(where, `${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
}

function checkBase(where: string, r: RuleBase, ids: Set<string>): void {
  if (typeof r.id !== 'string' || !/^[a-z0-9-]+$/.test(r.id)) fail(where, `rule id ${JSON.stringify(r.id)} must be lower-case words joined by -`);
  if (ids.has(r.id)) fail(where, `rule id "${r.id}" appears twice`);
  ids.add(r.id);
  for (const k of ['dept', 'title', 'basis'] as const) if (typeof r[k] !== 'string' || !r[k]) fail(where, `rule "${r.id}" needs ${k}`);
  if (!/^(law|ministry rule|local practice):/.test(r.basis)) fail(where, `rule "${r.id}": basis must start with "law:", "ministry rule:" or "local practice:"`);
  if (r.enabled === false && !r.note) fail(where, `rule "${r.id}" is disabled without a note saying why`);
}

export function validateRules(raw: unknown, where: string): RiskRules {
  const r = raw as RiskRules;
  if (!r || typeof r !== 'object') fail(where, 'not an object');
  if (typeof r.version !== 'string' || !r.version) fail(where, 'version must be a non-empty string');
  const w = r.windows ?? fail(where, 'windows missing');
  for (const k of ['arrearsMonths', 'exceedanceDays', 'complaintDays', 'penaltyMonths'] as const) positiveInt(where, `windows.${k}`, w[k]);
  for (const c of CREDIT_COLOURS) {
    const v = r.inspectionInterval?.[c];
    if (typeof v !== 'string' || !(v === 'exempt' || DURATION.test(v))) fail(where, `inspectionInterval.${c} must be an ISO 8601 duration or "exempt", got ${JSON.stringify(v)}`);
  }
  const ids = new Set<string>();
  if (!Array.isArray(r.projectRules) || !Array.isArray(r.enterpriseRules)) fail(where, 'projectRules and enterpriseRules must be lists');
  for (const p of r.projectRules) {
    checkBase(where, p, ids);
    if (!PROJECT_FACTS.includes(p.fact)) fail(where, `rule "${p.id}": unknown fact "${p.fact}" (one of ${PROJECT_FACTS.join(', ')})`);
    if (!(['RED', 'ORANGE', 'YELLOW'] as string[]).includes(p.level)) fail(where, `rule "${p.id}": level must be RED, ORANGE or YELLOW`);
    const threshold = THRESHOLDS[p.fact];
    if (threshold && p.enabled !== false) {
      const v = p[threshold];
      const ok = typeof v === 'number' && Number.isFinite(v) && v >= (threshold === 'minPercent' ? 0 : 1);
      if (!ok) fail(where, `rule "${p.id}": ${threshold} must be a number ≥ ${threshold === 'minPercent' ? 0 : 1}`);
    }
    if (p.fact === 'dustExceedances' && (!Array.isArray(p.pollutants) || !p.pollutants.length)) fail(where, `rule "${p.id}": pollutants must list HJ 212 factor codes`);
  }
  for (const e of r.enterpriseRules) {
    checkBase(where, e, ids);
    if (!ENTERPRISE_FACTS.includes(e.fact)) fail(where, `rule "${e.id}": unknown fact "${e.fact}" (one of ${ENTERPRISE_FACTS.join(', ')})`);
    if (e.colour !== 'RED' && e.colour !== 'YELLOW') fail(where, `rule "${e.id}": colour must be RED or YELLOW`);
    // Enterprise RED only from a legal list (issue 20): a computed score may only make an enterprise YELLOW.
    if (e.colour === 'RED' && e.fact !== 'arrearsBlacklist') fail(where, `rule "${e.id}": only the arrears blacklist may make an enterprise RED`);
  }
  return r;
}

export function loadRules(file = rulesFilePath()): RiskRules {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, (e as Error).message);
  }
  return validateRules(raw, file);
}

export function enabled<T extends { enabled?: boolean }>(rules: T[]): T[] {
  return rules.filter((r) => r.enabled !== false);
}
