/**
 * The rules applied to one project's or one enterprise's facts: pure functions (no I/O, the clock passed in),
 * so that the same facts and rules always give the same level and reasons.
 */
import type { EnterpriseFacts, ProjectFacts, StoredReason } from './facts';
import { enabled, type CreditColour, type EnterpriseRule, type ProjectRule, type RiskLevel, type RiskRules } from './rules';

/** A reason lists at most this many keys; its detail gives the total. */
export const MAX_KEYS = 20;
const CITY_UTC_OFFSET_MS = 8 * 3_600_000;

const LEVEL_RANK: Record<RiskLevel, number> = { BLUE: 0, YELLOW: 1, ORANGE: 2, RED: 3 };
const COLOUR_RANK: Record<CreditColour, number> = { GREEN: 0, YELLOW: 1, RED: 2 };

export function worseLevel(a: RiskLevel, b: RiskLevel): boolean {
  return LEVEL_RANK[a] > LEVEL_RANK[b];
}

/** City-local (UTC+8) date of an instant. */
export function localDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + CITY_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local date of the evening a night window belongs to (a window after midnight belongs to the evening before). */
function eveningOf(periodStart: string): string {
  const local = new Date(new Date(periodStart).getTime() + CITY_UTC_OFFSET_MS);
  if (local.getUTCHours() < 12) local.setUTCDate(local.getUTCDate() - 1);
  return local.toISOString().slice(0, 10);
}

function capped(keys: string[]): string[] {
  return [...new Set(keys)].slice(0, MAX_KEYS);
}

function reason(rule: ProjectRule | EnterpriseRule, detail: string, keys: string[], keysFrom: StoredReason['keysFrom'], validUntil?: string | null): StoredReason {
  return { rule: rule.id, dept: rule.dept, detail, title: rule.title, keys: capped(keys), keysFrom, ...(validUntil !== undefined ? { validUntil } : {}) };
}

function percentOver(reported: number | null, approved: number | null): number | null {
  if (reported === null || approved === null || approved <= 0 || reported <= approved) return null;
  return ((reported - approved) / approved) * 100;
}

function projectReason(rule: ProjectRule, f: ProjectFacts, now: Date): StoredReason | null {
  switch (rule.fact) {
    case 'wageArrears': {
      const hit = f.arrears.filter((a) => a.workersAffected >= rule.minWorkers!);
      if (!hit.length) return null;
      const text = hit.map((a) => `${a.month}: ${a.workersAffected} workers owed ¥${a.amountOwed.toFixed(2)}, ${a.daysOverdue} days overdue`).join('; ');
      return reason(rule, `${rule.title} (≥ ${rule.minWorkers} workers): ${text}`, hit.map((a) => a.month), { subgraph: 'hrss', coordinate: 'Query.wageArrears' });
    }
    case 'dustExceedances': {
      const dust = f.exceedances.filter((e) => rule.pollutants!.includes(e.pollutant));
      const days = new Set(dust.map((e) => localDate(e.periodStart)));
      if (days.size < rule.minDays!) return null;
      return reason(rule, `${rule.title}: ${dust.length} exceeding windows on ${days.size} days (≥ ${rule.minDays})`, dust.map((e) => `${e.mn}@${e.periodStart}`), { subgraph: 'environment', coordinate: 'Query.exceedances' });
    }
    case 'nightNoiseWithoutPermit': {
      const covered = (evening: string) => f.nightWorkPermits.some((p) => p.from <= evening && evening <= p.to);
      const hit = f.exceedances.filter((e) => e.pollutant === 'LA' && e.timeOfDay === 'NIGHT' && !covered(eveningOf(e.periodStart)));
      if (hit.length < rule.minWindows!) return null;
      const nights = new Set(hit.map((e) => eveningOf(e.periodStart)));
      return reason(rule, `${rule.title}: ${hit.length} night noise windows on ${nights.size} nights, no night-work permit for them`, hit.map((e) => `${e.mn}@${e.periodStart}`), { subgraph: 'environment', coordinate: 'Query.exceedances' });
    }
    case 'overBuilt': {
      const p = f.planning;
      const area = percentOver(p.reportedFloorArea, p.approvedFloorArea);
      const height = percentOver(p.reportedHeight, p.approvedHeight);
      const over = Math.max(area ?? -1, height ?? -1);
      if (over < 0 || over <= rule.minPercent!) return null;
      const parts = [
        area !== null ? `floor area ${p.reportedFloorArea} m² reported vs ${p.approvedFloorArea} m² approved (+${area.toFixed(1)} %)` : null,
        height !== null ? `height ${p.reportedHeight} m reported vs ${p.approvedHeight} m approved (+${height.toFixed(1)} %)` : null,
      ].filter(Boolean);
      return reason(rule, `${rule.title} (> ${rule.minPercent} %): ${parts.join('; ')}`, p.permitNo ? [p.permitNo] : [], { subgraph: 'resources', coordinate: 'Project.approvedFloorArea' });
    }
    case 'openViolation': {
      const limit = now.getTime() - rule.minOpenDays! * 86_400_000;
      const hit = f.openCases.filter((c) => new Date(c.filedAt).getTime() <= limit);
      if (!hit.length) return null;
      return reason(rule, `${rule.title} ${rule.minOpenDays} days or more after filing: ${hit.map((c) => c.caseNo).join(', ')}`, hit.flatMap((c) => (c.violationNo ? [c.violationNo, c.caseNo] : [c.caseNo])), { subgraph: 'citymgmt', coordinate: 'Query.enforcementCases' });
    }
    case 'complaints': {
      if (f.complaints.length < rule.minCount!) return null;
      return reason(rule, `${rule.title}: ${f.complaints.length} work orders in the window (≥ ${rule.minCount})`, f.complaints, { subgraph: 'citymgmt', coordinate: 'Project.complaints' });
    }
    case 'builderCreditCode': {
      const bad = f.builders.filter((b) => b.needsReview);
      if (!bad.length) return null;
      return reason(rule, `${rule.title}: ${bad.map((b) => b.uscc).join(', ')} awaits 住建's review`, bad.map((b) => b.uscc), { subgraph: 'housing', coordinate: 'Enterprise.needsReview' });
    }
    case 'unpaidAfterOrder':
    case 'payrollAttendanceMismatch':
      // No department holds these facts (rules.json says so; such rules stay disabled).
      return null;
  }
}

function byRank<T extends { rank: number; order: number }>(a: T, b: T): number {
  return b.rank - a.rank || a.order - b.order;
}

export function evaluateProject(f: ProjectFacts, rules: RiskRules, now: Date): { level: RiskLevel; reasons: StoredReason[] } {
  const hits = enabled(rules.projectRules)
    .map((rule, order) => ({ rule, order, rank: LEVEL_RANK[rule.level], reason: projectReason(rule, f, now) }))
    .filter((h) => h.reason !== null)
    .sort(byRank);
  return { level: hits[0]?.rule.level ?? 'BLUE', reasons: hits.map((h) => h.reason!) };
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function enterpriseReason(rule: EnterpriseRule, f: EnterpriseFacts, rules: RiskRules, now: Date, levelOf: (code: string) => RiskLevel | undefined): StoredReason | null {
  switch (rule.fact) {
    case 'arrearsBlacklist': {
      const b = f.blacklisting;
      if (!b) return null;
      return reason(rule, `${rule.title}: decision ${b.decisionNo}, until ${b.expiresOn}`, [b.decisionNo], { subgraph: 'hrss', coordinate: 'Enterprise.arrearsBlacklisting' }, b.removedOn ?? b.expiresOn);
    }
    case 'penalty': {
      const today = localDate(now);
      const recent = f.penalties.filter((p) => addMonths(localDate(p.decidedAt), rules.windows.penaltyMonths) > today);
      if (!recent.length) return null;
      const lapses = recent.map((p) => addMonths(localDate(p.decidedAt), rules.windows.penaltyMonths)).sort().at(-1)!;
      const total = recent.reduce((s, p) => s + p.amount, 0);
      return reason(rule, `${rule.title}: ${recent.length} fines, ¥${total.toFixed(2)} in all, within ${rules.windows.penaltyMonths} months`, recent.map((p) => p.caseNo), { subgraph: 'citymgmt', coordinate: 'Enterprise.penalties' }, lapses);
    }
    case 'openJointCase': {
      if (!f.openJointCases.length) return null;
      // Case numbers only to joint itself: a case is visible to its own departments only (cases/access.ts).
      return reason(rule, `${rule.title}: ${f.openJointCases.join(', ')}`, f.openJointCases, { subgraph: 'joint', coordinate: null }, null);
    }
    case 'redProjectAsContractor': {
      const red = f.contractorOf.filter((code) => levelOf(code) === 'RED');
      if (!red.length) return null;
      return reason(rule, `${rule.title}: ${red.join(', ')}`, red, { subgraph: 'housing', coordinate: 'Project.participants' }, null);
    }
    case 'creditCodeReview': {
      if (!f.needsReview) return null;
      return reason(rule, `${rule.title}: ${f.uscc} awaits 住建's review`, [f.uscc], { subgraph: 'housing', coordinate: 'Enterprise.needsReview' }, null);
    }
  }
}

export interface CreditResult {
  colour: CreditColour;
  reasons: StoredReason[];
  inspectionInterval: string;
  validUntil: string | null;
}

export function evaluateEnterprise(f: EnterpriseFacts, rules: RiskRules, now: Date, levelOf: (code: string) => RiskLevel | undefined): CreditResult {
  const hits = enabled(rules.enterpriseRules)
    .map((rule, order) => ({ rule, order, rank: COLOUR_RANK[rule.colour], reason: enterpriseReason(rule, f, rules, now, levelOf) }))
    .filter((h) => h.reason !== null)
    .sort(byRank);
  const colour: CreditColour = hits[0]?.rule.colour ?? 'GREEN';
  const reasons = hits.map((h) => h.reason!);
  // The colour lapses when the last reason of that colour does; one without an end keeps it until the facts change.
  const ends = hits.filter((h) => h.rule.colour === colour).map((h) => h.reason!.validUntil ?? null);
  const validUntil = ends.length && ends.every((e) => e !== null) ? (ends as string[]).sort().at(-1)! : null;
  return { colour, reasons, inspectionInterval: rules.inspectionInterval[colour], validUntil };
}
