import type { PlanningPermitResolvers } from '../generated/resolvers';

export const PlanningPermit: PlanningPermitResolvers = {
  project(p) {
    return { code: p.projectCode };
  },
  parcel(p, _, ctx) {
    return ctx.data.parcelByCode.load(p.parcelCode);
  },
};
