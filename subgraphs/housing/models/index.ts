import type { Connection } from 'mongoose';
import { createProjectModel } from './project';

/** Every model of the 住建 silo, bound to its own database. */
export function createHousingModels(conn: Connection) {
  return { Project: createProjectModel(conn) };
}
export type HousingModels = ReturnType<typeof createHousingModels>;
