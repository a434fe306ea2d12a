/**
 * Records of the 综合执法 (comprehensive enforcement) system's JSON export: each is either a
 * violation (`"kind": "violation"`) or an enforcement case (`"kind": "case"`). Pure validation into
 * documents, or a reason for rejection.
 */
import { validateProjectCode } from '../../domain/projectCode';
import { checkUscc } from '../../domain/uscc';
import { parseCityTimestamp } from '../../subgraphs/citymgmt/localTime';
import type { EnforcementCaseDoc, CaseStateChange } from '../../subgraphs/citymgmt/models/enforcementCase';
import type { ViolationDoc } from '../../subgraphs/citymgmt/models/violation';
import {
  CASE_STATE_ORDER, CASE_STATES, codeFor, describeVocabulary, VIOLATION_SOURCES, VIOLATION_TYPES,
  type CaseState, type ViolationSource, type ViolationType,
} from '../../subgraphs/citymgmt/models/vocabulary';

export type ParsedEnforcementRecord =
  | { kind: 'violation'; doc: ViolationDoc }
  | { kind: 'case'; doc: EnforcementCaseDoc }
  | { reason: string };

const RECORD_NO = /^[0-9A-Z\u4e00-\u9fa5〔〕()（）\[\]-]{4,60}$/;

type Fail = { reason: string };
const fail = (reason: string): Fail => ({ reason });

function text(r: Record<string, unknown>, key: string): string {
  const v = r[key];
  return v === undefined || v === null ? '' : String(v).trim();
}

function recordNo(r: Record<string, unknown>, key: string, label: string): string | Fail {
  const v = text(r, key);
  if (!v) return fail(`missing ${key} (${label})`);
  if (!RECORD_NO.test(v)) return fail(`${key} "${v}" is malformed`);
  return v;
}

function timestamp(r: Record<string, unknown>, key: string): Date | Fail {
  const v = text(r, key);
  if (!v) return fail(`missing ${key}`);
  const t = parseCityTimestamp(v);
  return typeof t === 'string' ? fail(`${key}: ${t}`) : t;
}

function optionalProjectCode(r: Record<string, unknown>): string | null | Fail {
  const v = text(r, 'projectCode');
  if (!v) return null;
  const problem = validateProjectCode(v);
  return problem ? fail(`project code "${v}" ${problem}`) : v;
}

/** A credit code failing only its check character is kept and flagged (STANDARDS §1), never dropped. */
function optionalUscc(r: Record<string, unknown>, key: string): { uscc: string | null; needsReview: boolean } | Fail {
  const v = text(r, key).toUpperCase();
  if (!v) return { uscc: null, needsReview: false };
  const check = checkUscc(v);
  if (check.status === 'invalid') return fail(`${key} "${v}": ${check.reason}`);
  return { uscc: v, needsReview: check.status === 'checksum-mismatch' };
}

function district(r: Record<string, unknown>): string | Fail {
  const v = text(r, 'district');
  return /^\d{6}$/.test(v) ? v : fail(`district "${v}" is not a 6-digit GB/T 2260 code`);
}

function violationType(r: Record<string, unknown>): ViolationType | Fail {
  const v = text(r, 'type');
  return (codeFor(VIOLATION_TYPES, v) as ViolationType | undefined) ?? fail(`unknown violation type "${v}" (expected one of ${describeVocabulary(VIOLATION_TYPES)})`);
}

const failed = (v: unknown): v is Fail => v !== null && typeof v === 'object' && 'reason' in (v as object);

export function parseViolation(r: Record<string, unknown>): ParsedEnforcementRecord {
  const violationNo = recordNo(r, 'violationNo', 'violation number');
  if (failed(violationNo)) return violationNo;
  const type = violationType(r);
  if (failed(type)) return type;
  const sourceRaw = text(r, 'source');
  const source = codeFor(VIOLATION_SOURCES, sourceRaw) as ViolationSource | undefined;
  if (!source) return fail(`unknown source "${sourceRaw}" (expected one of ${describeVocabulary(VIOLATION_SOURCES)})`);
  const foundAt = timestamp(r, 'foundAt');
  if (failed(foundAt)) return foundAt;
  const d = district(r);
  if (failed(d)) return d;
  const projectCode = optionalProjectCode(r);
  if (failed(projectCode)) return projectCode;
  const party = optionalUscc(r, 'enterpriseUscc');
  if (failed(party)) return party;
  const complaintOrderNo = text(r, 'complaintOrderNo') || null;
  if (source === 'COMPLAINT' && !complaintOrderNo) return fail('source is COMPLAINT but complaintOrderNo is missing');
  const description = text(r, 'description');
  if (!description) return fail('missing description');
  return {
    kind: 'violation',
    doc: {
      violationNo, type, source, foundAt, district: d, projectCode,
      enterpriseUscc: party.uscc, usccNeedsReview: party.needsReview, complaintOrderNo, description,
    },
  };
}

/** The history must start with 立案 and only move forward through the states, in time order. */
function stateHistory(value: unknown): CaseStateChange[] | Fail {
  if (!Array.isArray(value) || value.length === 0) return fail('history must be a non-empty array of {state, at}');
  const out: CaseStateChange[] = [];
  for (const [i, step] of value.entries()) {
    if (step === null || typeof step !== 'object') return fail(`history[${i}] is not an object`);
    const s = step as Record<string, unknown>;
    const stateRaw = text(s, 'state');
    const state = codeFor(CASE_STATES, stateRaw) as CaseState | undefined;
    if (!state) return fail(`history[${i}]: unknown state "${stateRaw}" (expected one of ${describeVocabulary(CASE_STATES)})`);
    const at = timestamp(s, 'at');
    if (failed(at)) return fail(`history[${i}]: ${at.reason}`);
    const prev = out.at(-1);
    if (!prev && state !== 'FILED') return fail(`history must start with 立案 (FILED), starts with ${state}`);
    if (prev && CASE_STATE_ORDER.indexOf(state) <= CASE_STATE_ORDER.indexOf(prev.state)) {
      return fail(`history[${i}]: ${state} cannot follow ${prev.state} (立案→调查→决定→执行→结案)`);
    }
    if (prev && at.getTime() < prev.at.getTime()) return fail(`history[${i}]: ${state} is dated before ${prev.state}`);
    out.push({ state, at });
  }
  return out;
}

export function parseCase(r: Record<string, unknown>): ParsedEnforcementRecord {
  const caseNo = recordNo(r, 'caseNo', 'case number');
  if (failed(caseNo)) return caseNo;
  const type = violationType(r);
  if (failed(type)) return type;
  const d = district(r);
  if (failed(d)) return d;
  const projectCode = optionalProjectCode(r);
  if (failed(projectCode)) return projectCode;
  const party = optionalUscc(r, 'partyUscc');
  if (failed(party)) return party;
  const partyName = text(r, 'partyName') || null;
  if (!party.uscc && !partyName) return fail('a case needs a party: partyUscc or partyName');
  const history = stateHistory(r.history);
  if (failed(history)) return history;
  const state = history[history.length - 1].state;
  const decided = CASE_STATE_ORDER.indexOf(state) >= CASE_STATE_ORDER.indexOf('DECIDED');

  const noPenaltyRaw = r.firstViolationNoPenalty ?? false;
  if (typeof noPenaltyRaw !== 'boolean') return fail('firstViolationNoPenalty must be true or false');
  const penaltyRaw = r.penaltyAmount;
  let penaltyAmount: number | null = null;
  if (penaltyRaw !== undefined && penaltyRaw !== null && penaltyRaw !== '') {
    const n = typeof penaltyRaw === 'number' ? penaltyRaw : Number(penaltyRaw);
    if (!Number.isFinite(n) || n < 0) return fail(`penaltyAmount "${String(penaltyRaw)}" is not a non-negative amount in yuan`);
    if (!decided) return fail(`penaltyAmount given but the case is only at ${state}: a penalty exists from 决定 (DECIDED) on`);
    penaltyAmount = n;
  }
  if (noPenaltyRaw && penaltyAmount !== null && penaltyAmount > 0) return fail('首违不罚 (firstViolationNoPenalty) with a penalty above 0');
  if (noPenaltyRaw && decided) penaltyAmount = 0;

  return {
    kind: 'case',
    doc: {
      caseNo, type, district: d, projectCode,
      violationNo: text(r, 'violationNo') || null,
      partyUscc: party.uscc, partyName, state, history,
      filedAt: history[0].at,
      closedAt: state === 'CLOSED' ? history[history.length - 1].at : null,
      firstViolationNoPenalty: noPenaltyRaw,
      penaltyAmount,
      legalBasis: text(r, 'legalBasis') || null,
      internalNotes: text(r, 'internalNotes') || null,
    },
  };
}

export function parseEnforcementRecord(record: unknown): ParsedEnforcementRecord {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return fail('record is not an object');
  const r = record as Record<string, unknown>;
  const kind = text(r, 'kind');
  if (kind === 'violation') return parseViolation(r);
  if (kind === 'case') return parseCase(r);
  return fail(`unknown kind "${kind}" (expected "violation" or "case")`);
}
