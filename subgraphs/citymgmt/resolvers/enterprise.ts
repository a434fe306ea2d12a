import type { EnterpriseResolvers } from '../generated/resolvers';
import type { EnforcementCaseDoc } from '../models/enforcementCase';
import { formatCityTimestamp } from '../localTime';

const DECIDED_STATES = new Set(['DECIDED', 'EXECUTING', 'CLOSED']);

/** A decision exists from 决定 on; a 首违不罚 decision counts as a penalty of 0. */
function penaltiesOf(cases: EnforcementCaseDoc[]) {
  return cases
    .filter((c) => DECIDED_STATES.has(c.state) && (c.penaltyAmount !== null || c.firstViolationNoPenalty))
    .map((c) => {
      const decided = c.history.find((h) => h.state === 'DECIDED');
      return {
        caseNo: c.caseNo,
        type: c.type,
        amount: c.penaltyAmount ?? 0,
        firstViolationNoPenalty: c.firstViolationNoPenalty,
        legalBasis: c.legalBasis,
        decidedAt: decided ? formatCityTimestamp(new Date(decided.at)) : null,
      };
    });
}

export const Enterprise: EnterpriseResolvers = {
  __resolveReference(ref) {
    return { uscc: ref.uscc };
  },
  violations(e, _, ctx) {
    return ctx.data.violationsByEnterprise.load(e.uscc);
  },
  enforcementCases(e, _, ctx) {
    return ctx.data.casesByParty.load(e.uscc);
  },
  async penalties(e, _, ctx) {
    return penaltiesOf(await ctx.data.casesByParty.load(e.uscc));
  },
  async totalPenaltyAmount(e, _, ctx) {
    return penaltiesOf(await ctx.data.casesByParty.load(e.uscc)).reduce((sum, p) => sum + p.amount, 0);
  },
};
