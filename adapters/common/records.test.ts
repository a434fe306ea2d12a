import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readCsvRecords, readJsonRecords } from './records';
import { detectFileEncoding } from './strictLines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function write(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

describe('CSV', () => {
  test('header, quotes, embedded commas/quotes/newlines, CRLF, blank lines, line numbers', async () => {
    const f = write('a.csv', '\uFEFFname,amount,note\r\n张三,100,"a, ""quoted"" note"\r\n\r\n李四,200,"two\nlines"\r\n王五,300\r\n');
    const rows = await all(readCsvRecords(f));
    const header = 'name,amount,note';
    expect(rows).toEqual([
      { line: 2, raw: '张三,100,"a, ""quoted"" note"', header, fields: { name: '张三', amount: '100', note: 'a, "quoted" note' } },
      { line: 4, raw: '李四,200,"two\nlines"', header, fields: { name: '李四', amount: '200', note: 'two\nlines' } },
      { line: 6, raw: '王五,300', header, error: 'expected 3 fields (name,amount,note), got 2' },
    ]);
  });

  test('GB18030 is detected and decoded; a declared encoding wins', async () => {
    const f = write('gb.csv', iconv.encode('姓名,金额\n欧阳娜,3500\n', 'gb18030'));
    expect(await detectFileEncoding(f)).toBe('gb18030');
    expect(await all(readCsvRecords(f))).toEqual([{ line: 2, raw: '欧阳娜,3500', header: '姓名,金额', fields: { 姓名: '欧阳娜', 金额: '3500' } }]);
    expect((await all(readCsvRecords(f, { encoding: 'gb18030' })))[0].fields).toEqual({ 姓名: '欧阳娜', 金额: '3500' });
  });

  test('an unterminated quote is reported', async () => {
    const rows = await all(readCsvRecords(write('bad.csv', 'a,b\n1,"x\n')));
    expect(rows[0]).toMatchObject({ line: 2, error: 'a quote opened in this line is never closed' });
  });

  test('a stray quote inside a field rejects that record only (issue 18: 1,王"五,100)', async () => {
    const f = write('stray.csv', 'id,name,amount\n1,张三,100\n1,王"五,100\n3,李四,200\n4,赵六,300\n');
    const rows = await all(readCsvRecords(f));
    expect(rows.map((r) => [r.line, r.fields?.name ?? r.error])).toEqual([
      [2, '张三'],
      [3, expect.stringMatching(/Invalid Opening Quote: a quote is found on field 1/)],
      [4, '李四'],
      [5, '赵六'],
    ]);
    expect(rows[1].raw).toBe('1,王"五,100');
  });

  test('an opening quote never closed takes no record after it: its line is rejected and reading resumes on the next', async () => {
    const lines = ['id,name,note', '1,"赵六,300', '2,钱七,400', '3,孙八,"two', 'lines"', '4,周九,500'];
    const rows = await all(readCsvRecords(write('open.csv', lines.join('\n') + '\n')));
    expect(rows.map((r) => [r.line, r.fields?.name ?? r.error])).toEqual([
      [2, 'a quote opened in this line is never closed'],
      [3, '钱七'],
      [4, '孙八'],
      [6, '周九'],
    ]);
    // The same when the quote is still open at the 50-line bound far from the end of the file.
    const many = ['id,name,note', '1,"赵六,300', ...Array.from({ length: 120 }, (_, i) => `${i + 2},n${i},x`)];
    const manyRows = await all(readCsvRecords(write('open-many.csv', many.join('\n'))));
    expect(manyRows.filter((r) => r.error)).toHaveLength(1);
    expect(manyRows.filter((r) => r.fields).map((r) => r.fields!.name)).toEqual(Array.from({ length: 120 }, (_, i) => `n${i}`));
  });

  test('a line that does not decode is rejected with its number and bytes; the rest are read', async () => {
    const bad = Buffer.from([0x33, 0x2c, 0xff, 0xfe, 0x2c, 0x31]);
    const f = write('bytes.csv', Buffer.concat([iconv.encode('id,name,n\n1,张三,1\n', 'gb18030'), bad, iconv.encode('\n4,李四,2\n', 'gb18030')]));
    const rows = await all(readCsvRecords(f));
    expect(rows.map((r) => [r.line, r.fields?.name ?? r.error])).toEqual([[2, '张三'], [3, 'line 3 is not valid GB18030 (the file\'s encoding)'], [4, '李四']]);
    expect(rows[1]).toMatchObject({ rawEncoding: 'base64', raw: bad.toString('base64'), header: 'id,name,n' });
  });

  test('a header that does not decode: every row is rejected, none read under a data line taken for the header', async () => {
    const f = write('bad-header.csv', Buffer.concat([Buffer.from([0x69, 0x64, 0x2c, 0xff, 0x0a]), Buffer.from('1,张三\n2,李四\n')]));
    const rows = await all(readCsvRecords(f));
    expect(rows.map((r) => [r.line, r.error])).toEqual([
      [1, "line 1 is not valid UTF-8 (the file's encoding)"],
      [2, "the file's header (line 1) could not be read, so this row's fields cannot be named"],
      [3, "the file's header (line 1) could not be read, so this row's fields cannot be named"],
    ]);
  });

  test('large files stream across chunk boundaries intact', async () => {
    const lines = ['id,text'];
    for (let i = 0; i < 40000; i++) lines.push(`${i},"中文 ""q"" ${i}"`);
    const rows = await all(readCsvRecords(write('big.csv', lines.join('\n'))));
    expect(rows).toHaveLength(40000);
    expect(rows.every((r, i) => r.fields?.text === `中文 "q" ${i}`)).toBe(true);
  });
});

describe('JSON records', () => {
  test('top-level array with line numbers, and a broken element reported', async () => {
    const f = write('a.json', '[\n  {"a": 1, "s": "x,]}"},\n  {"a": 2},\n  {"a": }\n]\n');
    const rows = await all(readJsonRecords(f));
    expect(rows.map((r) => [r.line, r.value ?? r.error?.slice(0, 12)])).toEqual([[2, { a: 1, s: 'x,]}' }], [3, { a: 2 }], [4, 'invalid JSON']]);
  });

  test('a JSON export in GB18030 is decoded; a damaged line rejects only the element holding it', async () => {
    const f = write('gb.json', Buffer.concat([iconv.encode('[\n{"name": "欧阳娜"},\n', 'gb18030'), Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x2c, 0x0a]), iconv.encode('{"name": "李秀英"}\n]\n', 'gb18030')]));
    const rows = await all(readJsonRecords(f));
    expect(rows.map((r) => r.value ?? r.error)).toEqual([{ name: '欧阳娜' }, "line 3 is not valid GB18030 (the file's encoding)", { name: '李秀英' }]);
    expect(rows[1].raw).not.toMatch(/\uFFFD/);
    expect(rows[1].raw).toContain(`[line 3 as bytes, base64: ${Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x2c]).toString('base64')}]`);
  });

  test('GeoJSON FeatureCollection: the features array', async () => {
    const f = write('b.geojson', JSON.stringify({ type: 'FeatureCollection', name: 'x', features: [{ type: 'Feature', properties: { c: 1 } }, { type: 'Feature', properties: { c: 2 } }] }));
    const rows = await all(readJsonRecords(f));
    expect(rows.map((r) => (r.value as { properties: { c: number } }).properties.c)).toEqual([1, 2]);
  });

  test('envelope with data array after other keys; JSON Lines; truncated and missing arrays', async () => {
    const env = write('c.json', '{"total": 2, "meta": {"data": [9]}, "data": [{"k": "a"}, {"k": "b"}]}');
    expect((await all(readJsonRecords(env))).map((r) => r.value)).toEqual([{ k: 'a' }, { k: 'b' }]);
    const jl = write('d.jsonl', '{"k":1}\n\n{"k":2}\nnot json\n');
    const jrows = await all(readJsonRecords(jl));
    expect(jrows.map((r) => [r.line, r.value ?? 'err'])).toEqual([[1, { k: 1 }], [3, { k: 2 }], [4, 'err']]);
    expect((await all(readJsonRecords(write('e.json', '[{"a":1},{"a":')))).pop()?.error).toMatch(/truncated/);
    expect((await all(readJsonRecords(write('f.json', '{"x": 1}'))))[0].error).toMatch(/no array of records/);
  });
});
