/**
 * Splits a device's TCP byte stream into HJ 212 frames. A read may hold several frames, part of one,
 * or bytes that belong to none; every frame ends with CRLF (which a data segment cannot contain), so
 * frames are cut at CRLF and validated afterwards by parseFrame, which names a wrong length or CRC.
 * Bytes before "##" are reported as garbage. Memory is bounded: a buffer that grows past the largest
 * legal frame without a CRLF is reported and dropped.
 */

/** "##" + 4 + 1024 + 4 + CRLF. */
export const MAX_FRAME_BYTES = 2 + 4 + 1024 + 4 + 2;

export type SplitItem =
  | { kind: 'frame'; text: string }
  | { kind: 'garbage'; text: string; reason: string };

export class Hj212Splitter {
  private buffer = '';

  /** Feeds one read; returns the frames and garbage it completed. */
  push(chunk: Buffer | string): SplitItem[] {
    this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    const items: SplitItem[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const piece = this.buffer.slice(0, end + 2);
      this.buffer = this.buffer.slice(end + 2);
      this.emitPiece(piece, items);
    }
    if (this.buffer.length > MAX_FRAME_BYTES) {
      // Keep a possible frame start; what precedes it can never become a frame.
      const start = this.buffer.lastIndexOf('##');
      const keepFrom = start > 0 && this.buffer.length - start <= MAX_FRAME_BYTES ? start : this.buffer.length;
      items.push({
        kind: 'garbage',
        text: this.buffer.slice(0, keepFrom),
        reason: `${keepFrom} bytes without a CRLF frame end (longer than the largest frame, ${MAX_FRAME_BYTES} bytes)`,
      });
      this.buffer = this.buffer.slice(keepFrom);
    }
    return items;
  }

  /** The connection closed: whatever is left is an incomplete frame. */
  end(): SplitItem[] {
    const rest = this.buffer;
    this.buffer = '';
    return rest.length ? [{ kind: 'garbage', text: rest, reason: 'connection closed in the middle of a frame (no CRLF)' }] : [];
  }

  private emitPiece(piece: string, items: SplitItem[]): void {
    // The last "##": a frame cut short by a device restart is garbage, the complete frame after it is kept.
    const start = piece.lastIndexOf('##');
    if (start < 0) {
      if (piece !== '\r\n') items.push({ kind: 'garbage', text: piece, reason: 'bytes between frames without a "##" frame start' });
      return;
    }
    if (start > 0) items.push({ kind: 'garbage', text: piece.slice(0, start), reason: 'bytes between frames without a "##" frame start' });
    items.push({ kind: 'frame', text: piece.slice(start) });
  }
}
