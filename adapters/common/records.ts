/**
 * Record readers for the departments' native files, streamed with bounded memory. Each record comes
 * with its line number and raw text, so a rejection can say where it was and quarantine keeps it raw.
 */
import path from 'node:path';
import { readLines, readTextChunks, type TextEncodingName } from './textStream';

export type CsvRecord =
  | { line: number; raw: string; fields: Record<string, string>; error?: undefined }
  | { line: number; raw: string; error: string; fields?: undefined };

/**
 * CSV with a header row (RFC 4180 quoting; quoted fields may span lines). Fields are keyed by the
 * trimmed header names; values are trimmed. A row with the wrong number of fields is an error record.
 */
export async function* readCsvRecords(file: string, options: { encoding?: TextEncodingName } = {}): AsyncGenerator<CsvRecord> {
  let header: string[] | null = null;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  let raw = '';
  let startLine = 1;
  let line = 1;

  function* endRow(): Generator<CsvRecord> {
    fields.push(field);
    const row = fields;
    const rowRaw = raw;
    const rowLine = startLine;
    fields = [];
    field = '';
    raw = '';
    fieldStarted = false;
    startLine = line;
    if (row.length === 1 && row[0].trim() === '') return; // blank line
    if (!header) {
      header = row.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      return;
    }
    if (row.length !== header.length) {
      yield { line: rowLine, raw: rowRaw, error: `expected ${header.length} fields (${header.join(',')}), got ${row.length}` };
      return;
    }
    const out: Record<string, string> = {};
    header.forEach((h, i) => (out[h] = row[i].trim()));
    yield { line: rowLine, raw: rowRaw, fields: out };
  }

  // After a closing quote, a second quote means an escaped quote ("" inside a quoted field); tracking it as
  // state rather than peeking keeps this right when the pair is split across two chunks.
  let justClosedQuote = false;
  for await (const chunk of readTextChunks(file, options.encoding)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      raw += c;
      if (inQuotes) {
        if (c === '"') {
          inQuotes = false;
          justClosedQuote = true;
          continue;
        }
        if (c === '\n') line++;
        field += c;
        continue;
      }
      if (c === '"') {
        if (justClosedQuote) field += '"';
        justClosedQuote = false;
        inQuotes = true;
        fieldStarted = true;
        continue;
      }
      justClosedQuote = false;
      if (c === ',') {
        fields.push(field);
        field = '';
        fieldStarted = false;
        continue;
      }
      if (c === '\n') {
        line++;
        raw = raw.slice(0, raw.endsWith('\r\n') ? -2 : -1);
        if (field.endsWith('\r')) field = field.slice(0, -1);
        yield* endRow();
        continue;
      }
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) {
    yield { line: startLine, raw, error: 'unterminated quoted field at end of file' };
    return;
  }
  if (raw !== '' || fields.length) yield* endRow();
}

export type JsonRecord =
  | { line: number; index: number; raw: string; value: unknown; error?: undefined }
  | { line: number; index: number; raw: string; error: string; value?: undefined };

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
    for await (const { line, text } of readLines(file)) {
      if (!text.trim()) continue;
      yield parseRecord(line, index++, text);
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

  const flush = (): JsonRecord | null => {
    const raw = elem.trim();
    elem = '';
    return raw ? parseRecord(elemLine, index++, raw) : null;
  };

  for await (const chunk of readTextChunks(file)) {
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
        if (elem === '') elemLine = line;
        elem += c;
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
    yield { line, index, raw: elem, error: 'file ends inside the records array (truncated file?)' };
  } else if (mode === 'seek') {
    yield { line: 1, index: 0, raw: '', error: `no array of records found (a top-level array, or one of ${ARRAY_KEYS.join(', ')})` };
  }
}

function parseRecord(line: number, index: number, raw: string): JsonRecord {
  try {
    return { line, index, raw, value: JSON.parse(raw) };
  } catch (e) {
    return { line, index, raw, error: `invalid JSON: ${(e as Error).message}` };
  }
}
