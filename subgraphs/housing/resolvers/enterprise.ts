import type { CreditCodeStatus as CreditCodeStatusValue, EnterpriseResolvers } from '../generated/resolvers';
import type { CreditCodeStatus } from '../models/participant';

const STATUS_ENUM: Record<CreditCodeStatus, CreditCodeStatusValue> = { valid: 'VALID', 'checksum-mismatch': 'CHECKSUM_MISMATCH' };

export const Enterprise: EnterpriseResolvers = {
  __resolveReference(ref, ctx) {
    return ctx.data.enterpriseByUscc.load(ref.uscc);
  },
  creditCodeStatus(e) {
    return STATUS_ENUM[e.creditCodeStatus] ?? null;
  },
  needsReview(e) {
    return e.creditCodeStatus !== 'valid';
  },
  async participations(e, args, ctx) {
    const all = await ctx.data.participationsOfEnterprise(e.uscc);
    return args.role ? all.filter((x) => x.role === args.role) : all;
  },
};
