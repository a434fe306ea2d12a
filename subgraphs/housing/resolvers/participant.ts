import type { SubgraphContext } from '../../common/context';
import type { HousingData } from '../data';
import type { EnterpriseDoc } from '../models/enterprise';
import type { ParticipantDoc } from '../models/participant';

type Ctx = SubgraphContext<HousingData>;

export const ProjectParticipant = {
  project(p: ParticipantDoc, _: unknown, ctx: Ctx) {
    return ctx.data.projectByCode.load(p.projectCode);
  },
  async enterprise(p: ParticipantDoc, _: unknown, ctx: Ctx): Promise<EnterpriseDoc> {
    // The adapter writes both together; fall back to the permit's declaration if they ever diverge.
    return (await ctx.data.enterpriseByUscc.load(p.uscc))
      ?? { uscc: p.uscc, name: p.enterpriseName, creditCodeStatus: p.creditCodeStatus, expectedCheckChar: null };
  },
};
