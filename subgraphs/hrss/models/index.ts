import type { Connection } from 'mongoose';
import { createAttendanceBlockModel } from './attendance';
import { createBlacklistEntryModel } from './blacklist';
import { createPayLineModel } from './payLine';
import { createRegistrationModel } from './registration';
import { createWageArrearsIndexModel, createWageProjectMonthModel, createWageReadModelStateModel } from './wageReadModel';

/** Every model of the 人社 silo, bound to its own database. */
export function createHrssModels(conn: Connection) {
  return {
    Registration: createRegistrationModel(conn),
    AttendanceBlock: createAttendanceBlockModel(conn),
    PayLine: createPayLineModel(conn),
    BlacklistEntry: createBlacklistEntryModel(conn),
    // The wage read model (issue 17), derived from the three fact collections above.
    WageProjectMonth: createWageProjectMonthModel(conn),
    WageArrearsIndex: createWageArrearsIndexModel(conn),
    WageReadModelState: createWageReadModelStateModel(conn),
  };
}
export type HrssModels = ReturnType<typeof createHrssModels>;

/** Builds the unique indexes that idempotent inserts rely on (acceptNew needs them before the first insert). */
export async function ensureHrssIndexes(models: HrssModels): Promise<void> {
  await Promise.all(Object.values(models).map((m) => m.init()));
}
