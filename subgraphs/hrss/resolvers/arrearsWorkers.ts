/** The workers behind a project-month's arrears (WageArrears / ProjectWageStatus `affectedWorkers`). */
import { badInput } from '../../../lib/errors';
import type { SubgraphContext } from '../../common/context';
import type { HrssData } from '../data';
import type { WorkerAssessment } from '../wageRule';
import type { ProjectMonthRef } from './wage';

type Ctx = SubgraphContext<HrssData>;

const MAX_FIRST = 500;
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

function firstArg(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FIRST) throw badInput('first', `must be between 1 and ${MAX_FIRST}, got ${n}`);
  return n;
}

function affectedWorkers(p: ProjectMonthRef, args: { first?: number | null }, ctx: Ctx) {
  return ctx.data.workersInArrears(p.projectCode, p.month, p.asOf, firstArg(args.first));
}

export const WageArrears = { affectedWorkers };
export const ProjectWageStatus = { affectedWorkers };

export const WorkerInArrears = {
  async name(w: WorkerAssessment, _: unknown, ctx: Ctx) {
    return (await ctx.data.currentRegistration(w.workerId))?.name ?? null;
  },
  employer: (w: WorkerAssessment) => (w.employerUscc === null ? null : { uscc: w.employerUscc }),
  dailyWage: (w: WorkerAssessment) => yuan(w.dailyWageFen),
  amountDue: (w: WorkerAssessment) => yuan(w.dueFen),
  amountPaid: (w: WorkerAssessment) => yuan(w.paidFen),
  amountOwed: (w: WorkerAssessment) => yuan(w.owedFen),
};
