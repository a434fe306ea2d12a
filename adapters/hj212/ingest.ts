/**
 * One HJ 212 frame → a stored reading or a quarantined raw record. Shared by the log-file adapter
 * and the TCP listener so both apply exactly the same validation.
 */
import type { Model } from 'mongoose';
import type { IngestSink } from '../common/sink';
import type { ReadingDoc } from '../../subgraphs/environment/models/reading';
import { parseFrame } from './frame';
import { parsePacket, type Hj212Packet, type PacketResult } from './packet';
import type { VendorCodeMap } from './vendorCodes';

/** Validates the frame (length, CRC) and then the data segment. */
export function parseHj212Frame(frame: string, vendor: VendorCodeMap): PacketResult {
  const f = parseFrame(frame);
  return f.ok ? parsePacket(f.segment, vendor) : f;
}

/** The stored reading. The access password (PW) is deliberately not kept. */
export function readingFromPacket(p: Hj212Packet): ReadingDoc {
  return { mn: p.mn, st: p.st, cn: p.cn, qn: p.qn, dataTime: p.dataTime, values: p.values };
}

export async function ingestFrame(
  frame: string,
  where: string,
  sink: IngestSink,
  readings: Model<ReadingDoc>,
  vendor: VendorCodeMap,
): Promise<void> {
  const result = parseHj212Frame(frame, vendor);
  if (result.ok) await sink.acceptNew(readings, readingFromPacket(result.packet) as unknown as Record<string, unknown>);
  else await sink.reject(where, frame, `${where}: ${result.reason}`);
}
