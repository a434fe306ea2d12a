/** Strict line decoding: detection over the whole file, one bad line rejected alone, never U+FFFD. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { detectFileEncoding, readStrictLines, type StrictLine } from './strictLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strict-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

async function lines(file: string, options: Parameters<typeof readStrictLines>[1] = {}): Promise<StrictLine[]> {
  const out: StrictLine[] = [];
  for await (const l of readStrictLines(file, options)) out.push(l);
  return out;
}

const summary = (ls: StrictLine[]) => ls.map((l) => (l.bad === undefined ? l.text : `BAD ${l.bad}`));

test('an ASCII head over 64 KiB then GB18030 lines: detected as GB18030 and decoded right', async () => {
  const head = 'id,name\n' + Array.from({ length: 5000 }, (_, i) => `${i},worker${i}`).join('\n') + '\n';
  expect(head.length).toBeGreaterThan(65_536);
  const f = write('late-gb.csv', Buffer.concat([Buffer.from(head), iconv.encode('5000,欧阳修\n5001,李秀英\n', 'gb18030')]));
  expect(await detectFileEncoding(f)).toBe('gb18030');
  expect(summary(await lines(f)).slice(-2)).toEqual(['5000,欧阳修', '5001,李秀英']);
});

test('one damaged line in a UTF-8 file is rejected alone (the file stays UTF-8); a UTF-8 line in a GB18030 file too', async () => {
  const utf8 = write('one-bad.csv', Buffer.concat([Buffer.from('a,张三\nb,李四\n'), Buffer.from([0x63, 0x2c, 0xbd, 0xcd, 0x0a]), Buffer.from('d,王五\n')]));
  expect(await detectFileEncoding(utf8)).toBe('utf8');
  expect(summary(await lines(utf8))).toEqual(['a,张三', 'b,李四', "BAD line 3 is not valid UTF-8 (the file's encoding)", 'd,王五']);

  const gb = write('one-utf8.csv', Buffer.concat([iconv.encode('a,张三\nb,李四\n', 'gb18030'), Buffer.from('c,王五\n'), iconv.encode('d,赵六\n', 'gb18030')]));
  expect(await detectFileEncoding(gb)).toBe('gb18030');
  expect(summary(await lines(gb))).toEqual(['a,张三', 'b,李四', 'BAD line 3 is UTF-8 text in a file otherwise encoded in GB18030 (mixed encodings): not decoded, to avoid mojibake', 'd,赵六']);
});

test('control characters and U+FFFD already in the text reject their line; CRLF and a BOM are handled', async () => {
  const f = write('damaged.csv', Buffer.from('\uFEFFa,b\r\nok,1\r\nnul,\u0000\r\nrep,\uFFFD\r\ntab,\t1\r\n'));
  expect(summary(await lines(f))).toEqual([
    'a,b', 'ok,1', 'BAD line 3 holds the character U+0000 at column 5 (a damaged line)', 'BAD line 4 holds the character U+FFFD at column 5 (a damaged line)', 'tab,\t1',
  ]);
});

test('a line over the limit is rejected with its length and hash, keeping its start; the next line is read', async () => {
  const long = Buffer.alloc(10_000, 0x41);
  const f = write('long.csv', Buffer.concat([Buffer.from('a\n'), long, Buffer.from('\nb\n')]));
  const ls = await lines(f, { maxLineBytes: 2048 });
  expect(summary(ls)).toEqual(['a', 'BAD line 2 is 10000 bytes, over the record size limit of 2048 bytes (INGEST_MAX_RECORD_BYTES)', 'b']);
  const bad = ls[1];
  expect(bad.bad !== undefined && bad.truncated).toEqual({ length: 10_000, unit: 'bytes', sha256: createHash('sha256').update(long).digest('hex') });
  expect(bad.bad !== undefined && Buffer.from(bad.raw, 'base64').length).toBe(4096);
});
