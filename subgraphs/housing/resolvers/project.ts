import type { ProjectResolvers } from '../generated/resolvers';

export const Project: ProjectResolvers = {
  __resolveReference(ref, ctx) {
    return ctx.data.projectByCode.load(ref.code);
  },
  location(p) {
    return { lng: p.lng, lat: p.lat };
  },
  permit(p, _, ctx) {
    return ctx.data.permitByProject.load(p.code);
  },
  async participants(p, args, ctx) {
    const all = await ctx.data.participantsOfProject(p.code);
    return args.role ? all.filter((x) => x.role === args.role) : all;
  },
  latestProgress(p, _, ctx) {
    return ctx.data.latestProgress(p.code);
  },
  progressReports(p, _, ctx) {
    return ctx.data.progressByProject.load(p.code);
  },
  inspections(p, _, ctx) {
    return ctx.data.inspectionsByProject.load(p.code);
  },
  async reportedFloorArea(p, _, ctx) {
    return (await ctx.data.latestProgress(p.code))?.reportedFloorArea ?? null;
  },
  async reportedHeight(p, _, ctx) {
    return (await ctx.data.latestProgress(p.code))?.reportedHeight ?? null;
  },
};
