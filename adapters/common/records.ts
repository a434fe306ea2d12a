/**
 * Record readers for the departments' native files, streamed with bounded memory. Each record comes
 * with its line number and raw text, so a rejection can say where it was and quarantine keeps it raw.
 */
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { maxRecordBytes } from './limits';
import { readStrictLines, type TextEncodingName } from './strictLines';
import { createHash, type Hash } from 'node:crypto';

export type CsvRecord =
  | { line: number; raw: string; fields: Record<string, string>; header: string; error?: undefined; rawEncoding?: undefined; truncated?: undefined }
  | {
      line: number;
      raw: string;
      error: string;
      /** The header line, when the file has one (kept with a rejected row so it can be re-read). */
      header?: string;
      rawEncoding?: 'base64';
      truncated?: { length: number; unit: 'bytes' | 'chars'; sha256: string };
      fields?: undefined;
    };

/** A quoted field may span lines, but not more than this many: past it the opening quote was a stray one. */
const MAX_LINES_PER_RECORD = 50;
const CSV_OPTIONS = { record_delimiter: '\n', relax_column_count: true, bom: false } as const;
const BATCH_LINES = 256;

function parseCsvText(text: string): { fields: string[] } | { open: true } | { error: string } {
  try {
    const rows = parseCsv(text, CSV_OPTIONS) as string[][];
    if (rows.length === 0) return { fields: [''] }; // an empty line
    if (rows.length !== 1) return { error: `${rows.length} records where one was expected` };
    return { fields: rows[0] };
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') return { open: true };
    // csv-parse counts lines inside the text it was given: drop its "at line 1" to avoid a wrong number.
    return { error: err.message.replace(/ at line \d+/, '') };
  }
}

/**
 * CSV with a header row, parsed by csv-parse one record at a time over strictly decoded lines
 * (readStrictLines): RFC 4180 quoting, a quoted field may span lines. A bad record — a line that does
 * not decode, a stray quote (`1,王"五,100`), the wrong number of fields, an unclosed quote — is one
 * error record with its line number; parsing resumes at the next line, so it never takes the records
 * after it with it. Fields are keyed by the trimmed header names; values are trimmed. `info` tells
 * whether a header was found and how many data lines followed.
 */
export async function* readCsvRecords(
  file: string,
  options: { encoding?: TextEncodingName; info?: { encoding?: TextEncodingName; bytes?: number; header?: string } } = {},
): AsyncGenerator<CsvRecord> {
  type TextLine = { line: number; text: string };
  let header: string[] | null = null;
  let headerText: string | undefined;
  /** The line number of a first line that was not text (then no row can be read). */
  let headerLost: number | undefined;
  const info = options.info ?? {};
  const limit = maxRecordBytes();
  // Lines waiting to be parsed, and the lines of a record whose quoted field is still open.
  const queue: TextLine[] = [];
  let pending: TextLine[] = [];

  // `final`: no line will follow those queued, so a record still open at the end is a bad one.
  function* drain(final: boolean): Generator<CsvRecord> {
    while (queue.length) {
      pending.push(queue.shift()!);
      const text = pending.map((l) => l.text).join('\n');
      const first = pending[0];
      const parsed = parseCsvText(text);
      if ('open' in parsed) {
        const hopeless = pending.length >= MAX_LINES_PER_RECORD || text.length > limit;
        if (!hopeless && !(final && queue.length === 0)) continue;
        // The opening quote was the error: the lines after it are records of their own.
        const rest = pending.slice(1);
        pending = [];
        queue.unshift(...rest);
        yield { line: first.line, raw: first.text, header: headerText, error: 'a quote opened in this line is never closed' };
        continue;
      }
      if ('error' in parsed && pending.length > 1) {
        // A quote that spanned lines and then broke the record: the opening quote was the error.
        const rest = pending.slice(1);
        pending = [];
        queue.unshift(...rest);
        yield { line: first.line, raw: first.text, header: headerText, error: 'a quote opened in this line is never closed' };
        continue;
      }
      pending = [];
      if ('error' in parsed) {
        yield { line: first.line, raw: text, header: headerText, error: parsed.error };
        continue;
      }
      const row = parsed.fields;
      if (row.length === 1 && row[0].trim() === '') continue; // blank line
      if (!header && headerLost !== undefined) {
        // The header was the damaged line: taking this row for the header would misname every field.
        yield { line: first.line, raw: text, error: `the file's header (line ${headerLost}) could not be read, so this row's fields cannot be named` };
        continue;
      }
      if (!header) {
        header = row.map((h) => h.trim());
        headerText = text;
        info.header = text;
        continue;
      }
      yield* rowRecord({ line: first.line, text }, row);
    }
  }

  function* settlePending(): Generator<CsvRecord> {
    yield* parseBatch();
    queue.push(...pending);
    pending = [];
    yield* drain(true);
  }

  // Lines are parsed BATCH_LINES at a time (one csv-parse call per line costs ~20 µs, mostly its
  // option handling). A batch that parses without error into as many records as it has lines holds
  // no quoted field spanning lines (a line never makes two records): one record per line. Any other
  // batch — an error, a field over several lines — goes through the line-by-line path.
  let batch: TextLine[] = [];
  function* parseBatch(): Generator<CsvRecord> {
    if (!batch.length) return;
    const lines = batch;
    batch = [];
    if (!pending.length && header) {
      let rows: string[][] | null = null;
      try {
        rows = parseCsv(lines.map((l) => l.text).join('\n'), CSV_OPTIONS) as string[][];
      } catch {
        rows = null;
      }
      if (rows && rows.length === lines.length) {
        for (let i = 0; i < rows.length; i++) yield* rowRecord(lines[i], rows[i]);
        return;
      }
    }
    queue.push(...lines);
    yield* drain(false);
  }

  function* rowRecord(l: TextLine, row: string[]): Generator<CsvRecord> {
    if (row.length === 1 && row[0].trim() === '') return;
    if (row.length !== header!.length) {
      yield { line: l.line, raw: l.text, header: headerText, error: `expected ${header!.length} fields (${header!.join(',')}), got ${row.length}` };
      return;
    }
    const out: Record<string, string> = {};
    header!.forEach((h, i) => (out[h] = row[i].trim()));
    yield { line: l.line, raw: l.text, header: headerText ?? l.text, fields: out };
  }

  for await (const l of readStrictLines(file, { encoding: options.encoding, info })) {
    if (l.bad !== undefined) {
      // A line that is not text also ends a record left open before it.
      yield* settlePending();
      if (!header && headerLost === undefined) headerLost = l.line;
      yield { line: l.line, raw: l.raw, rawEncoding: 'base64', truncated: l.truncated, header: headerText, error: l.bad };
      continue;
    }
    batch.push(l);
    // The header is read on its own.
    if (!header || batch.length >= BATCH_LINES) yield* parseBatch();
  }
  yield* settlePending();
}

export type JsonRecord =
  | { line: number; index: number; raw: string; value: unknown; error?: undefined; rawEncoding?: undefined; truncated?: undefined }
  | {
      line: number;
      index: number;
      raw: string;
      error: string;
      rawEncoding?: 'base64';
      truncated?: { length: number; unit: 'bytes' | 'chars'; sha256: string };
      value?: undefined;
    };

/**
 * A JSON file may be one line (minified GeoJSON): lines are limited only by this, elements by the
 * record size limit. A line past it cannot be scanned and ends the file's readable part.
 */
const JSON_MAX_LINE_BYTES = 64 * 1024 * 1024;
/** What an over-long element keeps of itself in quarantine. */
const KEPT_CHARS = 4096;

const ARRAY_KEYS = ['features', 'data', 'records', 'items', 'rows'];

/**
 * Records of a JSON file: the elements of a top-level array, or of the array under one of
 * `features`/`data`/`records`/`items`/`rows` in a top-level object (a GeoJSON FeatureCollection,
 * a platform export envelope); `.jsonl`/`.ndjson` files are read one record per line.
 */
export async function* readJsonRecords(file: string): AsyncGenerator<JsonRecord> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    let index = 0;
    for await (const l of readStrictLines(file)) {
      if (l.bad !== undefined) {
        yield { line: l.line, index: index++, raw: l.raw, rawEncoding: 'base64', truncated: l.truncated, error: l.bad };
        continue;
      }
      if (!l.text.trim()) continue;
      yield parseRecord(l.line, index++, l.text);
    }
    return;
  }

  // A small scanner (depth, strings, escapes) finds element boundaries without parsing the whole file.
  let mode: 'seek' | 'records' | 'done' = 'seek';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let arrayDepth = 0;
  let topIsObject = false;
  let expectKey = false;
  let collectingKey = false;
  let keyBuf = '';
  let lastKey = '';
  let elem = '';
  let elemLine = 1;
  let index = 0;
  let sawContent = false;
  const limit = maxRecordBytes();
  // An element past the limit keeps its start; the rest only feeds its hash and length.
  let overflow: { hash: Hash; length: number; tail: string } | null = null;
  // Lines that did not decode, since the current element began: the element holding one is rejected.
  let badLines: { line: number; reason: string; raw: string }[] = [];

  const appendElem = (c: string) => {
    if (overflow) {
      overflow.tail += c;
      overflow.length++;
      if (overflow.tail.length >= 65536) {
        overflow.hash.update(overflow.tail);
        overflow.tail = '';
      }
      return;
    }
    elem += c;
    if (elem.length > limit) overflow = { hash: createHash('sha256').update(elem), length: elem.length, tail: '' };
  };

  const flush = (): JsonRecord | null => {
    const started = elemLine;
    const bad = badLines.filter((b) => b.line >= started);
    // A bad line may hold the start of the next element too: it stays until the scan has passed it.
    badLines = badLines.filter((b) => b.line >= line);
    if (overflow) {
      const o = overflow;
      overflow = null;
      const head = elem.trimStart().slice(0, KEPT_CHARS);
      elem = '';
      const sha256 = o.hash.update(o.tail).digest('hex');
      return {
        line: started, index: index++, raw: head, truncated: { length: o.length, unit: 'chars', sha256 },
        error: `record is ${o.length} characters, over the record size limit of ${limit} (INGEST_MAX_RECORD_BYTES)`,
      };
    }
    const raw = elem.trim();
    elem = '';
    if (bad.length) {
      // Kept readable: the undecodable lines are shown as their bytes, never as replacement characters.
      let shown = raw;
      for (const b of bad) shown = shown.split('\uFFFD').join('') + `\n[line ${b.line} as bytes, base64: ${b.raw}]`;
      return { line: started, index: index++, raw: shown, error: bad[0].reason };
    }
    return raw ? parseRecord(started, index++, raw) : null;
  };

  // JSON should be UTF-8, but a platform export in GB18030 is read too: detected like a CSV file.
  for await (const l of readStrictLines(file, { maxLineBytes: JSON_MAX_LINE_BYTES, limitName: 'the line length limit of JSON files', lenient: true })) {
    let chunk: string;
    if (l.bad !== undefined && l.truncated) {
      // A line past JSON_MAX_LINE_BYTES cannot be scanned: it is a rejected record of its own (kept
      // truncated with length and hash), and the structure around it is read as it comes.
      sawContent = true;
      yield { line: l.line, index: index++, raw: l.raw, rawEncoding: 'base64', truncated: l.truncated, error: l.bad };
      chunk = '\n';
    } else if (l.bad !== undefined) {
      badLines.push({ line: l.line, reason: l.bad, raw: l.raw });
      // Scanned for its structure only (brackets and quotes are ASCII and survive lenient decoding).
      chunk = (l.lenient ?? '') + '\n';
    } else chunk = l.text + '\n';
    if (!sawContent && chunk.trim()) sawContent = true;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === '\n') line++;
      if (mode === 'done') continue;
      if (mode === 'records') {
        if (!inString && depth === arrayDepth) {
          if (c === ',') {
            const r = flush();
            yield r ?? { line, index: index++, raw: '', error: 'empty element in the records array' };
            continue;
          }
          if (c === ']') {
            const r = flush();
            if (r) yield r;
            depth--;
            mode = 'done';
            continue;
          }
          if (elem === '' && /\s/.test(c)) continue;
        }
        if (elem === '' && !overflow) elemLine = line;
        appendElem(c);
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (collectingKey) {
            collectingKey = false;
            lastKey = keyBuf;
          }
        } else if (collectingKey) keyBuf += c;
        continue;
      }
      if (c === '"') {
        inString = true;
        if (mode === 'seek' && topIsObject && depth === 1 && expectKey) {
          collectingKey = true;
          keyBuf = '';
          expectKey = false;
        }
        continue;
      }
      if (mode === 'seek' && topIsObject && depth === 1) {
        if (c === ',') expectKey = true;
        if (c === '[' && ARRAY_KEYS.includes(lastKey)) {
          depth++;
          arrayDepth = depth;
          mode = 'records';
          continue;
        }
      }
      if (c === '{' || c === '[') {
        if (mode === 'seek' && depth === 0) {
          if (c === '[') {
            depth++;
            arrayDepth = depth;
            mode = 'records';
            continue;
          }
          topIsObject = true;
          expectKey = true;
        }
        depth++;
      } else if (c === '}' || c === ']') {
        depth--;
      }
    }
  }
  if (mode === 'records') {
    const r = flush();
    yield { line, index, raw: r?.raw ?? '', error: 'file ends inside the records array (truncated file?)' };
  } else if (mode === 'seek' && sawContent) {
    // (A file with nothing in it yields no record: the ingest reports it as an empty file.)
    yield { line: 1, index: 0, raw: '', error: `no array of records found (a top-level array, or one of ${ARRAY_KEYS.join(', ')})` };
  }
}

// The characters a decoded line may not hold (strictLines.ts), here as JSON escapes ("\\uFFFD").
const DAMAGED_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** The first string (key or value) holding a damaged character, with its path; null when none. */
function damagedString(value: unknown, at = '$'): string | null {
  if (typeof value === 'string') return DAMAGED_CHAR.test(value) ? at : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (DAMAGED_CHAR.test(k)) return `${at}.${k}`;
    const found = damagedString(v, Array.isArray(value) ? `${at}[${k}]` : `${at}.${k}`);
    if (found) return found;
  }
  return null;
}

function parseRecord(line: number, index: number, raw: string): JsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { line, index, raw, error: `invalid JSON: ${(e as Error).message}` };
  }
  const damaged = damagedString(value);
  if (damaged) return { line, index, raw, error: `${damaged} holds a control character or U+FFFD (damaged text)` };
  return { line, index, raw, value };
}
