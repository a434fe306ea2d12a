import type { ProjectParticipantResolvers } from '../generated/resolvers';

export const ProjectParticipant: ProjectParticipantResolvers = {
  project(p, _, ctx) {
    return ctx.data.projectByCode.load(p.projectCode);
  },
  async enterprise(p, _, ctx) {
    // The adapter writes both together; fall back to the permit's declaration if they ever diverge.
    return (await ctx.data.enterpriseByUscc.load(p.uscc))
      ?? { uscc: p.uscc, name: p.enterpriseName, creditCodeStatus: p.creditCodeStatus, expectedCheckChar: null };
  },
};
