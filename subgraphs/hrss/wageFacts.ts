/**
 * Reads what the wage rule needs for one month: days worked per (worker, project) from attendance
 * blocks, amounts paid by the evaluation date from a $match/$group over pay lines, and the agreed
 * daily wage and employer from the registrations on the same projects. Three concurrent queries,
 * whatever the number of projects.
 */
import type { HrssModels } from './models';
import type { RegistrationDoc } from './models/registration';
import type { WorkerMonthFacts } from './wageRule';

export interface WageFactsFilter {
  month: string;
  asOf: string;
  projectCodes?: string[];
  district?: string;
}

/** Worker facts per project code. */
export type FactsByProject = Map<string, WorkerMonthFacts[]>;

export async function loadWageFacts(models: HrssModels, f: WageFactsFilter): Promise<FactsByProject> {
  const where: Record<string, unknown> = { month: f.month };
  if (f.projectCodes) where.projectCode = { $in: f.projectCodes };
  if (f.district) where.district = f.district;
  // Registrations carry the same project code and district, so all three queries run at once.
  const registrationFilter: Record<string, unknown> = { ...where };
  delete registrationFilter.month;
  const [blocks, paid, registrations] = await Promise.all([
    models.AttendanceBlock.find(where, { _id: 0, workerId: 1, projectCode: 1, days: 1 }).lean(),
    models.PayLine.aggregate<{ _id: { w: string; p: string }; paidFen: number }>([
      { $match: { ...where, succeeded: true, paidOn: { $lte: f.asOf } } },
      { $group: { _id: { w: '$workerId', p: '$projectCode' }, paidFen: { $sum: '$amountFen' } } },
    ]),
    models.Registration.find(registrationFilter, { _id: 0, workerId: 1, projectCode: 1, dailyWageFen: 1, employerUscc: 1, enteredOn: 1 }).lean(),
  ]);
  // Blocks from different exports may overlap: count each day once.
  const daysByPair = new Map<string, Set<string>>();
  for (const b of blocks) {
    const key = `${b.workerId}|${b.projectCode}`;
    const days = daysByPair.get(key) ?? new Set<string>();
    for (const d of b.days.split(',')) days.add(d);
    daysByPair.set(key, days);
  }
  const paidByPair = new Map(paid.map((p) => [`${p._id.w}|${p._id.p}`, p.paidFen]));
  const registrationByPair = new Map<string, Pick<RegistrationDoc, 'dailyWageFen' | 'employerUscc' | 'enteredOn'>>();
  for (const r of registrations) {
    const key = `${r.workerId}|${r.projectCode}`;
    const known = registrationByPair.get(key);
    if (!known || known.enteredOn < r.enteredOn) registrationByPair.set(key, r);
  }
  const byProject: FactsByProject = new Map();
  for (const [key, days] of daysByPair) {
    const [workerId, projectCode] = key.split('|');
    const reg = registrationByPair.get(key);
    const list = byProject.get(projectCode) ?? [];
    list.push({
      workerId,
      daysWorked: days.size,
      dailyWageFen: reg?.dailyWageFen ?? null,
      paidFen: paidByPair.get(key) ?? 0,
      employerUscc: reg?.employerUscc ?? null,
    });
    byProject.set(projectCode, list);
  }
  return byProject;
}
