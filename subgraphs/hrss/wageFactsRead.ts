/**
 * The wage finders' reads of the read model (models/wageReadModel.ts), by `_id` only: the month's arrears
 * index document (one `_id` equality: no scan even on the embedded store) narrows a city to the
 * project-months not yet settled on `asOf`, and only their facts are read, in one query.
 * The rule (pay day, tolerance) is applied here, to the stored facts, with the same functions as the
 * reference computation (wageRule.ts).
 */
import type { HrssModels } from './models';
import { decodeIndex, decodeWorkers, projectMonthId, readWageModelState, type StoredWorkerFacts } from './wageFactsStore';
import { assessProjectMonth, daysBetween, inArrears, payDeadline, type ProjectMonthAssessment, type WageSettings, type WorkerMonthFacts } from './wageRule';

/** A stored worker as the rule sees it on `asOf`: only the transfers made by then count. */
export function workerFactsAsOf(w: StoredWorkerFacts, asOf: string): WorkerMonthFacts {
  let paidFen = 0;
  for (const p of w.payments) if (p.on <= asOf) paidFen += p.fen;
  return { workerId: w.workerId, daysWorked: w.daysWorked, dailyWageFen: w.dailyWageFen, paidFen, employerUscc: w.employerUscc };
}

export class WageReadModel {
  constructor(private readonly models: HrssModels) {}

  /** Whether the read model is complete (not absent, not being rebuilt, in this code's format). */
  async ready(): Promise<boolean> {
    return (await readWageModelState(this.models)).ready;
  }

  /**
   * Stored workers of the given projects in `month`; a project without attendance is absent. One read
   * whatever the number of projects (a list page asks for all of its projects at once): `_id` in the
   * keys. MongoDB bounds it by the `_id` index; the embedded store scans the collection, one document
   * per project-month (ADR 0005), which is still far from recomputing a month.
   */
  async projectMonths(month: string, projectCodes: string[]): Promise<Map<string, StoredWorkerFacts[]>> {
    if (!projectCodes.length) return new Map();
    const ids = [...new Set(projectCodes)].map((c) => projectMonthId(month, c));
    const docs = await this.models.WageProjectMonth.find({ _id: { $in: ids } }, { _id: 0, projectCode: 1, workers: 1 }).lean();
    return new Map(docs.map((d) => [d.projectCode, decodeWorkers(d.workers)]));
  }

  /** Wage status of each project in `month` evaluated on `asOf`. */
  async statuses(month: string, asOf: string, projectCodes: string[], s: WageSettings): Promise<Map<string, ProjectMonthAssessment>> {
    const stored = await this.projectMonths(month, projectCodes);
    return new Map(projectCodes.map((code) => [code, assess(code, month, stored.get(code) ?? [], asOf, s)]));
  }

  /** Every project in arrears for `month` on `asOf`, largest amount owed first (the order of the reference). */
  async arrears(month: string, asOf: string, s: WageSettings, district?: string): Promise<ProjectMonthAssessment[]> {
    // Before the pay date nothing is overdue: no read at all.
    if (daysBetween(payDeadline(month, s.payDay), asOf) <= 0) return [];
    const index = await this.models.WageArrearsIndex.findById(month, { projects: 1 }).lean();
    const candidates = [...decodeIndex(index?.projects ?? '')]
      .filter(([code, e]) => e.settledOn > asOf && (district === undefined || code.slice(5, 11) === district))
      .map(([code]) => code);
    if (!candidates.length) return [];
    const stored = await this.projectMonths(month, candidates);
    return [...stored]
      .map(([code, workers]) => assess(code, month, workers, asOf, s))
      .filter(inArrears)
      .sort((a, b) => b.owedFen - a.owedFen || a.projectCode.localeCompare(b.projectCode));
  }
}

function assess(code: string, month: string, workers: StoredWorkerFacts[], asOf: string, s: WageSettings): ProjectMonthAssessment {
  return assessProjectMonth(code, month, workers.map((w) => workerFactsAsOf(w, asOf)), asOf, s);
}
