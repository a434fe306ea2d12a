/**
 * Lines of an HJ 212 packet log, read with bounded memory: a line longer than `maxBytes` (no legal
 * frame is longer than 1036 bytes) is never held whole. Only its first `keepBytes` are kept, with its
 * length and SHA-256, for the quarantine record (issue 18: a 20 MB line crashed the ingest with a BSON
 * RangeError). Bytes are read as latin1, one character per byte, as the CRC is computed on them.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';

export type LogLine =
  | { line: number; text: string }
  | { line: number; overlong: { sample: string; length: number; sha256: string } };

const LF = 0x0a;
const CR = 0x0d;
const CR_BYTE = Buffer.from([CR]);

export async function* readLogLines(file: string, maxBytes: number, keepBytes = 4096): AsyncGenerator<LogLine> {
  let line = 0;
  let held: Buffer[] = [];
  let heldBytes = 0;
  // Set while the current line is over the limit: its start, running hash and length.
  // A trailing CR is held back (not hashed, not counted) until more of the line follows: before the
  // LF it is the line ending, not part of the record.
  let over: { sample: Buffer; hash: Hash; length: number; cr: boolean } | null = null;

  const add = (part: Buffer) => {
    if (!part.length) return;
    if (over) {
      if (over.cr) {
        over.hash.update(CR_BYTE);
        over.length++;
      }
      over.cr = part[part.length - 1] === CR;
      const body = over.cr ? part.subarray(0, part.length - 1) : part;
      over.hash.update(body);
      over.length += body.length;
      return;
    }
    held.push(part);
    heldBytes += part.length;
    if (heldBytes > maxBytes) {
      let all = Buffer.concat(held);
      const cr = all[all.length - 1] === CR;
      if (cr) all = all.subarray(0, all.length - 1);
      over = { sample: Buffer.from(all.subarray(0, keepBytes)), hash: createHash('sha256').update(all), length: all.length, cr };
      held = [];
      heldBytes = 0;
    }
  };
  const end = (): LogLine => {
    line++;
    if (over) {
      const o = over;
      over = null;
      return { line, overlong: { sample: o.sample.toString('latin1'), length: o.length, sha256: o.hash.digest('hex') } };
    }
    let buf = held.length === 1 ? held[0] : Buffer.concat(held);
    held = [];
    heldBytes = 0;
    if (buf.length && buf[buf.length - 1] === CR) buf = buf.subarray(0, buf.length - 1);
    return { line, text: buf.toString('latin1') };
  };

  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const data = chunk as Buffer;
    let from = 0;
    let at: number;
    while ((at = data.indexOf(LF, from)) >= 0) {
      // Copy: a slice would keep the whole 256 KB read alive while the line is held.
      add(Buffer.from(data.subarray(from, at)));
      yield end();
      from = at + 1;
    }
    add(Buffer.from(data.subarray(from)));
  }
  if (heldBytes > 0 || over) yield end();
}
