import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../lib/errors';
import type { Exceedance as ExceedanceFact } from '../rules/engine';
import type { ExceedanceResolvers } from '../generated/resolvers';
import type { Ctx } from './shared';

/** The engine's exceedance as the API shows it. */
export function exceedanceView(e: ExceedanceFact, ctx: Ctx) {
  const p = ctx.data.rules.pollutants[e.pollutant];
  return {
    ...e,
    pollutantName: p?.name ?? null,
    unit: p?.unit ?? null,
    rule: e.ruleId,
    ruleKind: e.kind.toUpperCase(),
    periodStart: e.periodStart.toISOString(),
    periodEnd: e.periodEnd.toISOString(),
  };
}

/** What an Exceedance's field resolvers receive. */
export type ExceedanceView = ReturnType<typeof exceedanceView>;

export const Exceedance: ExceedanceResolvers = {
  // The SDL promises a station (MonitoringStation!); if the MN has no station record, say which one
  // rather than GraphQL's bare "Cannot return null for non-nullable field".
  async station(e, _, ctx) {
    const station = await ctx.data.stationByMn.load(e.mn);
    if (!station) throw new GraphQLError(`Station ${e.mn} of this exceedance is not registered`, { extensions: { code: ErrorCode.NOT_FOUND, mn: e.mn } });
    return station;
  },
  project(e) {
    return { code: e.projectCode };
  },
};
