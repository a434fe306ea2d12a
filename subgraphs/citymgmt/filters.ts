/**
 * Validation of list filters: GraphQL input → criteria the data layer turns into queries. Malformed
 * values are BAD_USER_INPUT errors naming the argument (e.g. `filter.projectCode`).
 */
import { validateProjectCode } from '../../domain/projectCode';
import { checkUscc } from '../../domain/uscc';
import { badInput } from '../../lib/errors';
import { parseCityTimestamp } from './localTime';
import type { CaseState, ComplaintCategory, ComplaintStatus, ViolationSource, ViolationType } from './models/vocabulary';

export interface Period {
  from: Date | null;
  to: Date | null;
}

export interface ComplaintCriteria extends Period {
  district?: string;
  category?: ComplaintCategory;
  status?: ComplaintStatus;
  projectCode?: string;
}

export interface ViolationCriteria extends Period {
  district?: string;
  type?: ViolationType;
  source?: ViolationSource;
  projectCode?: string;
  enterpriseUscc?: string;
}

export interface CaseCriteria extends Period {
  district?: string;
  type?: ViolationType;
  state?: CaseState;
  open?: boolean;
  projectCode?: string;
  enterpriseUscc?: string;
}

function instant(argument: string, value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const parsed = parseCityTimestamp(value);
  if (typeof parsed === 'string') throw badInput(argument, parsed);
  return parsed;
}

export function period(args: { from?: string | null; to?: string | null }, prefix = ''): Period {
  const from = instant(`${prefix}from`, args.from);
  const to = instant(`${prefix}to`, args.to);
  if (from && to && from.getTime() > to.getTime()) throw badInput(`${prefix}to`, 'must not be before "from"');
  return { from, to };
}

function district(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{6}$/.test(value)) throw badInput('filter.district', `must be a 6-digit GB/T 2260 code, got "${value}"`);
  return value;
}

function projectCode(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const problem = validateProjectCode(value);
  if (problem) throw badInput('filter.projectCode', problem);
  return value;
}

function uscc(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  // A code failing only the check character is still a key someone may hold (flagged, not refused).
  const check = checkUscc(value);
  if (check.status === 'invalid') throw badInput('filter.enterpriseUscc', check.reason);
  return value;
}

const given = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

export function complaintCriteria(filter: Record<string, any> | null | undefined): ComplaintCriteria {
  const f = filter ?? {};
  return {
    ...period(f, 'filter.'),
    district: district(f.district),
    category: given(f.category),
    status: given(f.status),
    projectCode: projectCode(f.projectCode),
  };
}

export function violationCriteria(filter: Record<string, any> | null | undefined): ViolationCriteria {
  const f = filter ?? {};
  return {
    ...period(f, 'filter.'),
    district: district(f.district),
    type: given(f.type),
    source: given(f.source),
    projectCode: projectCode(f.projectCode),
    enterpriseUscc: uscc(f.enterpriseUscc),
  };
}

export function caseCriteria(filter: Record<string, any> | null | undefined): CaseCriteria {
  const f = filter ?? {};
  return {
    ...period(f, 'filter.'),
    district: district(f.district),
    type: given(f.type),
    state: given(f.state),
    open: given(f.open),
    projectCode: projectCode(f.projectCode),
    enterpriseUscc: uscc(f.enterpriseUscc),
  };
}
