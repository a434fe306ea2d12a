/**
 * The in-memory copies of reference collections, on the real store: used only at the current revision,
 * refreshed by the next request after an ingest, never for a collection the adapters did not write,
 * and equal to what the store returns through the same loaders.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { IngestSink } from '../../adapters/common/sink';
import { testStore } from '../../test/harness/db';
import { CollectionCache, compareBySort, type CollectionCacheSettings } from './collectionCache';
import { byKeyLoader, groupLoader } from './loaders';
import { waitUntil } from '../../test/harness/wait';

const store = testStore();
afterAll(() => store.closeAll());

interface ItemDoc {
  _id?: string;
  sku: string;
  site: string;
  at: Date;
  qty: number;
}

const itemSchema = new Schema<ItemDoc>(
  { _id: String, sku: { type: String, required: true }, site: String, at: Date, qty: Number },
  { collection: 'items', versionKey: false },
);

const ON: CollectionCacheSettings = { enabled: true, maxAgeMs: 60_000, maxDocs: 1000 };

async function setup(name: string) {
  const conn = await store.connect(name, { monitorCommands: true });
  const Item = conn.model<ItemDoc>('Item', itemSchema);
  const finds: string[] = [];
  conn.getClient().on('commandStarted', (e: { commandName: string; command: Record<string, unknown> }) => {
    if (e.commandName === 'find') finds.push(String(e.command.find));
  });
  return { conn, Item, finds };
}

async function ingest(conn: Connection, Item: Model<ItemDoc>, items: ItemDoc[]) {
  const sink = new IngestSink(conn, { source: 'items-test' });
  for (const it of items) await sink.accept(Item, { _id: it.sku }, { ...it, _id: it.sku });
  await sink.finish();
}

const item = (sku: string, site: string, day: number, qty: number): ItemDoc => ({ sku, site, at: new Date(Date.UTC(2026, 9, day)), qty });

test('a collection the adapters never wrote is not cached: loaders query the store every time', async () => {
  const { conn, Item, finds } = await setup('cache_none');
  await Item.create([item('a', 's1', 1, 1), item('b', 's1', 2, 2)].map((d) => ({ ...d, _id: d.sku })));
  const cache = new CollectionCache(conn, ON);
  for (let i = 0; i < 2; i++) {
    const reads = cache.forRequest();
    expect(await reads.all(Item)).toBeNull();
    const bySite = groupLoader<ItemDoc>(Item, 'site', { sort: { at: 1 }, cache: reads });
    expect((await bySite.load('s1')).map((d) => d.sku)).toEqual(['a', 'b']);
  }
  expect(finds.filter((f) => f === 'items')).toHaveLength(2);
});

test('after an ingest the copy serves later requests without reading the collection, and the next ingest shows at once', async () => {
  const { conn, Item, finds } = await setup('cache_rev');
  await ingest(conn, Item, [item('a', 's1', 3, 1), item('b', 's2', 1, 5), item('c', 's1', 1, 7)]);
  const cache = new CollectionCache(conn, ON);

  const first = cache.forRequest();
  const bySite = groupLoader<ItemDoc>(Item, 'site', { sort: { at: 1 }, cache: first });
  expect((await bySite.load('s1')).map((d) => d.sku)).toEqual(['c', 'a']);
  expect(finds.filter((f) => f === 'items')).toHaveLength(1);

  const second = cache.forRequest();
  const bySku = byKeyLoader<ItemDoc>(Item, 'sku', { cache: second });
  expect(await bySku.loadMany(['b', 'zz'])).toEqual([expect.objectContaining({ sku: 'b', qty: 5 }), null]);
  expect(finds.filter((f) => f === 'items')).toHaveLength(1); // served from the copy
  expect(finds.filter((f) => f === 'collection_revisions')).toHaveLength(2); // one per request

  await ingest(conn, Item, [item('d', 's1', 2, 9), { ...item('a', 's1', 3, 1), qty: 100 }]);
  const third = cache.forRequest();
  const bySite3 = groupLoader<ItemDoc>(Item, 'site', { sort: { at: 1 }, cache: third });
  expect((await bySite3.load('s1')).map((d) => [d.sku, d.qty])).toEqual([['c', 7], ['d', 9], ['a', 100]]);
  expect(finds.filter((f) => f === 'items')).toHaveLength(2);
});

test('the copy is frozen: a resolver cannot change what other requests see', async () => {
  const { conn, Item } = await setup('cache_frozen');
  await ingest(conn, Item, [item('a', 's1', 1, 1)]);
  const docs = await new CollectionCache(conn, ON).forRequest().all(Item);
  expect(docs).toHaveLength(1);
  expect(() => {
    (docs![0] as { qty: number }).qty = 2;
  }).toThrow(TypeError);
  expect(() => (docs as ItemDoc[]).push(item('x', 's', 1, 1))).toThrow(TypeError);
});

test('switched off, too large, or too old: the store is read again', async () => {
  const { conn, Item, finds } = await setup('cache_limits');
  await ingest(conn, Item, [item('a', 's1', 1, 1), item('b', 's1', 2, 2)]);
  expect(await new CollectionCache(conn, { ...ON, enabled: false }).forRequest().all(Item)).toBeNull();
  expect(await new CollectionCache(conn, { ...ON, maxDocs: 1 }).forRequest().all(Item)).toBeNull();

  const aging = new CollectionCache(conn, { ...ON, maxAgeMs: 0 });
  await aging.forRequest().all(Item);
  const before = finds.filter((f) => f === 'items').length;
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 5));
  expect(await aging.forRequest().all(Item)).toHaveLength(2);
  expect(finds.filter((f) => f === 'items').length).toBe(before + 1);
});

test('cached loaders answer exactly what the store answers, in the store’s sort order', async () => {
  const { conn, Item } = await setup('cache_same');
  const items = Array.from({ length: 40 }, (_, i) => item(`k${String(i).padStart(2, '0')}`, `s${i % 3}`, 1 + (i % 7), (i * 37) % 11));
  await ingest(conn, Item, items);
  const sort = { qty: -1, at: 1, sku: -1 } as const;
  const fromStore = groupLoader<ItemDoc>(Item, 'site', { sort });
  const fromCopy = groupLoader<ItemDoc>(Item, 'site', { sort, cache: new CollectionCache(conn, ON).forRequest() });
  for (const site of ['s0', 's1', 's2', 'nope']) {
    expect(JSON.stringify(await fromCopy.load(site))).toBe(JSON.stringify(await fromStore.load(site)));
  }
});

test('compareBySort orders nulls first, then numbers, strings and dates, each direction', () => {
  const rows = [{ v: 'b' }, { v: 2 }, { v: null }, { v: new Date(5) }, { v: 'a' }, { v: 10 }];
  expect([...rows].sort(compareBySort({ v: 1 })).map((r) => r.v)).toEqual([null, 2, 10, 'a', 'b', new Date(5)]);
  expect([...rows].sort(compareBySort({ v: -1 })).map((r) => r.v)).toEqual([new Date(5), 'b', 'a', 10, 2, null]);
});

test('warm loads the copies before any request: the first request reads only the revisions', async () => {
  const { conn, Item, finds } = await setup('cache_warm');
  await ingest(conn, Item, [item('a', 's1', 1, 1), item('b', 's2', 2, 2)]);
  const Other = conn.model<ItemDoc>('Other', itemSchema.clone().set('collection', 'others'));
  const cache = new CollectionCache(conn, ON);
  const report = await cache.warm([Item, Other]);
  expect(report).toEqual(expect.objectContaining({ loaded: { items: 2 }, notCached: ['others'] }));
  expect(report.incomplete).toBeUndefined();
  const atStart = finds.filter((f) => f === 'items').length;
  expect(atStart).toBe(1);

  const reads = cache.forRequest();
  const bySite = groupLoader<ItemDoc>(Item, 'site', { sort: { at: 1 }, cache: reads });
  expect((await bySite.load('s2')).map((d) => d.sku)).toEqual(['b']);
  expect(finds.filter((f) => f === 'items')).toHaveLength(atStart); // no load on the first request
});

test('a warm that outlasts its bound returns, and the first request waits for the same load instead of starting another', async () => {
  const { conn, Item, finds } = await setup('cache_warm_bound');
  await ingest(conn, Item, [item('a', 's1', 1, 1)]);
  const cache = new CollectionCache(conn, { ...ON, warmTimeoutMs: 0 });
  const report = await cache.warm([Item]); // two round trips to the store cannot beat a 0 ms timer
  expect(report.incomplete).toBe('timeout');
  expect(await cache.forRequest().all(Item)).toHaveLength(1);
  expect(finds.filter((f) => f === 'items')).toHaveLength(1);
});

test('a copy past half its age is reloaded in the background: requests meanwhile use the current copy, then the reloaded one', async () => {
  const { conn, Item, finds } = await setup('cache_refresh');
  await ingest(conn, Item, [item('a', 's1', 1, 1)]);
  const cache = new CollectionCache(conn, { ...ON, maxAgeMs: 10_000 });
  const t0 = Date.now();
  const clock = jest.spyOn(Date, 'now').mockReturnValue(t0);
  try {
    const first = await cache.forRequest().all(Item);
    const byKey = (reads: ReturnType<typeof cache.forRequest>) => byKeyLoader<ItemDoc>(Item, 'sku', { cache: reads }).load('a');
    expect((await byKey(cache.forRequest()))!.qty).toBe(1); // derived index built once: rebuilt with the reload
    // A write that bypasses the adapters (no revision): only the age bound makes it visible.
    await Item.updateOne({ _id: 'a' }, { $set: { qty: 2 } });

    clock.mockReturnValue(t0 + 4_000); // under half the age: the copy, no reload
    expect(await cache.forRequest().all(Item)).toBe(first);
    expect(finds.filter((f) => f === 'items')).toHaveLength(1);

    clock.mockReturnValue(t0 + 6_000); // past half: answered from the current copy at once, reloaded behind it
    expect(await cache.forRequest().all(Item)).toBe(first);
    await waitUntil(() => finds.filter((f) => f === 'items').length === 2, 'the background reload');
    let reloaded: readonly ItemDoc[] | null = first;
    await waitUntil(() => {
      void cache.forRequest().all(Item).then((d) => (reloaded = d));
      return reloaded !== first;
    }, 'the reloaded copy in use');
    expect(reloaded![0].qty).toBe(2);
    expect((await byKey(cache.forRequest()))!.qty).toBe(2);
    expect(finds.filter((f) => f === 'items')).toHaveLength(2); // the index came with the reload, no further read

    clock.mockReturnValue(t0 + 6_000 + 4_000); // the reloaded copy counts its age from when its reload started
    expect(await cache.forRequest().all(Item)).toBe(reloaded);
    expect(finds.filter((f) => f === 'items')).toHaveLength(2);
  } finally {
    clock.mockRestore();
  }
});

test('a collection above READ_CACHE_MAX_DOCS is not re-read to learn it again: counted after an ingest, never re-read for age', async () => {
  const { conn, Item, finds } = await setup('cache_large');
  const counts: string[] = [];
  conn.getClient().on('commandStarted', (e: { commandName: string; command: Record<string, unknown> }) => {
    if (e.commandName === 'count') counts.push(String(e.command.count));
  });
  await ingest(conn, Item, [item('a', 's1', 1, 1), item('b', 's1', 2, 2)]);
  const cache = new CollectionCache(conn, { ...ON, maxDocs: 1, maxAgeMs: 10_000 });
  expect(await cache.forRequest().all(Item)).toBeNull();
  expect(finds.filter((f) => f === 'items')).toHaveLength(1);

  const t0 = Date.now();
  const clock = jest.spyOn(Date, 'now').mockReturnValue(t0 + 60_000); // far past the maximum age
  try {
    expect(await cache.forRequest().all(Item)).toBeNull();
  } finally {
    clock.mockRestore();
  }
  expect(finds.filter((f) => f === 'items')).toHaveLength(1);

  await ingest(conn, Item, [item('c', 's2', 3, 3)]); // a new revision: counted, still too large, not read
  expect(await cache.forRequest().all(Item)).toBeNull();
  expect(finds.filter((f) => f === 'items')).toHaveLength(1);
  expect(counts.filter((c) => c === 'items')).toHaveLength(1);

  // Shrunk below the limit through the adapters: read and kept again.
  await Item.deleteMany({ _id: { $in: ['a', 'b'] } });
  await ingest(conn, Item, [item('c', 's2', 3, 4)]);
  expect((await cache.forRequest().all(Item))!.map((d) => d.qty)).toEqual([4]);
});
