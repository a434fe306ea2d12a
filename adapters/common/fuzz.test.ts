/**
 * Property-based tests (fast-check) for every source but HJ 212 (its own fuzz set lives with it):
 * valid native files from the demo generator, corrupted at random — bytes flipped, lines cut, doubled,
 * dropped, re-encoded in the other encoding, fields swapped, huge fields, garbage lines — are ingested
 * through the real adapters into the embedded store. Each run: the ingest does not throw, every
 * record read is accounted for (accepted + duplicates + updated + rejected = read), and in a CSV file
 * whose header survived no corruption costs more than the lines it touched. After the runs no stored
 * string of any collection (quarantine included) holds U+FFFD, and none outside quarantine holds a
 * control character.
 *
 * FUZZ_RUNS (default 8 per source, ~20 s) makes a longer run; FUZZ_SEED replays one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { generateCity } from '../demo/city';
import { DEMO_WRITERS } from '../demo/writers';
import { ingestFile } from '../ingest';
import { adapterFor } from '../registry';
import { checkAccounting } from './sink';

process.env.WORKER_PSEUDONYM_SECRET = 'fuzz-secret';
// Low enough that a "huge field" crosses it without writing megabytes per run.
process.env.INGEST_MAX_RECORD_BYTES = '16384';
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Lines kept of each generated file: enough records, a bounded time per run. */
const MAX_LINES = 40;

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-'));
const connections = new Map<string, Connection>();
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Sample {
  source: string;
  ext: string;
  encoding: 'utf8' | 'gb18030';
  lines: Buffer[];
}

const samples = new Map<string, Sample>();
const city = generateCity({ projects: 2, seed: 11, workersPerProject: 4, monitoringDays: 1 });

beforeAll(async () => {
  const out = path.join(dir, 'valid');
  fs.mkdirSync(out);
  for (const writer of DEMO_WRITERS) {
    for (const { source, file } of await writer(city, out)) {
      if (source === 'hj212') continue;
      const bytes = fs.readFileSync(file);
      const lines = splitLines(bytes).slice(0, MAX_LINES);
      // A JSON file cut short still ends its array, so the cut is not the only thing tested.
      if (/\.(json|geojson)$/.test(file) && lines.length === MAX_LINES) lines.push(Buffer.from(']}'));
      samples.set(source, { source, ext: path.extname(file), encoding: isUtf8(bytes) ? 'utf8' : 'gb18030', lines });
    }
  }
});

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

type Op =
  | { kind: 'flip'; line: number; at: number; xor: number }
  | { kind: 'cut'; line: number; at: number }
  | { kind: 'double' | 'drop' | 'reencode'; line: number }
  | { kind: 'swap'; line: number; a: number; b: number }
  | { kind: 'huge'; line: number; at: number; size: number }
  | { kind: 'garbage'; line: number; bytes: Uint8Array };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), line: frac, at: frac, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), line: frac, at: frac }),
  fc.record({ kind: fc.constantFrom('double' as const, 'drop' as const, 'reencode' as const), line: frac }),
  fc.record({ kind: fc.constant('swap' as const), line: frac, a: fc.nat(12), b: fc.nat(12) }),
  fc.record({ kind: fc.constant('huge' as const), line: frac, at: frac, size: fc.integer({ min: 17_000, max: 40_000 }) }),
  // Garbage without line breaks: one line of it.
  fc.record({ kind: fc.constant('garbage' as const), line: frac, bytes: fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => b.map((x) => (x === 0x0a ? 0x20 : x))) }),
);

/** Applies the corruptions; returns the file's bytes and whether its first line (a CSV header) is untouched. */
function corrupt(sample: Sample, ops: Op[]): { bytes: Buffer; headerIntact: boolean } {
  const lines: Buffer[] = sample.lines.map((l) => Buffer.from(l));
  const header = Buffer.from(lines[0]);
  const other = sample.encoding === 'utf8' ? 'gb18030' : 'utf8';
  for (const op of ops) {
    if (!lines.length) break;
    const i = Math.floor(op.line * lines.length);
    const line = lines[i];
    switch (op.kind) {
      case 'flip':
        if (line.length) line[Math.floor(op.at * line.length)] ^= op.xor;
        break;
      case 'cut':
        lines[i] = line.subarray(0, Math.floor(op.at * line.length));
        break;
      case 'double':
        lines.splice(i, 0, Buffer.from(line));
        break;
      case 'drop':
        lines.splice(i, 1);
        break;
      case 'reencode':
        lines[i] = iconv.encode(iconv.decode(line, sample.encoding), other);
        break;
      case 'swap': {
        const fields = line.toString('latin1').split(',');
        const a = op.a % fields.length;
        const b = op.b % fields.length;
        [fields[a], fields[b]] = [fields[b], fields[a]];
        lines[i] = Buffer.from(fields.join(','), 'latin1');
        break;
      }
      case 'huge': {
        const at = Math.floor(op.at * line.length);
        lines[i] = Buffer.concat([line.subarray(0, at), Buffer.from('长'.repeat(Math.ceil(op.size / 3))), line.subarray(at)]);
        break;
      }
      case 'garbage':
        lines.splice(i, 0, Buffer.from(op.bytes));
        break;
    }
  }
  const bytes = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
  return { bytes, headerIntact: lines.length > 0 && lines[0].equals(header) };
}

async function connFor(department: string): Promise<Connection> {
  let c = connections.get(department);
  if (!c) connections.set(department, (c = await store.connect(department)));
  return c;
}

const SOURCES = ['permits', 'progress', 'parcels', 'planning-permits', 'hotline', 'enforcement', 'stations', 'workers', 'attendance', 'payroll', 'night-permits'];
let runNo = 0;

test.each(SOURCES)('%s: corrupted files never crash an ingest and every record is accounted for', async (source) => {
  const sample = samples.get(source);
  expect(sample).toBeDefined();
  const adapter = adapterFor(source)!;
  const conn = await connFor(adapter.department);
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
      const { bytes, headerIntact } = corrupt(sample!, ops);
      const file = path.join(dir, `${source}-${++runNo}${sample!.ext}`);
      fs.writeFileSync(file, bytes);
      try {
        const report = await ingestFile(adapter, file, conn);
        expect(checkAccounting(report)).toBeNull();
        // Line-isolated CSV: one corruption costs at most the two lines a flipped byte can make of one.
        if (sample!.ext === '.csv' && headerIntact) expect(report.rejected).toBeLessThanOrEqual(2 * ops.length);
      } finally {
        fs.rmSync(file, { force: true });
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}, 120_000);

/** Every string in a stored document, with its path. */
function* strings(value: unknown, at: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${at}[${i}]`);
  else if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value) && (value as { _bsontype?: string })._bsontype === undefined) {
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${at}.${k}`);
  }
}

test('after the runs: no U+FFFD in any stored string of any collection, no control character outside quarantine', async () => {
  const found: string[] = [];
  let scanned = 0;
  for (const [department, conn] of connections) {
    for (const { name } of await conn.db!.listCollections().toArray()) {
      for await (const doc of conn.db!.collection(name).find({})) {
        scanned++;
        for (const [at, s] of strings(doc, `${department}.${name}`)) {
          if (/\uFFFD/.test(s)) found.push(`${at}: U+FFFD in ${JSON.stringify(s.slice(0, 80))}`);
          else if (name !== 'quarantine' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) found.push(`${at}: control character in ${JSON.stringify(s.slice(0, 80))}`);
        }
      }
    }
  }
  expect(scanned).toBeGreaterThan(50);
  expect(found).toEqual([]);
}, 120_000);
