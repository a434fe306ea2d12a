/**
 * From a finding to a case in one step: the evidence operations that record a wage-arrears finding or an
 * exceedance finding and the records behind it. Each is an ordinary evidence capture (through the
 * gateway with the caller's token), so what the caller may not see is stored as denied.
 */
import type { EvidenceRequest } from './evidence';

export interface FindingPlan {
  /** The operation whose answer proves the finding exists (first evidence). */
  finding: EvidenceRequest;
  /** Records behind it, captured after the finding. */
  records: EvidenceRequest[];
}

export { PROJECT_CODE_PATTERN as PROJECT_CODE } from '../../../domain/projectCode';
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const PERMIT_AND_CONTRACTOR = `query CasePermitAndContractor($code: String!) {
  project(code: $code) {
    code name district districtName address status
    permit { permitNo issuedOn contractValue projectManagerName projectManagerPhone }
    participants { role enterpriseName enterprise { uscc } }
  }
}`;

/**
 * The field's maximum page: a project-month with more workers in arrears keeps the first 500 by amount owed, and
 * the counts beside the list say how many there are.
 */
export const ARREARS_WORKERS_MAX = 500;

/** The attendance and pay of each affected worker (hrss; names as hrss's catalogue shows them to the caller). */
function arrearsWorkersRequest(projectCode: string, month: string): EvidenceRequest {
  return {
    query: `query CaseArrearsWorkers($code: String!, $month: String!, $first: Int!) {
  project(code: $code) {
    code
    wageStatus(month: $month) {
      month payDeadline workersWithAttendance workersUnpaid workersShort amountOwed
      affectedWorkers(first: $first) { workerId name state employer { uscc } daysWorked dailyWage amountDue amountPaid amountOwed }
    }
  }
}`,
    variables: { code: projectCode, month, first: ARREARS_WORKERS_MAX },
    note: `attendance and pay of the workers in arrears: ${projectCode}, ${month} (hrss)`,
  };
}

export function arrearsPlan(projectCode: string, month: string): FindingPlan {
  return {
    finding: {
      query: `query CaseWageArrearsFinding($code: String!, $month: String!) {
  project(code: $code) {
    code workforce
    wageStatus(month: $month) { month payDeadline daysOverdue workersWithAttendance workersPaid workersUnpaid workersShort amountOwed }
  }
}`,
      variables: { code: projectCode, month },
      note: `wage-arrears finding: ${projectCode}, ${month} (hrss)`,
    },
    records: [
      arrearsWorkersRequest(projectCode, month),
      {
        query: `query CaseArrearsByEmployer($month: String!, $district: String!) {
  wageArrears(month: $month, district: $district) {
    project { code } month payDeadline daysOverdue workersAffected workersUnpaid workersShort amountOwed
    employers { uscc workforce arrearsBlacklisting { decisionNo listedOn expiresOn } }
  }
}`,
        variables: { month, district: projectCode.slice(5, 11) },
        note: `arrears of the district ${projectCode.slice(5, 11)} in ${month}, with the employers behind them (hrss)`,
      },
      { query: PERMIT_AND_CONTRACTOR, variables: { code: projectCode }, note: 'construction permit and the general contractor (housing)' },
    ],
  };
}

/** The finding shows arrears when some worker with attendance was unpaid or paid short. */
export function arrearsFound(data: unknown): boolean {
  const s = (data as { project?: { wageStatus?: { workersUnpaid?: number; workersShort?: number; amountOwed?: number } | null } | null })?.project?.wageStatus;
  return !!s && ((s.workersUnpaid ?? 0) > 0 || (s.workersShort ?? 0) > 0 || (s.amountOwed ?? 0) > 0);
}

export function exceedancesPlan(projectCode: string, from: string, to: string): FindingPlan {
  return {
    finding: {
      query: `query CaseExceedanceFinding($code: String!, $from: String!, $to: String!) {
  project(code: $code) {
    code
    exceedanceSummary(from: $from, to: $to) { from to total nightNoise dayNoise dust daysWithExceedances }
    exceedances(from: $from, to: $to) { mn pollutant pollutantName unit rule ruleKind averaging periodStart periodEnd value limit background timeOfDay basis }
    nightWorkPermits { permitNo from to }
  }
}`,
      variables: { code: projectCode, from, to },
      note: `exceedance finding: ${projectCode}, ${from} to ${to} (environment)`,
    },
    records: [{ query: PERMIT_AND_CONTRACTOR, variables: { code: projectCode }, note: 'construction permit and the general contractor (housing)' }],
  };
}

export interface ExceedanceWindow { mn: string; periodStart: string; periodEnd: string }

export function exceedanceWindows(data: unknown): ExceedanceWindow[] {
  const list = (data as { project?: { exceedances?: ExceedanceWindow[] | null } | null })?.project?.exceedances;
  return Array.isArray(list) ? list : [];
}

/**
 * The readings behind the exceedances: one capture per station over the span of its exceeding windows
 * (at most `maxStations` stations; the rest stay reachable through the finding's windows).
 */
export function readingsRequests(windows: ExceedanceWindow[], maxStations = 3): EvidenceRequest[] {
  const span = new Map<string, { from: string; to: string }>();
  for (const w of windows) {
    const s = span.get(w.mn);
    span.set(w.mn, { from: !s || w.periodStart < s.from ? w.periodStart : s.from, to: !s || w.periodEnd > s.to ? w.periodEnd : s.to });
  }
  return [...span].slice(0, maxStations).map(([mn, s]) => ({
    query: `query CaseExceedanceReadings($mn: String!, $from: String!, $to: String!) {
  station(mn: $mn) { mn district systemCode readings(from: $from, to: $to) { dataTime command values { code name unit value flag } } }
}`,
    variables: { mn, from: s.from, to: s.to },
    note: `readings of station ${mn} from ${s.from} to ${s.to}, behind its exceedances (environment)`,
  }));
}
