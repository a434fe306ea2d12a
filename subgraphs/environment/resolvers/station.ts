import type { FactorValueDoc } from '../models/reading';
import type { Sample } from '../models/readingChunk';
import { parsePeriod } from '../period';
import type { RuleSet } from '../rules/config';
import type { MonitoringStationResolvers } from '../generated/resolvers';

export function factorReading(code: string, value: number | null, flag: string | null, rules: RuleSet, conflictingValues: number[] = []) {
  const p = rules.pollutants[code];
  return { code, name: p?.name ?? null, unit: p?.unit ?? null, value, flag, conflictingValues };
}

/** Samples of one station, grouped into one reading per time and command. */
export function readingsFromSamples(samples: Sample[], rules: RuleSet) {
  const byTime = new Map<string, { dataTime: string; command: string; conflicting: boolean; values: ReturnType<typeof factorReading>[] }>();
  for (const s of samples) {
    const key = `${s.t}|${s.cn}`;
    let r = byTime.get(key);
    if (!r) {
      r = { dataTime: new Date(s.t).toISOString(), command: s.cn, conflicting: false, values: [] };
      byTime.set(key, r);
    }
    if (s.alternatives?.length) r.conflicting = true;
    r.values.push(factorReading(s.code, s.value, s.flag, rules, s.alternatives));
  }
  return [...byTime.values()];
}

export const MonitoringStation: MonitoringStationResolvers = {
  __resolveReference(ref, ctx) {
    return ctx.data.stationByMn.load(ref.mn);
  },
  project(s) {
    return { code: s.projectCode };
  },
  location(s) {
    return { lng: s.lng, lat: s.lat };
  },
  systemCode(s) {
    return s.st;
  },
  async latestReading(s, _, ctx) {
    const latest = await ctx.data.latestByMn.load(s.mn);
    if (!latest) return null;
    const t = new Date(latest.dataTime).getTime();
    // Only a slot marked conflicting at ingest costs a read of its samples (the conflicting values).
    const alternatives = new Map<string, number[]>();
    if (latest.conflicting) {
      for (const x of await ctx.data.samples(s.mn, { from: new Date(t), to: new Date(t + 1) })) {
        if (x.cn === latest.cn && x.alternatives?.length) alternatives.set(x.code, x.alternatives);
      }
    }
    return {
      dataTime: new Date(t).toISOString(),
      command: latest.cn,
      conflicting: latest.conflicting === true,
      values: latest.values.map((v: FactorValueDoc) => factorReading(v.code, v.avg ?? v.rtd ?? null, v.flag ?? null, ctx.data.rules, alternatives.get(v.code))),
    };
  },
  async readings(s, args, ctx) {
    const period = parsePeriod(args.from, args.to);
    return readingsFromSamples(await ctx.data.samples(s.mn, period), ctx.data.rules);
  },
};
