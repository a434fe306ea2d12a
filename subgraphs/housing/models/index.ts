import type { Connection } from 'mongoose';
import { createEnterpriseModel } from './enterprise';
import { createInspectionModel } from './inspection';
import { createParticipantModel } from './participant';
import { createPermitModel } from './permit';
import { createProgressModel } from './progress';
import { createProjectModel } from './project';

/** Every model of the 住建 silo, bound to its own database. */
export function createHousingModels(conn: Connection) {
  return {
    Project: createProjectModel(conn),
    Permit: createPermitModel(conn),
    Participant: createParticipantModel(conn),
    Enterprise: createEnterpriseModel(conn),
    Progress: createProgressModel(conn),
    Inspection: createInspectionModel(conn),
  };
}
export type HousingModels = ReturnType<typeof createHousingModels>;
