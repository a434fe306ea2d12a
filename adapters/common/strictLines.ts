/**
 * Lines of a department's file as bytes first, decoded strictly one by one (issue 18): the file's
 * encoding is detected once over the WHOLE file (declared, a UTF-8 BOM, else a vote of its non-ASCII
 * lines between UTF-8 and GB18030), then each line is decoded with a fatal TextDecoder. A line that does not decode, that holds
 * control characters or U+FFFD, or that is longer than the record size limit comes back as a bad line
 * with its number and its bytes (base64, truncated with length and sha256 when over the limit), so
 * nothing after it is lost and no replacement character is ever stored.
 *
 * Why the whole file for detection: a roster whose first 64 KiB is ASCII and whose later lines are
 * GB18030 was read as UTF-8 (or worse, leniently) when only the head was looked at.
 */
import { TextDecoder } from 'node:util';
import { createHash, type Hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { maxRecordBytes } from './limits';

export type TextEncodingName = 'utf8' | 'gb18030';

export type StrictLine =
  | { line: number; text: string; bad?: undefined }
  | {
      line: number;
      bad: string;
      /** The line's bytes in base64 (only the start when `truncated`). */
      raw: string;
      truncated?: { length: number; unit: 'bytes'; sha256: string };
      /** With `lenient`: the line decoded with replacement characters, for scanning its structure only. */
      lenient?: string;
      text?: undefined;
    };

export interface StrictLineOptions {
  encoding?: TextEncodingName;
  /** Bytes past which a line is rejected whole (default: INGEST_MAX_RECORD_BYTES). */
  maxLineBytes?: number;
  /** Filled as the file is read: the encoding used and the bytes read. */
  info?: { encoding?: TextEncodingName; bytes?: number };
  /** What the limit is called in a rejection (default: the record size limit, INGEST_MAX_RECORD_BYTES). */
  limitName?: string;
  /** Give bad lines (not over-long ones) a lenient decoding as well, never to be stored. */
  lenient?: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** What an over-long line keeps of itself in quarantine. */
const KEPT_BYTES = 4096;
const READ_CHUNK = 256 * 1024;
// Tab, LF and CR are whitespace; other C0 controls, DEL and U+FFFD are never in a real record: a line
// holding one was damaged on the way (a flipped byte, a lenient converter upstream).
const DAMAGED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** Bytes of a line looked at for detection: enough to judge it, bounded memory for any line. */
const DETECT_LINE_BYTES = 64 * 1024;

/**
 * Detects the encoding of a file: a UTF-8 BOM, else a vote of its lines that hold non-ASCII bytes —
 * valid UTF-8 for UTF-8, invalid for GB18030 (real GB18030 Chinese is almost never valid UTF-8). A
 * vote, not "any invalid line means GB18030": one damaged line in a UTF-8 file must not turn every
 * other line into mojibake or rejections; it is rejected alone.
 */
export async function detectFileEncoding(file: string): Promise<TextEncodingName> {
  let utf8Votes = 0;
  let gbVotes = 0;
  let parts: Buffer[] = [];
  let size = 0;
  const judge = () => {
    let line = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    parts = [];
    size = 0;
    if (!hasHighBytes(line)) return;
    // A line cut at the bound may end inside a character: judge it up to its last ASCII byte.
    if (line.length >= DETECT_LINE_BYTES) {
      let end = line.length;
      while (end > 0 && line[end - 1] >= 0x80) end--;
      line = line.subarray(0, end);
    }
    if (isUtf8(line)) utf8Votes++;
    else gbVotes++;
  };
  let first = true;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_CHUNK })) {
    const buf = chunk as Buffer;
    if (first && buf.subarray(0, 3).equals(UTF8_BOM)) return 'utf8';
    first = false;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      if (size < DETECT_LINE_BYTES) parts.push(buf.subarray(start, Math.min(nl, start + DETECT_LINE_BYTES - size)));
      start = nl + 1;
      judge();
    }
    if (start < buf.length && size < DETECT_LINE_BYTES) {
      const piece = Buffer.from(buf.subarray(start, Math.min(buf.length, start + DETECT_LINE_BYTES - size)));
      parts.push(piece);
      size += piece.length;
    }
  }
  judge();
  return gbVotes > utf8Votes ? 'gb18030' : 'utf8';
}

function hasHighBytes(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Decodes one line strictly; returns the text or why it is not text. */
export function decodeLine(bytes: Buffer, encoding: TextEncodingName, decoder: TextDecoder): { text: string } | { error: string } {
  if (encoding === 'gb18030' && hasHighBytes(bytes) && isUtf8(bytes)) {
    // Real GB18030 Chinese is almost never valid UTF-8; a line that is means a UTF-8 line in a
    // GB18030 file, which GB18030 would turn into mojibake without complaint.
    return { error: 'is UTF-8 text in a file otherwise encoded in GB18030 (mixed encodings): not decoded, to avoid mojibake' };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { error: `is not valid ${encoding === 'utf8' ? 'UTF-8' : 'GB18030'} (the file's encoding)` };
  }
  const damaged = DAMAGED.exec(text);
  if (damaged) {
    const cp = damaged[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { error: `holds the character U+${cp} at column ${damaged.index + 1} (a damaged line)` };
  }
  return { text };
}

/** Yields every line of the file (1-based numbers, without its line break), decoded strictly. */
export async function* readStrictLines(file: string, options: StrictLineOptions = {}): AsyncGenerator<StrictLine> {
  const encoding = options.encoding ?? (await detectFileEncoding(file));
  if (options.info) options.info.encoding = encoding;
  const limit = options.maxLineBytes ?? maxRecordBytes();
  const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: true });

  let lineNo = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let hash: Hash | null = null;
  let kept: Buffer | null = null;
  let total = 0;

  const take = (piece: Buffer) => {
    if (hash) {
      hash.update(piece);
      size += piece.length;
      return;
    }
    if (size + piece.length > limit) {
      // Over the limit: from here on only its hash and length are kept, memory stays flat.
      const head = Buffer.concat([...parts, piece]);
      hash = createHash('sha256').update(head);
      kept = head.subarray(0, KEPT_BYTES);
      parts = [];
      size += piece.length;
      return;
    }
    parts.push(piece);
    size += piece.length;
  };

  const finishLine = (): StrictLine => {
    lineNo++;
    let out: StrictLine;
    if (hash) {
      out = {
        line: lineNo,
        bad: `line ${lineNo} is ${size} bytes, over ${options.limitName ?? 'the record size limit'} of ${limit} bytes${options.limitName ? '' : ' (INGEST_MAX_RECORD_BYTES)'}`,
        raw: kept!.toString('base64'),
        truncated: { length: size, unit: 'bytes', sha256: (hash as Hash).digest('hex') },
      };
    } else {
      let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      if (lineNo === 1 && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
      const decoded = decodeLine(bytes, encoding, decoder);
      if ('text' in decoded) out = { line: lineNo, text: decoded.text };
      else {
        out = { line: lineNo, bad: `line ${lineNo} ${decoded.error}`, raw: bytes.toString('base64') };
        if (options.lenient) out.lenient = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030').decode(bytes);
      }
    }
    parts = [];
    size = 0;
    hash = null;
    kept = null;
    return out;
  };

  for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_CHUNK })) {
    const buf = chunk as Buffer;
    total += buf.length;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      take(buf.subarray(start, nl));
      start = nl + 1;
      yield finishLine();
    }
    if (start < buf.length) take(Buffer.from(buf.subarray(start)));
  }
  if (size > 0 || hash) yield finishLine();
  if (options.info) options.info.bytes = total;
}
