/**
 * The exceedance rule engine: pure functions from samples and a rule set to exceedances.
 * - Samples of invalid data flags are dropped; per station the finest data command present is used
 *   (2051 minute, else 2011 real-time, else 2061 hour, else 2031 day) so averages never mix periods.
 * - Windows of 5 min, 15 min or 1 h are aligned to the clock; concentrations are arithmetic means,
 *   noise levels energy means (10·lg of the mean of 10^(L/10)), as LAeq is defined.
 * - background rules compare with the mean of the OTHER stations of the same district in the same window.
 * - toleratedPerDay exceeding windows per station, rule and local day are compliant; beyond that every
 *   exceeding window of that day is reported.
 */
import type { Sample } from '../models/readingChunk';
import { AVERAGING_MINUTES, isNight, type Rule, type RuleSet } from './config';

export interface StationSamples {
  mn: string;
  projectCode: string;
  district: string;
  samples: Sample[];
}

export interface Exceedance {
  mn: string;
  projectCode: string;
  district: string;
  pollutant: string;
  ruleId: string;
  kind: Rule['kind'];
  averaging: Rule['averaging'];
  periodStart: Date;
  periodEnd: Date;
  /** The window mean (for background rules: the station's own mean). */
  value: number;
  limit: number;
  /** Mean of the other stations of the district, for background rules. */
  background: number | null;
  /** DAY or NIGHT for noise rules. */
  timeOfDay: 'DAY' | 'NIGHT' | null;
  basis: string;
}

export interface ExceedanceQuery {
  from: Date;
  to: Date;
  /** Factor code; all pollutants when absent. */
  pollutant?: string;
}

const COMMAND_PREFERENCE = ['2051', '2011', '2061', '2031'];

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The samples of one factor that count: valid flag, inside the period, one data command, first per time. */
export function usableSamples(samples: Sample[], code: string, rules: RuleSet, from: number, to: number): Sample[] {
  const valid = samples.filter((s) => s.code === code && s.t >= from && s.t < to && rules.validFlags.includes(s.flag));
  const cn = COMMAND_PREFERENCE.find((c) => valid.some((s) => s.cn === c));
  const seen = new Set<number>();
  return valid.filter((s) => s.cn === cn && !seen.has(s.t) && (seen.add(s.t), true));
}

/** Window start (epoch ms) → mean value. */
export function windowMeans(samples: Sample[], windowMs: number, energy: boolean): Map<number, number> {
  const acc = new Map<number, { sum: number; n: number }>();
  for (const s of samples) {
    const w = Math.floor(s.t / windowMs) * windowMs;
    const a = acc.get(w) ?? { sum: 0, n: 0 };
    a.sum += energy ? 10 ** (s.value / 10) : s.value;
    a.n++;
    acc.set(w, a);
  }
  const out = new Map<number, number>();
  for (const [w, a] of acc) out.set(w, energy ? 10 * Math.log10(a.sum / a.n) : a.sum / a.n);
  return out;
}

function localParts(t: number, rules: RuleSet): { day: string; minuteOfDay: number } {
  const local = new Date(t + rules.utcOffsetHours * 3_600_000);
  return { day: local.toISOString().slice(0, 10), minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

function evaluateRule(rule: Rule, stations: StationSamples[], rules: RuleSet, from: number, to: number): Exceedance[] {
  const windowMs = AVERAGING_MINUTES[rule.averaging] * 60_000;
  const means = stations.map((s) => windowMeans(usableSamples(s.samples, rule.pollutant, rules, from, to), windowMs, rule.kind === 'noise'));

  // District sums per window, for background rules.
  const districtTotals = new Map<string, { sum: number; n: number }>();
  if (rule.kind === 'background') {
    stations.forEach((s, i) => {
      for (const [w, v] of means[i]) {
        const key = `${s.district}|${w}`;
        const t = districtTotals.get(key) ?? { sum: 0, n: 0 };
        t.sum += v;
        t.n++;
        districtTotals.set(key, t);
      }
    });
  }

  const found: Exceedance[] = [];
  stations.forEach((s, i) => {
    const perDay = new Map<string, Exceedance[]>();
    for (const [w, v] of [...means[i]].sort((a, b) => a[0] - b[0])) {
      const { day, minuteOfDay } = localParts(w, rules);
      let limit: number;
      let background: number | null = null;
      let timeOfDay: Exceedance['timeOfDay'] = null;
      let exceeds: boolean;
      if (rule.kind === 'noise') {
        timeOfDay = isNight(rules, minuteOfDay) ? 'NIGHT' : 'DAY';
        limit = timeOfDay === 'NIGHT' ? rule.nightLimit : rule.dayLimit;
        exceeds = v > limit;
      } else if (rule.kind === 'background') {
        const t = districtTotals.get(`${s.district}|${w}`);
        if (!t || t.n < 2) continue; // no other station in the district: no background to compare with
        background = (t.sum - v) / (t.n - 1);
        limit = rule.limit;
        exceeds = v - background > limit;
      } else {
        limit = rule.limit;
        exceeds = v > limit;
      }
      if (!exceeds) continue;
      const e: Exceedance = {
        mn: s.mn, projectCode: s.projectCode, district: s.district, pollutant: rule.pollutant, ruleId: rule.id,
        kind: rule.kind, averaging: rule.averaging, periodStart: new Date(w), periodEnd: new Date(w + windowMs),
        value: round2(v), limit, background: background === null ? null : round2(background), timeOfDay, basis: rule.basis,
      };
      const list = perDay.get(day) ?? [];
      list.push(e);
      perDay.set(day, list);
    }
    for (const list of perDay.values()) if (list.length > rule.toleratedPerDay) found.push(...list);
  });
  return found;
}

/** Every exceedance of every applicable rule in [from, to), ordered by station, time and rule. */
export function findExceedances(stations: StationSamples[], rules: RuleSet, query: ExceedanceQuery): Exceedance[] {
  const from = query.from.getTime();
  const to = query.to.getTime();
  const applicable = rules.rules.filter((r) => !query.pollutant || r.pollutant === query.pollutant);
  const all = applicable.flatMap((rule) => evaluateRule(rule, stations, rules, from, to));
  return all.sort(byStationTimeRule);
}

/** The order of findExceedances: station, window start, rule. */
export function byStationTimeRule(a: Exceedance, b: Exceedance): number {
  return (a.mn < b.mn ? -1 : a.mn > b.mn ? 1 : 0) || a.periodStart.getTime() - b.periodStart.getTime() || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
