import { formatCityTimestamp, isNightTime, parseCityTimestamp } from './localTime';

test('local wall-clock times are UTC+8 by default; ISO with an offset is taken as given', () => {
  expect(parseCityTimestamp('2026-10-02 23:15:00')).toEqual(new Date('2026-10-02T15:15:00Z'));
  expect(parseCityTimestamp('2026/10/2 7:05')).toEqual(new Date('2026-10-01T23:05:00Z'));
  expect(parseCityTimestamp('2026-10-02')).toEqual(new Date('2026-10-01T16:00:00Z'));
  expect(parseCityTimestamp('2026-10-02T23:15:00Z')).toEqual(new Date('2026-10-02T23:15:00Z'));
  expect(parseCityTimestamp('2026-10-02 23:15:00', 0)).toEqual(new Date('2026-10-02T23:15:00Z'));
  expect(parseCityTimestamp('2026-02-29 10:00')).toMatch(/not a real date/);
  expect(parseCityTimestamp('2026-10-02 24:00')).toMatch(/not a real date/);
  expect(formatCityTimestamp(new Date('2026-10-02T15:15:00Z'))).toBe('2026-10-02T23:15:00+08:00');
});

test('night hours wrap past midnight and are configurable', () => {
  const at = (local: string) => new Date(`${local}+08:00`);
  expect(isNightTime(at('2026-10-02T22:00:00'))).toBe(true);
  expect(isNightTime(at('2026-10-03T05:59:00'))).toBe(true);
  expect(isNightTime(at('2026-10-03T06:00:00'))).toBe(false);
  expect(isNightTime(at('2026-10-02T21:59:00'))).toBe(false);
  expect(isNightTime(at('2026-10-02T21:30:00'), { start: 21, end: 7 })).toBe(true);
  expect(isNightTime(at('2026-10-02T01:30:00'), { start: 0, end: 5 })).toBe(true);
  expect(isNightTime(at('2026-10-02T23:30:00'), { start: 0, end: 5 })).toBe(false);
});
