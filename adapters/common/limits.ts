/**
 * How big one record of a department's file may be (INGEST_MAX_RECORD_BYTES, default 1 MiB): a CSV
 * line or a JSON element past it is rejected with its place and kept truncated with its length and
 * hash. The store refuses documents over 16 MB (a BSON RangeError that used to end the whole ingest),
 * and no genuine roster line, pay line or red line comes near 1 MiB.
 */
import { envInt } from '../../lib/config';

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

export function maxRecordBytes(): number {
  const n = envInt('INGEST_MAX_RECORD_BYTES', DEFAULT_MAX_RECORD_BYTES);
  if (n < 1024 || n > 8 * 1024 * 1024) throw new Error(`INGEST_MAX_RECORD_BYTES must be between 1024 and 8388608 (8 MiB, half the store's document limit), got ${n}`);
  return n;
}
