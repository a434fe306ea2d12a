import type { ProjectMonthAssessment } from '../wageRule';

const yuan = (fen: number) => fen / 100;

/** Which project-month on which date an arrears object describes: what its `affectedWorkers` read. */
export interface ProjectMonthRef {
  projectCode: string;
  month: string;
  asOf: string;
}

/** A WageArrears object of the API from an assessment evaluated on `asOf`. */
export function toWageArrears(a: ProjectMonthAssessment, asOf: string) {
  return {
    projectCode: a.projectCode,
    asOf,
    project: { code: a.projectCode },
    month: a.month,
    payDeadline: a.payDeadline,
    daysOverdue: a.daysOverdue,
    workersAffected: a.workersUnpaid + a.workersShort,
    workersUnpaid: a.workersUnpaid,
    workersShort: a.workersShort,
    amountOwed: yuan(a.owedFen),
    employers: a.employerUsccs.map((uscc) => ({ uscc })),
  };
}

/** What a WageArrears object's field resolvers receive. */
export type WageArrearsView = ReturnType<typeof toWageArrears>;

/** A ProjectWageStatus object of the API from an assessment evaluated on `asOf`. */
export function toProjectWageStatus(a: ProjectMonthAssessment, asOf: string) {
  return {
    projectCode: a.projectCode,
    asOf,
    month: a.month,
    payDeadline: a.payDeadline,
    daysOverdue: Math.max(0, a.daysOverdue),
    workersWithAttendance: a.workersWithAttendance,
    workersPaid: a.workersPaid,
    workersUnpaid: a.workersUnpaid,
    workersShort: a.workersShort,
    amountOwed: yuan(a.owedFen),
  };
}

/** What a ProjectWageStatus object's field resolvers receive. */
export type ProjectWageStatusView = ReturnType<typeof toProjectWageStatus>;
