import { parseExceedancePeriod, parsePeriod } from './period';

afterEach(() => {
  delete process.env.EXCEEDANCES_MAX_DAYS;
});

test('an exceedance period spans at most EXCEEDANCES_MAX_DAYS (31 by default: any calendar month)', () => {
  expect(parseExceedancePeriod('2026-10-01', '2026-11-01').to.toISOString()).toBe('2026-10-31T16:00:00.000Z');
  expect(() => parseExceedancePeriod('2026-10-01', '2026-11-02')).toThrow('Invalid argument "to": the period may span at most 31 days (EXCEEDANCES_MAX_DAYS)');
  process.env.EXCEEDANCES_MAX_DAYS = '7';
  expect(() => parseExceedancePeriod('2026-10-01', '2026-10-09')).toThrow('at most 7 days (EXCEEDANCES_MAX_DAYS)');
  process.env.EXCEEDANCES_MAX_DAYS = '93';
  expect(() => parseExceedancePeriod('2026-10-01', '2026-10-09')).toThrow('EXCEEDANCES_MAX_DAYS must be between 1 and 92');
});

test('other periods (a station`s readings) keep the 92-day bound', () => {
  expect(parsePeriod('2026-08-01', '2026-10-31').from.toISOString()).toBe('2026-07-31T16:00:00.000Z');
  expect(() => parsePeriod('2026-01-01', '2026-10-01')).toThrow('at most 92 days;');
});
