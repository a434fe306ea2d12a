/**
 * The TCP listener's splitter: cuts a device's byte stream into HJ 212 frames like Hj212Splitter (a
 * frame ends with CRLF; within a line the last "##" starts the frame, bytes before it are garbage),
 * but holds at most `maxLineBytes` of a line. Past that, the line's bytes are dropped until the next
 * frame start ("##") or line end (CRLF) and reported ONCE, when the drop ends, with the count of bytes
 * dropped and only the first SAMPLE_BYTES kept: a 1 MB line costs one quarantine record and a few KB of
 * memory, never a megabyte buffer or hundreds of 64 KB records.
 *
 * Works on Buffers and copies what it keeps between reads: a slice of a string or Buffer would keep the
 * whole 64 KB read it came from alive, for every connection.
 */
import { MAX_FRAME_BYTES, type SplitItem } from './splitter';

/** What an over-long line keeps of itself for its quarantine record. */
export const SAMPLE_BYTES = 1024;

export type BoundedSplitItem = SplitItem & { overlong?: boolean };

const CRLF = Buffer.from('\r\n', 'latin1');
const FRAME_START = Buffer.from('##', 'latin1');
const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;
const NO_BYTES = Buffer.alloc(0);

interface Dropping {
  /** Bytes dropped so far (the sample included). */
  bytes: number;
  sample: string;
  /** The last dropped byte, to find a "##" or CRLF that straddles two reads. */
  last: number;
}

export class BoundedSplitter {
  private held: Buffer = NO_BYTES;
  private dropping: Dropping | null = null;

  constructor(private readonly maxLineBytes: number) {
    if (maxLineBytes < MAX_FRAME_BYTES) throw new Error(`maxLineBytes ${maxLineBytes} is below the largest frame (${MAX_FRAME_BYTES} bytes)`);
  }

  /** Bytes held between reads (at most maxLineBytes). */
  get buffered(): number {
    return this.held.length;
  }

  /** Feeds one read; returns the frames and garbage it completed. */
  push(chunk: Buffer | string): BoundedSplitItem[] {
    let data = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    const items: BoundedSplitItem[] = [];
    if (this.dropping) {
      data = this.dropUntilResync(data, items);
      if (this.dropping) return items;
    }
    if (this.held.length) data = Buffer.concat([this.held, data]);
    let from = 0;
    let end: number;
    while ((end = data.indexOf(CRLF, from)) >= 0) {
      this.emitPiece(data, from, end + 2, items);
      from = end + 2;
    }
    const restLength = data.length - from;
    if (restLength > this.maxLineBytes) this.overflow(data, from, items);
    else this.held = restLength ? Buffer.from(data.subarray(from)) : NO_BYTES;
    return items;
  }

  /** The connection closed: what is left is an incomplete frame (or the end of an over-long line). */
  end(): BoundedSplitItem[] {
    const items: BoundedSplitItem[] = [];
    if (this.dropping) this.endDrop(items, 'the connection closed');
    if (this.held.length) {
      items.push({ kind: 'garbage', text: this.held.toString('latin1'), reason: 'connection closed in the middle of a frame (no CRLF)' });
    }
    this.held = NO_BYTES;
    return items;
  }

  /** The line from `from` passed maxLineBytes without a CRLF. */
  private overflow(data: Buffer, from: number, items: BoundedSplitItem[]): void {
    const found = data.subarray(from).lastIndexOf(FRAME_START);
    const start = found < 0 ? -1 : from + found;
    const sample = (n: number) => data.toString('latin1', from, from + Math.min(n, SAMPLE_BYTES));
    if (start > from && data.length - start <= MAX_FRAME_BYTES) {
      // A frame may still be arriving after the junk: drop the junk only, keep the frame's start.
      this.dropping = { bytes: start - from, sample: sample(start - from), last: 0 };
      this.held = Buffer.from(data.subarray(start));
      this.endDrop(items, 'a frame start');
      return;
    }
    this.held = NO_BYTES;
    this.dropping = { bytes: data.length - from, sample: sample(data.length - from), last: data[data.length - 1] };
  }

  /** Drops bytes up to the next "##" or CRLF (the CRLF is not counted); returns what follows (nothing while still dropping). */
  private dropUntilResync(data: Buffer, items: BoundedSplitItem[]): Buffer {
    const d = this.dropping!;
    if (!data.length) return NO_BYTES;
    // A "##" or CRLF whose first byte ended the previous read.
    if (d.last === HASH && data[0] === HASH) {
      d.bytes -= 1;
      this.endDrop(items, 'a frame start');
      return Buffer.concat([FRAME_START.subarray(0, 1), data]);
    }
    if (d.last === CR && data[0] === LF) {
      d.bytes -= 1;
      this.endDrop(items, 'a line end');
      return data.subarray(1);
    }
    const crlf = data.indexOf(CRLF);
    const hash = data.indexOf(FRAME_START);
    if (hash >= 0 && (crlf < 0 || hash < crlf)) {
      d.bytes += hash;
      this.endDrop(items, 'a frame start');
      return data.subarray(hash);
    }
    if (crlf >= 0) {
      d.bytes += crlf;
      this.endDrop(items, 'a line end');
      return data.subarray(crlf + 2);
    }
    d.bytes += data.length;
    d.last = data[data.length - 1];
    return NO_BYTES;
  }

  private endDrop(items: BoundedSplitItem[], until: string): void {
    const d = this.dropping!;
    this.dropping = null;
    if (d.bytes <= 0) return;
    items.push({
      kind: 'garbage',
      overlong: true,
      text: d.sample,
      reason:
        `${d.bytes} bytes without a CRLF frame end, in a line longer than the limit of ${this.maxLineBytes} bytes ` +
        `(HJ212_MAX_LINE_BYTES): dropped up to ${until}; the first ${d.sample.length} bytes are kept here`,
    });
  }

  private emitPiece(data: Buffer, from: number, to: number, items: BoundedSplitItem[]): void {
    // The last "##": a frame cut short by a device restart is garbage, the complete frame after it is kept.
    const found = data.subarray(from, to - 2).lastIndexOf(FRAME_START);
    const start = found < 0 ? -1 : from + found;
    if (start < 0) {
      if (to - from > 2) items.push({ kind: 'garbage', text: data.toString('latin1', from, to), reason: 'bytes between frames without a "##" frame start' });
      return;
    }
    if (start > from) items.push({ kind: 'garbage', text: data.toString('latin1', from, start), reason: 'bytes between frames without a "##" frame start' });
    items.push({ kind: 'frame', text: data.toString('latin1', start, to) });
  }
}
