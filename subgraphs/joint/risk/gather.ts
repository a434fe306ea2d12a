/**
 * Gathers the facts of one evaluation through the gateway, as joint's own service identity (a short-lived token
 * joint signs itself), so every owner applies its catalogue and records the read in its audit trail as for any
 * caller. Batched: city-wide finders (one scan per wage month and per exceedance window) and pages of 100
 * projects with their per-project fields — never one call per project. Calls go one at a time (the gateway
 * allows a caller 8 in flight; an evaluation is background work). Any error fails the whole gathering: a view
 * built from partial facts would lower colours silently.
 */
import type { GatewayAnswer } from '../gatewayCall';
import { NotGraphQLAnswer } from '../gatewayCall';
import { localDate } from './evaluate';
import type { EnterpriseFacts, ExceedanceFact, ProjectFacts } from './facts';
import type { RiskRules } from './rules';

export interface GatherSettings {
  url: string;
  /** The Authorization header value (joint's own evaluator token). */
  authorization: string;
  timeoutMs: number;
  /** Projects per page (each page's cost is estimated by the gateway; docs/risk.md). */
  pageSize: number;
  /** Days per exceedance query (the gateway's EXCEEDANCES_MAX_DAYS, 31). */
  exceedanceChunkDays: number;
}

export interface GatheredFacts {
  projects: ProjectFacts[];
  enterprises: Map<string, Omit<EnterpriseFacts, 'openJointCases'>>;
  /** Gateway calls made, for the evaluation's log line and the benchmark. */
  calls: number;
}

export class GatewayRefused extends Error {
  constructor(readonly operation: string, readonly codes: string[], message: string) {
    super(`risk evaluation: the gateway refused ${operation}: ${message}`);
    this.name = 'GatewayRefused';
  }
}

export const PROJECTS_PAGE = `query RiskProjectsPage($first: Int!, $after: String, $complaintsFrom: String!) {
  projects(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      code district reportedFloorArea reportedHeight
      approvedFloorArea approvedHeight engineeringPlanningPermit { permitNo }
      nightWorkPermits { permitNo from to }
      complaints(from: $complaintsFrom) { orderNo }
      participants { role enterprise { uscc needsReview arrearsBlacklisting { decisionNo expiresOn removedOn } } }
    } }
  }
}`;

export const WAGE_ARREARS = (months: string[]) => `query RiskWageArrears {
${months.map((m, i) => `  m${i}: wageArrears(month: "${m}") { month daysOverdue workersAffected amountOwed project { code } }`).join('\n')}
}`;

export const EXCEEDANCES = `query RiskExceedances($from: String!, $to: String!) {
  exceedances(from: $from, to: $to) { mn pollutant timeOfDay periodStart project { code } }
}`;

export const ENFORCEMENT_CASES = `query RiskEnforcementCases($first: Int!, $after: String) {
  enforcementCases(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { caseNo state filedAt projectCode violationNo partyUscc penaltyAmount firstViolationNoPenalty history { state at } } }
  }
}`;

interface ProjectNode {
  code: string;
  district: string | null;
  reportedFloorArea: number | null;
  reportedHeight: number | null;
  approvedFloorArea: number | null;
  approvedHeight: number | null;
  engineeringPlanningPermit: { permitNo: string } | null;
  nightWorkPermits: { permitNo: string; from: string; to: string }[] | null;
  complaints: { orderNo: string }[];
  participants: { role: string; enterprise: { uscc: string; needsReview: boolean | null; arrearsBlacklisting: EnterpriseFacts['blacklisting'] } }[];
}

interface CaseNode {
  caseNo: string;
  state: string;
  filedAt: string;
  projectCode: string | null;
  violationNo: string | null;
  partyUscc: string | null;
  penaltyAmount: number | null;
  firstViolationNoPenalty: boolean;
  history: { state: string; at: string }[];
}

async function ask(s: GatherSettings, name: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: s.authorization, 'x-client-operation': name },
    body: JSON.stringify({ query, variables, operationName: name }),
    signal: AbortSignal.timeout(s.timeoutMs),
  });
  const text = await res.text();
  let answer: GatewayAnswer;
  try {
    answer = JSON.parse(text) as GatewayAnswer;
  } catch {
    throw new NotGraphQLAnswer(res.status, text);
  }
  if (answer.errors?.length || !answer.data) {
    const errors = answer.errors ?? [];
    throw new GatewayRefused(name, errors.map((e) => e.extensions?.code ?? 'UNKNOWN'), errors.map((e) => `${e.message} (${e.extensions?.code ?? 'no code'})`).slice(0, 3).join('; ') || `HTTP ${res.status} without data`);
  }
  return answer.data;
}

/** The `count` wage months before `now`'s month, oldest first (the current month's pay day has rarely passed). */
export function wageMonths(now: Date, count: number): string[] {
  const [y, m] = localDate(now).split('-').map(Number);
  const out: string[] = [];
  for (let i = count; i >= 1; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** [from, to) local-date windows of at most `chunk` days covering the last `days` days up to and including today. */
export function exceedanceWindows(now: Date, days: number, chunk: number): { from: string; to: string }[] {
  const day = (offset: number) => {
    const d = new Date(`${localDate(now)}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const out: { from: string; to: string }[] = [];
  for (let start = -days + 1; start <= 0; start += chunk) out.push({ from: day(start), to: day(Math.min(start + chunk, 1)) });
  return out;
}

export async function gatherFacts(s: GatherSettings, rules: RiskRules, now: Date): Promise<GatheredFacts> {
  let calls = 0;
  const call = (name: string, query: string, variables: Record<string, unknown> = {}) => {
    calls++;
    return ask(s, name, query, variables);
  };
  const complaintsFrom = new Date(now.getTime() - rules.windows.complaintDays * 86_400_000).toISOString();

  const projects = new Map<string, ProjectFacts>();
  const enterprises: GatheredFacts['enterprises'] = new Map();
  const enterprise = (uscc: string) => {
    let e = enterprises.get(uscc);
    if (!e) enterprises.set(uscc, (e = { uscc, needsReview: false, blacklisting: null, penalties: [], contractorOf: [] }));
    return e;
  };
  let after: string | null = null;
  do {
    const data = await call('RiskProjectsPage', PROJECTS_PAGE, { first: s.pageSize, after, complaintsFrom });
    const page = data.projects as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ProjectNode }[] };
    for (const { node } of page.edges) {
      const builders = node.participants.filter((p) => p.role === 'BUILDER').map((p) => ({ uscc: p.enterprise.uscc, needsReview: p.enterprise.needsReview === true }));
      for (const p of node.participants) {
        const e = enterprise(p.enterprise.uscc);
        e.needsReview ||= p.enterprise.needsReview === true;
        e.blacklisting ??= p.enterprise.arrearsBlacklisting;
        if (p.role === 'CONTRACTOR' && !e.contractorOf.includes(node.code)) e.contractorOf.push(node.code);
      }
      projects.set(node.code, {
        code: node.code,
        district: node.district,
        builders,
        arrears: [],
        exceedances: [],
        nightWorkPermits: node.nightWorkPermits ?? [],
        planning: {
          permitNo: node.engineeringPlanningPermit?.permitNo ?? null,
          approvedFloorArea: node.approvedFloorArea,
          approvedHeight: node.approvedHeight,
          reportedFloorArea: node.reportedFloorArea,
          reportedHeight: node.reportedHeight,
        },
        openCases: [],
        complaints: node.complaints.map((c) => c.orderNo),
      });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  const months = wageMonths(now, rules.windows.arrearsMonths);
  const arrears = await call('RiskWageArrears', WAGE_ARREARS(months));
  for (const list of Object.values(arrears) as ({ month: string; daysOverdue: number; workersAffected: number; amountOwed: number; project: { code: string } }[] | null)[]) {
    for (const a of list ?? []) projects.get(a.project.code)?.arrears.push({ month: a.month, daysOverdue: a.daysOverdue, workersAffected: a.workersAffected, amountOwed: a.amountOwed });
  }

  for (const w of exceedanceWindows(now, rules.windows.exceedanceDays, s.exceedanceChunkDays)) {
    const data = await call('RiskExceedances', EXCEEDANCES, w);
    for (const e of data.exceedances as (ExceedanceFact & { project: { code: string } | null })[]) {
      if (e.project) projects.get(e.project.code)?.exceedances.push({ mn: e.mn, pollutant: e.pollutant, timeOfDay: e.timeOfDay, periodStart: e.periodStart });
    }
  }

  after = null;
  do {
    const data = await call('RiskEnforcementCases', ENFORCEMENT_CASES, { first: 100, after });
    const page = data.enforcementCases as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: CaseNode }[] };
    for (const { node: c } of page.edges) {
      if (c.state !== 'CLOSED' && c.projectCode) projects.get(c.projectCode)?.openCases.push({ caseNo: c.caseNo, violationNo: c.violationNo, filedAt: c.filedAt });
      const decidedAt = c.history.find((h) => h.state === 'DECIDED')?.at;
      // 首违不罚 is a decision not to fine: not a penalty (行政处罚法 art. 33).
      if (c.partyUscc && decidedAt && !c.firstViolationNoPenalty && (c.penaltyAmount ?? 0) > 0 && enterprises.has(c.partyUscc)) {
        enterprise(c.partyUscc).penalties.push({ caseNo: c.caseNo, decidedAt, amount: c.penaltyAmount! });
      }
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  return { projects: [...projects.values()], enterprises, calls };
}
