import type { Connection } from 'mongoose';
import { createComplaintModel } from './complaint';
import { createEnforcementCaseModel } from './enforcementCase';
import { createViolationModel } from './violation';

/** Every model of the 城管 silo, bound to its own database. */
export function createCitymgmtModels(conn: Connection) {
  return {
    Complaint: createComplaintModel(conn),
    Violation: createViolationModel(conn),
    EnforcementCase: createEnforcementCaseModel(conn),
  };
}
export type CitymgmtModels = ReturnType<typeof createCitymgmtModels>;
