/** The exceedance rule engine, as pure functions: averaging, tolerance, background, noise day/night, flags, config. */
import type { Sample } from '../models/readingChunk';
import { isNight, loadRuleSet, validateRuleSet, type RuleSet } from './config';
import { findExceedances, windowMeans, type StationSamples } from './engine';

const base = loadRuleSet();
const at = (local: string) => Date.parse(`${local}+08:00`);
const s = (local: string, code: string, value: number, flag = 'N', cn = '2051'): Sample => ({ t: at(local), cn, code, value, flag });
const station = (mn: string, samples: Sample[], district = '371302'): StationSamples => ({ mn, projectCode: `2024-${district}-47-01-${mn.slice(-6)}`, district, samples });
const period = { from: new Date(at('2026-10-01T00:00:00')), to: new Date(at('2026-10-03T00:00:00')) };
const only = (id: string): RuleSet => ({ ...base, rules: base.rules.filter((r) => r.id === id) });

/** Four 15-minute samples of one hour. */
function hour(localHour: string, code: string, value: number): Sample[] {
  return ['00', '15', '30', '45'].map((m) => s(`2026-10-01T${localHour}:${m}:00`, code, value));
}

test('window means: arithmetic for concentrations, energy mean for noise', () => {
  const samples = [s('2026-10-01T10:00:00', 'LA', 50), s('2026-10-01T10:15:00', 'LA', 60)];
  expect([...windowMeans(samples, 3_600_000, false).values()]).toEqual([55]);
  expect([...windowMeans(samples, 3_600_000, true).values()][0]).toBeCloseTo(57.4, 1);
});

test('absolute hourly PM10 limit with 2 tolerated exceedances a day', () => {
  const two = station('A00001', [...hour('08', 'a34002', 90), ...hour('09', 'a34002', 95), ...hour('10', 'a34002', 60)]);
  expect(findExceedances([two], only('pm10-absolute-hourly'), period)).toEqual([]);
  const three = station('A00002', [...hour('08', 'a34002', 90), ...hour('09', 'a34002', 95), ...hour('11', 'a34002', 81)]);
  const found = findExceedances([three], only('pm10-absolute-hourly'), period);
  expect(found.map((e) => [e.periodStart.toISOString(), e.value, e.limit])).toEqual([
    ['2026-10-01T00:00:00.000Z', 90, 80], ['2026-10-01T01:00:00.000Z', 95, 80], ['2026-10-01T03:00:00.000Z', 81, 80],
  ]);
  expect(found[0]).toMatchObject({ mn: 'A00002', pollutant: 'a34002', ruleId: 'pm10-absolute-hourly', kind: 'absolute', averaging: '1h', background: null, timeOfDay: null });
  expect(found[0].periodEnd.getTime() - found[0].periodStart.getTime()).toBe(3_600_000);
});

test('background: difference from the mean of the other stations of the district', () => {
  const high = station('B00001', hour('08', 'a34002', 120));
  const others = [station('B00002', hour('08', 'a34002', 60)), station('B00003', hour('08', 'a34002', 50))];
  const elsewhere = station('B00004', hour('08', 'a34002', 10), '371311');
  const found = findExceedances([high, ...others, elsewhere], only('pm10-background-hourly'), period);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ mn: 'B00001', value: 120, background: 55, limit: 50, kind: 'background' });
  // Alone in its district: nothing to compare with.
  expect(findExceedances([station('B00005', hour('08', 'a34002', 500), '371399')], only('pm10-background-hourly'), period)).toEqual([]);
});

test('noise: 70 dB(A) by day, 55 at night (22:00–06:00 local), night hours configurable', () => {
  const samples = [s('2026-10-01T10:00:00', 'LA', 68), s('2026-10-01T10:15:00', 'LA', 71), s('2026-10-01T22:30:00', 'LA', 56), s('2026-10-02T05:45:00', 'LA', 54.9), s('2026-10-02T06:00:00', 'LA', 60)];
  const found = findExceedances([station('C00001', samples)], only('noise-gb12523'), period);
  expect(found.map((e) => [e.periodStart.toISOString(), e.timeOfDay, e.value, e.limit])).toEqual([
    ['2026-10-01T02:15:00.000Z', 'DAY', 71, 70],
    ['2026-10-01T14:30:00.000Z', 'NIGHT', 56, 55],
  ]);
  const lateNight = { ...only('noise-gb12523'), night: { from: '23:00', to: '07:00' } };
  const later = findExceedances([station('C00001', samples)], lateNight, period);
  expect(later.map((e) => [e.timeOfDay, e.value])).toEqual([['DAY', 71], ['NIGHT', 60]]);
  expect(isNight(base, 22 * 60)).toBe(true);
  expect(isNight(base, 6 * 60)).toBe(false);
});

test('invalid data flags are ignored; one data command per station; the pollutant filter and the period apply', () => {
  const samples = [
    s('2026-10-01T23:00:00', 'LA', 80, 'D'), s('2026-10-01T23:15:00', 'LA', 80, 'C'),
    s('2026-10-01T23:30:00', 'LA', 70, 'N', '2011'), s('2026-10-01T23:30:00', 'LA', 50, 'N', '2051'),
    s('2026-10-01T08:00:00', 'a34001', 900), s('2026-10-05T23:00:00', 'LA', 80),
  ];
  expect(findExceedances([station('D00001', samples)], base, { ...period, pollutant: 'LA' })).toEqual([]);
  const tsp = findExceedances([station('D00001', samples)], base, period);
  expect(tsp.map((e) => [e.ruleId, e.averaging, e.value])).toEqual([['tsp-absolute-5min', '5min', 900]]);
});

test('rule files are validated', () => {
  expect(() => validateRuleSet({ ...base, night: { from: '25:00', to: '06:00' } }, 'x')).toThrow(/night.from must be HH:MM/);
  expect(() => validateRuleSet({ ...base, rules: [{ ...base.rules[1], averaging: '10min' as never }] }, 'x')).toThrow(/averaging must be one of/);
  expect(() => validateRuleSet({ ...base, rules: [{ ...base.rules[1], pollutant: 'a99999' }] }, 'x')).toThrow(/not listed/);
  expect(() => validateRuleSet({ ...base, rules: [{ ...base.rules[1], toleratedPerDay: -1 }] }, 'x')).toThrow(/toleratedPerDay/);
  expect(() => validateRuleSet({ ...base, rules: [base.rules[1], base.rules[1]] }, 'x')).toThrow(/repeated/);
});
