/** The store-operation counter on a real connection to the test store, and its setting. */
import { testStore } from '../../test/harness/db';
import { metrics } from '../../lib/metrics';
import { countStoreQueries, storeQueryMetricsEnabled } from './storeQueryMetrics';

const store = testStore();
afterAll(() => store.closeAll());

async function counted(service: string, collection: string, kind: string): Promise<number> {
  const text = await metrics().registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`xietong_store_queries_total{service="${service}",collection="${collection}",kind="${kind}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

test('reads and writes are counted per service and collection, and no longer once stopped', async () => {
  const conn = await store.connect('housing');
  const stop = countStoreQueries(conn, 'counted-service');
  const things = conn.collection('things');
  await things.insertOne({ a: 1 });
  await things.find({ a: 1 }).toArray();
  await things.findOne({ a: 1 });
  expect(await counted('counted-service', 'things', 'write')).toBe(1);
  expect(await counted('counted-service', 'things', 'read')).toBe(2);
  stop();
  await things.findOne({ a: 1 });
  expect(await counted('counted-service', 'things', 'read')).toBe(2);
});

test('STORE_QUERY_METRICS is off unless "on", and a typo is an error naming the variable', () => {
  const saved = process.env.STORE_QUERY_METRICS;
  try {
    delete process.env.STORE_QUERY_METRICS;
    expect(storeQueryMetricsEnabled()).toBe(false);
    process.env.STORE_QUERY_METRICS = 'on';
    expect(storeQueryMetricsEnabled()).toBe(true);
    process.env.STORE_QUERY_METRICS = 'yes';
    expect(() => storeQueryMetricsEnabled()).toThrow(/STORE_QUERY_METRICS must be "on" or "off", got "yes"/);
  } finally {
    if (saved === undefined) delete process.env.STORE_QUERY_METRICS;
    else process.env.STORE_QUERY_METRICS = saved;
  }
});
