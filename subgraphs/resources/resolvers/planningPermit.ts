import type { SubgraphContext } from '../../common/context';
import type { ResourcesData } from '../data';
import type { PlanningPermitDoc } from '../models/planningPermit';

type Ctx = SubgraphContext<ResourcesData>;

export const PlanningPermit = {
  project(p: PlanningPermitDoc) {
    return { code: p.projectCode };
  },
  parcel(p: PlanningPermitDoc, _: unknown, ctx: Ctx) {
    return ctx.data.parcelByCode.load(p.parcelCode);
  },
};
