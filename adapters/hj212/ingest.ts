/**
 * One HJ 212 frame → a stored reading or a quarantined raw record. Shared by the log-file adapter
 * and the TCP listener so both apply exactly the same validation.
 */
import type { Model } from 'mongoose';
import type { IngestSink } from '../common/sink';
import { readingId, type ReadingDoc } from '../../subgraphs/environment/models/reading';
import type { ReadingDigest } from './digest';
import { buildFrame, parseFrame } from './frame';
import { formatLocalTimestamp, parsePacket, type Hj212Packet, type PacketResult } from './packet';
import type { VendorCodeMap } from './vendorCodes';

/** Validates the frame (length, CRC) and then the data segment. */
export function parseHj212Frame(frame: string, vendor: VendorCodeMap): PacketResult {
  const f = parseFrame(frame);
  return f.ok ? parsePacket(f.segment, vendor) : f;
}

/** The stored reading. The access password (PW) is deliberately not kept. */
export function readingFromPacket(p: Hj212Packet): ReadingDoc {
  return { _id: readingId(p.mn, formatLocalTimestamp(p.dataTime), p.cn), mn: p.mn, st: p.st, cn: p.cn, qn: p.qn, dataTime: p.dataTime, values: p.values };
}

export async function ingestFrame(
  frame: string,
  where: string,
  sink: IngestSink,
  readings: Model<ReadingDoc>,
  vendor: VendorCodeMap,
  digest: ReadingDigest,
): Promise<PacketResult> {
  const result = parseHj212Frame(frame, vendor);
  if (result.ok) {
    const reading = readingFromPacket(result.packet);
    await sink.acceptNew(readings, reading as unknown as Record<string, unknown>);
    await digest.add(reading);
  } else await sink.reject(where, frame, `${where}: ${result.reason}`);
  return result;
}

/**
 * The data reply (CN=9014, ST=91) a device asks for with the A bit of Flag; without it the device
 * resends. Sent once the packet is stored.
 */
export function dataReplyFrame(p: Hj212Packet): string | null {
  if ((p.flag & 1) === 0 || p.qn === null) return null;
  return buildFrame(`QN=${p.qn};ST=91;CN=9014;PW=${p.pw};MN=${p.mn};Flag=4;CP=&&&&`);
}
