import type { SubgraphContext } from '../../common/context';
import type { HousingData } from '../data';
import type { EnterpriseDoc } from '../models/enterprise';
import type { CreditCodeStatus, ParticipantRole } from '../models/participant';

type Ctx = SubgraphContext<HousingData>;

const STATUS_ENUM: Record<CreditCodeStatus, string> = { valid: 'VALID', 'checksum-mismatch': 'CHECKSUM_MISMATCH' };

export const Enterprise = {
  __resolveReference(ref: { uscc: string }, ctx: Ctx) {
    return ctx.data.enterpriseByUscc.load(ref.uscc);
  },
  creditCodeStatus(e: EnterpriseDoc) {
    return STATUS_ENUM[e.creditCodeStatus] ?? null;
  },
  needsReview(e: EnterpriseDoc) {
    return e.creditCodeStatus !== 'valid';
  },
  async participations(e: EnterpriseDoc, args: { role?: ParticipantRole | null }, ctx: Ctx) {
    const all = await ctx.data.participationsOfEnterprise(e.uscc);
    return args.role ? all.filter((x) => x.role === args.role) : all;
  },
};
