/** The workers behind a project-month's arrears (WageArrears / ProjectWageStatus `affectedWorkers`). */
import { badInput } from '../../../lib/errors';
import type { ProjectWageStatusAffectedWorkersArgs, ProjectWageStatusResolvers, WageArrearsResolvers, WorkerInArrearsResolvers } from '../generated/resolvers';
import type { Ctx } from './context';
import type { ProjectMonthRef } from './wage';

const MAX_FIRST = 500;
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

function firstArg(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FIRST) throw badInput('first', `must be between 1 and ${MAX_FIRST}, got ${n}`);
  return n;
}

function affectedWorkers(p: ProjectMonthRef, args: Partial<ProjectWageStatusAffectedWorkersArgs>, ctx: Ctx) {
  return ctx.data.workersInArrears(p.projectCode, p.month, p.asOf, firstArg(args.first));
}

export const WageArrears: WageArrearsResolvers = { affectedWorkers };
export const ProjectWageStatus: ProjectWageStatusResolvers = { affectedWorkers };

export const WorkerInArrears: WorkerInArrearsResolvers = {
  async name(w, _, ctx) {
    return (await ctx.data.currentRegistration(w.workerId))?.name ?? null;
  },
  employer: (w) => (w.employerUscc === null ? null : { uscc: w.employerUscc }),
  dailyWage: (w) => yuan(w.dailyWageFen),
  amountDue: (w) => yuan(w.dueFen),
  amountPaid: (w) => yuan(w.paidFen),
  amountOwed: (w) => yuan(w.owedFen),
};
