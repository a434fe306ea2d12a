/** bench/demo's arithmetic: sources grouped under their department, rates and the floor ratio, the target. */
import type { IngestReport } from '../../adapters/common/sink';
import { departmentFigures, targetFigure } from './figures';

const report = (accepted: number, rejected = 0): IngestReport => ({
  source: 'x', read: accepted + rejected, accepted, rejected, duplicates: 0, updated: 0, reasons: [],
  warnings: 0, warningSamples: [], conflicts: 0, conflictSamples: [],
});

test('sources are grouped by the department that owns their adapter, with rates against the floor', () => {
  const figures = departmentFigures([
    { source: 'workers', seconds: 0.5, report: report(4000) },
    { source: 'payroll', seconds: 2, report: report(8000, 3) },
    { source: 'hj212', seconds: 10, report: report(200_000) },
  ], 20_000);
  expect(Object.keys(figures).sort()).toEqual(['environment', 'hrss']);
  expect(figures.hrss.ingestSeconds).toBe(2.5);
  expect(figures.hrss.sources.workers).toEqual({ seconds: 0.5, accepted: 4000, rejected: 0, recordsPerSecond: 8000, vsFloor: 0.4 });
  expect(figures.hrss.sources.payroll).toMatchObject({ recordsPerSecond: 4000, vsFloor: 0.2, rejected: 3 });
  expect(figures.environment.sources.hj212.vsFloor).toBe(1);
});

test('an unknown source is an error, not a silent gap', () => {
  expect(() => departmentFigures([{ source: 'fax', seconds: 1, report: report(1) }], 1)).toThrow(/no adapter for source "fax"/);
});

test('the two-minute target applies to the default city only', () => {
  expect(targetFigure(100, 119.9)).toEqual({ seconds: 120, met: true });
  expect(targetFigure(100, 120)).toEqual({ seconds: 120, met: false });
  expect(targetFigure(500, 30)).toBeNull();
});
