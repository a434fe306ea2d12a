import type { Exceedance as ExceedanceFact } from '../rules/engine';
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

export const Exceedance = {
  station(e: ExceedanceFact, _: unknown, ctx: Ctx) {
    return ctx.data.stationByMn.load(e.mn);
  },
  project(e: ExceedanceFact) {
    return { code: e.projectCode };
  },
};
