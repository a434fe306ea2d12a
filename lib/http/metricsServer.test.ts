/** The HJ 212 listener's metrics front: the process's registry at /metrics, liveness at /health, nothing else. */
import { startMetricsServer, type MetricsServer } from './metricsServer';
import { countIngested } from '../../adapters/common/ingestMetrics';

let server: MetricsServer;
beforeAll(async () => {
  server = await startMetricsServer(0);
});
afterAll(() => server.stop());

const line = (text: string, outcome: string) => text.split('\n').find((l) => l.startsWith(`xietong_ingest_records_total{source="hj212-tcp",outcome="${outcome}"}`));

test('/metrics serves the process registry, and the ingest counter moves with what was counted', async () => {
  countIngested('hj212-tcp', 'rejected', 3);
  const first = await fetch(server.url);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toMatch(/^text\/plain/);
  const before = Number(line(await first.text(), 'rejected')!.split(' ').pop());
  expect(before).toBeGreaterThanOrEqual(3);
  countIngested('hj212-tcp', 'rejected', 2);
  const after = Number(line(await (await fetch(server.url)).text(), 'rejected')!.split(' ').pop());
  expect(after).toBe(before + 2);
  expect(await (await fetch(server.url)).text()).toMatch(/^nodejs_eventloop_lag_seconds /m);
});

test('/health answers; any other path or method does not', async () => {
  const base = server.url.replace(/\/metrics$/, '');
  expect((await fetch(`${base}/health`)).status).toBe(200);
  expect((await fetch(`${base}/graphql`)).status).toBe(404);
  expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
});
