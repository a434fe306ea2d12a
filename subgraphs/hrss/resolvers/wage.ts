import type { ProjectMonthAssessment } from '../wageRule';

const yuan = (fen: number) => fen / 100;

/** A WageArrears object of the API from an assessment. */
export function toWageArrears(a: ProjectMonthAssessment) {
  return {
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

/** A ProjectWageStatus object of the API from an assessment. */
export function toProjectWageStatus(a: ProjectMonthAssessment) {
  return {
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
