import type { Connection } from 'mongoose';
import { createNightPermitModel } from './nightPermit';
import { createReadingModel } from './reading';
import { createStationModel } from './station';

/** Every model of the 生态环境 silo, bound to its own database. */
export function createEnvironmentModels(conn: Connection) {
  return {
    Station: createStationModel(conn),
    Reading: createReadingModel(conn),
    NightPermit: createNightPermitModel(conn),
  };
}
export type EnvironmentModels = ReturnType<typeof createEnvironmentModels>;

/** Builds the declared indexes (the unique natural keys that make acceptNew idempotent). */
export async function ensureEnvironmentIndexes(models: EnvironmentModels): Promise<void> {
  await Promise.all(Object.values(models).map((m) => m.init()));
}
