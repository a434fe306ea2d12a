/**
 * Property-based test of the hj212 source (issue 18): valid packet logs corrupted at random (bytes
 * flipped, lines cut, doubled or swapped, items swapped inside a frame, huge fields, bytes of other
 * encodings) never crash the ingest, never store a corrupted value, and account for every line:
 * read = the non-empty lines, accepted + duplicates + updated + rejected = read.
 * FUZZ_RUNS sets the number of files (default 25, a few seconds).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { checkAccounting, IngestSink } from '../common/sink';
import { createEnvironmentModels } from '../../subgraphs/environment/models';
import { registerStations } from '../stations/registerForTests';
import { buildFrame } from './frame';
import { formatLocalTimestamp } from './packet';
import { hj212Adapter } from './index';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const store = testStore();
let conn: Connection;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj212-fuzz-'));
const MN = '888888800000000001CSD371';
const START = Date.parse('2026-10-01T00:00:00+08:00');
const SLOT = 15 * 60_000;

beforeAll(async () => {
  conn = await store.connect('environment');
  await registerStations(conn, dir, [{ mn: MN, pw: '123456' }]);
});
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The one true value of each factor in each slot: anything else stored is a corrupted value. */
const truth = (slot: number) => ({ a34002: 20 + (slot % 500) / 10, LA: 40 + (slot % 30) });

function frameOf(slot: number): string {
  const t = formatLocalTimestamp(new Date(START + slot * SLOT));
  const v = truth(slot);
  return buildFrame(`QN=${t}000;ST=39;CN=2051;PW=123456;MN=${MN};Flag=4;CP=&&DataTime=${t};a34002-Avg=${v.a34002},a34002-Flag=N;LA-Avg=${v.LA},LA-Flag=N&&`);
}

type Corruption =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'double'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'swapItems'; line: number; a: number; b: number }
  | { kind: 'huge'; line: number; length: number }
  | { kind: 'foreign'; at: number; encoding: 'utf8' | 'gb18030' };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('double' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('swapItems' as const), line: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('huge' as const), line: fc.nat(), length: fc.integer({ min: 100, max: 20_000 }) }),
  fc.record({ kind: fc.constant('foreign' as const), at: fc.nat(), encoding: fc.constantFrom('utf8' as const, 'gb18030' as const) }),
);

/** 王五 扬尘 in UTF-8 and in GB18030. */
const FOREIGN = { utf8: Buffer.from('王五 扬尘', 'utf8'), gb18030: Buffer.from([0xcd, 0xf5, 0xce, 0xe5, 0x20, 0xd1, 0xef, 0xb3, 0xbe]) };

function corrupt(lines: string[], cs: Corruption[]): Buffer {
  let ls = [...lines];
  const pick = (n: number) => n % ls.length;
  let bytes: Buffer | null = null;
  for (const c of cs) {
    if (c.kind === 'double') ls.splice(pick(c.line), 0, ls[pick(c.line)]);
    else if (c.kind === 'swapLines') [ls[pick(c.a)], ls[pick(c.b)]] = [ls[pick(c.b)], ls[pick(c.a)]];
    else if (c.kind === 'swapItems') {
      const items = ls[pick(c.line)].split(';');
      const a = c.a % items.length;
      const b = c.b % items.length;
      [items[a], items[b]] = [items[b], items[a]];
      ls[pick(c.line)] = items.join(';');
    } else if (c.kind === 'huge') {
      const l = ls[pick(c.line)];
      const at = l.indexOf('LA-Avg=');
      ls[pick(c.line)] = `${l.slice(0, at)}a34002-Info=${'9'.repeat(c.length)};${l.slice(at)}`;
    }
  }
  bytes = Buffer.from(ls.join(''), 'latin1');
  for (const c of cs) {
    if (c.kind === 'flip') {
      const at = c.at % bytes.length;
      bytes[at] ^= c.xor;
    } else if (c.kind === 'cut') {
      const at = c.at % bytes.length;
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + c.length))]);
    } else if (c.kind === 'foreign') {
      const at = c.at % bytes.length;
      bytes = Buffer.concat([bytes.subarray(0, at), FOREIGN[c.encoding], bytes.subarray(at)]);
    }
    if (!bytes.length) bytes = Buffer.from('\n');
  }
  return bytes;
}

/** What the adapter must count as read: the lines that are not blank. */
function nonBlankLines(bytes: Buffer): number {
  return bytes.toString('latin1').split('\n').filter((l) => l.replace(/\r$/, '').trim() !== '').length;
}

let run = 0;

test('corrupted packet logs: no crash, no corrupted value stored, every line accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 5000 }), fc.array(corruption, { minLength: 1, maxLength: 5 }), async (first, cs) => {
      const lines = Array.from({ length: 8 }, (_, i) => frameOf(first + i));
      const bytes = corrupt(lines, cs);
      const file = path.join(dir, `fuzz-${run++}.log`);
      fs.writeFileSync(file, bytes);
      const sink = new IngestSink(conn, { source: 'hj212' });
      await hj212Adapter.ingestFile(file, sink, conn, {});
      const report = await sink.finish();
      expect(checkAccounting(report)).toBeNull();
      expect(report.read).toBe(nonBlankLines(bytes));
      fs.rmSync(file);
    }),
    { numRuns: RUNS },
  );
  // Every value stored, in the record and in the read model, is the one true value of its slot.
  const models = createEnvironmentModels(conn);
  const readings = await models.Reading.find({ mn: MN }).lean();
  expect(readings.length).toBeGreaterThan(0);
  for (const r of readings) {
    const slot = Math.round((r.dataTime.getTime() - START) / SLOT);
    expect(r.dataTime.getTime()).toBe(START + slot * SLOT);
    const want = truth(slot);
    for (const v of r.values) expect(v.avg).toBe(want[v.code as 'a34002' | 'LA']);
  }
  expect(await models.Reading.countDocuments({ conflictOf: { $exists: true } })).toBe(0);
  const chunks = await models.ReadingChunk.find({ mn: MN }).lean();
  for (const c of chunks) {
    for (const entry of c.packed.split(';')) {
      const [sec, , code, value] = entry.split(',');
      const t = Date.parse(`${c.day}T00:00:00+08:00`) + Number(sec) * 1000;
      expect(Number(value)).toBe(truth(Math.round((t - START) / SLOT))[code as 'a34002' | 'LA']);
    }
  }
}, 120_000);
