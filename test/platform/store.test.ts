/** A real round trip through mongoose against the embedded store, over the wire. */
import { Schema } from 'mongoose';
import { testStore } from '../harness/db';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore, storeGoGc, syncSetting } from '../../adapters/store/embedded';

const store = testStore();
afterAll(() => store.closeAll());

interface Item { sku: string; district: string; qty: number }

test('create, duplicate key, $in, aggregate, update, delete', async () => {
  const conn = await store.connect('roundtrip');
  const Item = conn.model<Item>('Item', new Schema<Item>({ sku: { type: String, unique: true }, district: String, qty: Number }));
  await Item.init();

  await Item.create([
    { sku: 'a', district: '371302', qty: 2 },
    { sku: 'b', district: '371302', qty: 3 },
    { sku: 'c', district: '371311', qty: 7 },
  ]);

  await expect(Item.create({ sku: 'a', district: 'x', qty: 1 })).rejects.toMatchObject({ code: 11000 });

  const found = await Item.find({ sku: { $in: ['a', 'c', 'zzz'] } }).sort({ sku: 1 }).lean();
  expect(found.map((d) => d.sku)).toEqual(['a', 'c']);

  const totals = await Item.aggregate<{ _id: string; total: number }>([
    { $match: { qty: { $gte: 2 } } },
    { $group: { _id: '$district', total: { $sum: '$qty' } } },
    { $sort: { total: -1 } },
  ]);
  expect(totals).toEqual([{ _id: '371311', total: 7 }, { _id: '371302', total: 5 }]);

  const upd = await Item.updateOne({ sku: 'b' }, { $set: { qty: 10 } });
  expect(upd.modifiedCount).toBe(1);
  expect((await Item.findOne({ sku: 'b' }).lean())?.qty).toBe(10);

  const del = await Item.deleteOne({ sku: 'c' });
  expect(del.deletedCount).toBe(1);
  expect(await Item.countDocuments()).toBe(2);
});

test('the embedded store durability setting: normal by default, full on request, anything else refused by name', () => {
  const saved = process.env.EMBEDDED_STORE_SYNC;
  try {
    delete process.env.EMBEDDED_STORE_SYNC;
    expect(syncSetting(undefined)).toBe('normal');
    process.env.EMBEDDED_STORE_SYNC = 'FULL';
    expect(syncSetting(undefined)).toBe('full');
    process.env.EMBEDDED_STORE_SYNC = 'off';
    expect(() => syncSetting(undefined)).toThrow(/EMBEDDED_STORE_SYNC must be normal or full, got "off"/);
  } finally {
    if (saved === undefined) delete process.env.EMBEDDED_STORE_SYNC;
    else process.env.EMBEDDED_STORE_SYNC = saved;
  }
});

test('the embedded store runs with a larger Go GC target (EMBEDDED_STORE_GOGC, default 400)', async () => {
  expect(storeGoGc({})).toBe('400');
  expect(storeGoGc({ EMBEDDED_STORE_GOGC: '150' })).toBe('150');
  expect(storeGoGc({ EMBEDDED_STORE_GOGC: 'off' })).toBe('off');
  expect(() => storeGoGc({ EMBEDDED_STORE_GOGC: '-5' })).toThrow(/EMBEDDED_STORE_GOGC must be a percentage .* got "-5"/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-gogc-'));
  const store = await startEmbeddedStore({ dataDir: dir, log: () => undefined });
  try {
    const environ = fs.readFileSync(`/proc/${store.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain(`GOGC=${storeGoGc()}`);
  } finally {
    await store.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
