import type { Connection } from 'mongoose';
import { createAttendanceBlockModel } from './attendance';
import { createBlacklistEntryModel } from './blacklist';
import { createPayLineModel } from './payLine';
import { createRegistrationModel } from './registration';

/** Every model of the 人社 silo, bound to its own database. */
export function createHrssModels(conn: Connection) {
  return {
    Registration: createRegistrationModel(conn),
    AttendanceBlock: createAttendanceBlockModel(conn),
    PayLine: createPayLineModel(conn),
    BlacklistEntry: createBlacklistEntryModel(conn),
  };
}
export type HrssModels = ReturnType<typeof createHrssModels>;

/** Builds the unique indexes that idempotent inserts rely on (acceptNew needs them before the first insert). */
export async function ensureHrssIndexes(models: HrssModels): Promise<void> {
  await Promise.all(Object.values(models).map((m) => m.init()));
}
