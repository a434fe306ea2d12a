/**
 * HJ 212-2017 frame: "##" + 4-digit DECIMAL length of the data segment + data segment + 4-hex CRC
 * (high byte first) + "\r\n". The length counts only the data segment and must be 0..1024
 * (STANDARDS §4.1; one public parser reads it as hex — that contradicts the standard's own sample).
 */
import { hj212Crc, hj212CrcHex } from './crc';

export const MAX_SEGMENT_LENGTH = 1024;

export type FrameResult = { ok: true; segment: string } | { ok: false; reason: string };

/** Wraps a data segment into a complete frame, CRLF included. */
export function buildFrame(segment: string): string {
  return `##${String(segment.length).padStart(4, '0')}${segment}${hj212CrcHex(segment)}\r\n`;
}

/** Validates one frame (the trailing CRLF may be present or already stripped) and returns its data segment. */
export function parseFrame(packet: string): FrameResult {
  let text = packet;
  if (text.endsWith('\r\n')) text = text.slice(0, -2);
  else if (text.endsWith('\n') || text.endsWith('\r')) text = text.slice(0, -1);
  if (!text.startsWith('##')) return { ok: false, reason: 'frame does not start with "##"' };
  const lengthField = text.slice(2, 6);
  if (!/^\d{4}$/.test(lengthField)) return { ok: false, reason: `length field "${lengthField}" is not 4 decimal digits` };
  const declared = Number(lengthField);
  if (declared > MAX_SEGMENT_LENGTH) {
    return { ok: false, reason: `declared data-segment length ${declared} exceeds the maximum ${MAX_SEGMENT_LENGTH}` };
  }
  const actual = text.length - 10;
  if (actual !== declared) {
    return {
      ok: false,
      reason: actual < 0
        ? `frame is too short (${text.length} characters) for a length field, data segment and CRC`
        : `declared data-segment length ${declared} but the data segment is ${actual} characters`,
    };
  }
  const segment = text.slice(6, 6 + declared);
  const crcField = text.slice(6 + declared);
  if (!/^[0-9A-Fa-f]{4}$/.test(crcField)) return { ok: false, reason: `CRC field "${crcField}" is not 4 hex digits` };
  const computed = hj212Crc(segment);
  if (computed !== parseInt(crcField, 16)) {
    return { ok: false, reason: `CRC error: frame carries ${crcField.toUpperCase()}, data segment gives ${hj212CrcHex(segment)}` };
  }
  return { ok: true, segment };
}
