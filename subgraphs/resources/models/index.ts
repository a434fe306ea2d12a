import type { Connection } from 'mongoose';
import { createParcelModel } from './parcel';
import { createPlanningPermitModel } from './planningPermit';

/** Every model of the 自然资源 silo, bound to its own database. */
export function createResourcesModels(conn: Connection) {
  return { Parcel: createParcelModel(conn), PlanningPermit: createPlanningPermitModel(conn) };
}
export type ResourcesModels = ReturnType<typeof createResourcesModels>;
