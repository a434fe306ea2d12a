/** xietong_ingest_records_total follows a sink's report: every increase counted once, a reset takes nothing back. */
import { metrics } from '../../lib/metrics';
import { countedReport } from './ingestMetrics';
import { emptyReport } from './sink';

async function counted(source: string, outcome: string): Promise<number> {
  const m = (await metrics().registry.getSingleMetric('xietong_ingest_records_total')!.get()).values;
  return m.filter((v) => v.labels.source === source && v.labels.outcome === outcome).reduce((n, v) => n + v.value, 0);
}

test('increases of the four counts move the metric; a report handed on and reset (as the TCP listener does) is not counted twice', async () => {
  const source = `unit-${Date.now()}`;
  const report = countedReport(emptyReport(source), source);
  report.accepted += 3;
  report.duplicates += 2;
  report.updated += 1;
  report.rejected += 4;
  report.accepted = report.duplicates = 0; // handed on
  report.accepted += 5;
  expect(await counted(source, 'accepted')).toBe(8);
  expect(await counted(source, 'duplicate')).toBe(2);
  expect(await counted(source, 'updated')).toBe(1);
  expect(await counted(source, 'rejected')).toBe(4);
  // The report still reads, spreads and serializes as plain numbers (the CLI prints it).
  expect(JSON.parse(JSON.stringify(report))).toMatchObject({ source, read: 0, accepted: 5, duplicates: 0, updated: 1, rejected: 4 });
  expect({ ...report }.accepted).toBe(5);
});
