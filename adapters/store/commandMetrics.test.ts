/**
 * xietong_store_command_duration_seconds: each command sent on a monitored connection is observed under
 * the service's name and its command from the fixed list (reads, writes, and `other` for the rest).
 */
import { testStore } from '../../test/harness/db';
import { metrics } from '../../lib/metrics';
import { commandLabel, observeStoreCommands } from './commandMetrics';

const store = testStore();
afterAll(() => store.closeAll());

async function countOf(service: string, command: string): Promise<number> {
  const metric = await metrics().registry.getSingleMetric('xietong_store_command_duration_seconds')!.get();
  const values = metric.values as { metricName?: string; labels: Record<string, string | number>; value: number }[];
  const sample = values.find((v) => v.metricName === 'xietong_store_command_duration_seconds_count' && v.labels.service === service && v.labels.command === command);
  return sample?.value ?? 0;
}

test('commands are timed per service and command, from a fixed list', async () => {
  const conn = await store.connect('metrics', { monitorCommands: true });
  const stop = observeStoreCommands(conn, 'probe');
  const things = conn.db!.collection('things');
  await things.insertOne({ _id: 'a' as never, n: 1 });
  await things.find({ n: 1 }).toArray();
  await things.updateOne({ _id: 'a' as never }, { $set: { n: 2 } });
  await things.aggregate([{ $match: { n: 2 } }]).toArray();
  await things.deleteOne({ _id: 'a' as never });
  await things.distinct('n');
  expect(await countOf('probe', 'insert')).toBe(1);
  expect(await countOf('probe', 'find')).toBe(1);
  expect(await countOf('probe', 'update')).toBe(1);
  expect(await countOf('probe', 'aggregate')).toBe(1);
  expect(await countOf('probe', 'delete')).toBe(1);
  expect(await countOf('probe', 'other')).toBeGreaterThanOrEqual(1);
  stop();
  await things.find({}).toArray();
  expect(await countOf('probe', 'find')).toBe(1);
  expect(commandLabel('findAndModify')).toBe('update');
  expect(commandLabel('dropDatabase')).toBe('other');
});
