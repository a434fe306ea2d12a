import type { SubgraphContext } from '../../common/context';
import type { HousingData } from '../data';
import type { ParticipantRole } from '../models/participant';
import type { ProjectDoc } from '../models/project';

type Ctx = SubgraphContext<HousingData>;

export const Project = {
  __resolveReference(ref: { code: string }, ctx: Ctx) {
    return ctx.data.projectByCode.load(ref.code);
  },
  location(p: ProjectDoc) {
    return { lng: p.lng, lat: p.lat };
  },
  permit(p: ProjectDoc, _: unknown, ctx: Ctx) {
    return ctx.data.permitByProject.load(p.code);
  },
  async participants(p: ProjectDoc, args: { role?: ParticipantRole | null }, ctx: Ctx) {
    const all = await ctx.data.participantsOfProject(p.code);
    return args.role ? all.filter((x) => x.role === args.role) : all;
  },
  latestProgress(p: ProjectDoc, _: unknown, ctx: Ctx) {
    return ctx.data.latestProgress(p.code);
  },
  progressReports(p: ProjectDoc, _: unknown, ctx: Ctx) {
    return ctx.data.progressByProject.load(p.code);
  },
  inspections(p: ProjectDoc, _: unknown, ctx: Ctx) {
    return ctx.data.inspectionsByProject.load(p.code);
  },
  async reportedFloorArea(p: ProjectDoc, _: unknown, ctx: Ctx) {
    return (await ctx.data.latestProgress(p.code))?.reportedFloorArea ?? null;
  },
  async reportedHeight(p: ProjectDoc, _: unknown, ctx: Ctx) {
    return (await ctx.data.latestProgress(p.code))?.reportedHeight ?? null;
  },
};
