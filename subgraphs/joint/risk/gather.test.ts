/** The periods one evaluation asks for: wage months before the current one, exceedance windows the gateway accepts. */
import { exceedanceWindows, wageMonths } from './gather';

test('wage months: the months before the current city-local month, oldest first', () => {
  expect(wageMonths(new Date('2026-12-05T02:00:00Z'), 3)).toEqual(['2026-09', '2026-10', '2026-11']);
  // 2027-01-01 00:30 in the city is still 2026-12-31 in UTC: the city's month counts.
  expect(wageMonths(new Date('2026-12-31T16:30:00Z'), 2)).toEqual(['2026-11', '2026-12']);
});

test('exceedance windows cover the last N days up to today, each at most the chunk, without gaps or overlaps', () => {
  const windows = exceedanceWindows(new Date('2026-12-05T02:00:00Z'), 92, 31);
  expect(windows).toEqual([
    { from: '2026-09-05', to: '2026-10-06' },
    { from: '2026-10-06', to: '2026-11-06' },
    { from: '2026-11-06', to: '2026-12-06' },
  ]);
  const days = (w: { from: string; to: string }) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000;
  expect(windows.every((w) => days(w) <= 31)).toBe(true);
  expect(windows.reduce((n, w) => n + days(w), 0)).toBe(92);
  expect(exceedanceWindows(new Date('2026-12-05T02:00:00Z'), 1, 31)).toEqual([{ from: '2026-12-05', to: '2026-12-06' }]);
});
