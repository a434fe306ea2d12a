/**
 * One HJ 212 frame → a packet to store, a device to refuse, or a line to reject. Shared by the
 * log-file adapter and the TCP listener so both apply exactly the same validation: frame (length,
 * CRC), packet (packet.ts, checks.ts), then the device's identity (stationAuth.ts).
 */
import type { ReadingDoc } from '../../subgraphs/environment/models/reading';
import { readingId } from '../../subgraphs/environment/models/reading';
import { packetChecks, type PacketChecks } from './checks';
import { buildFrame, parseFrame } from './frame';
import { formatLocalTimestamp, parsePacket, type Hj212Packet, type PacketResult } from './packet';
import { contentHash } from './readingWriter';
import type { StationAuth } from './stationAuth';
import type { VendorCodeMap } from './vendorCodes';

/** Validates the frame (length, CRC) and then the data segment. */
export function parseHj212Frame(frame: string, vendor: VendorCodeMap, checks: PacketChecks = packetChecks()): PacketResult {
  const f = parseFrame(frame);
  return f.ok ? parsePacket(f.segment, vendor, checks) : f;
}

export type FrameOutcome =
  | { kind: 'store'; packet: Hj212Packet; reading: ReadingDoc }
  /** A well-formed packet from a device that is not who it says it is: refused, never stored. */
  | { kind: 'refused'; packet: Hj212Packet; qnRtn: number; reason: string }
  | { kind: 'rejected'; reason: string };

/** Frame, packet and device checks of one line. */
export async function admitFrame(frame: string, vendor: VendorCodeMap, checks: PacketChecks, auth: StationAuth): Promise<FrameOutcome> {
  const r = parseHj212Frame(frame, vendor, checks);
  if (!r.ok) return { kind: 'rejected', reason: r.reason };
  const a = await auth.check(r.packet.mn, r.packet.pw);
  if (!a.ok) return { kind: 'refused', packet: r.packet, qnRtn: a.qnRtn, reason: a.reason };
  return { kind: 'store', packet: r.packet, reading: readingFromPacket(r.packet) };
}

/** The stored reading. The access password (PW) is deliberately not kept; empty lists are left out. */
export function readingFromPacket(p: Hj212Packet): ReadingDoc {
  const doc: ReadingDoc = {
    _id: readingId(p.mn, formatLocalTimestamp(p.dataTime), p.cn),
    mn: p.mn, st: p.st, cn: p.cn, qn: p.qn, dataTime: p.dataTime, edition: p.edition, flag: p.flag,
    values: p.values, hash: contentHash(p.values, p.facilities.length ? p.facilities : undefined),
  };
  if (p.facilities.length) doc.facilities = p.facilities;
  if (p.fields.length) doc.fields = p.fields;
  if (p.unknown.length) doc.unknown = p.unknown;
  if (p.rejectedItems.length) doc.rejectedItems = p.rejectedItems;
  return doc;
}

/**
 * The data reply (CN=9014, ST=91) a device asks for with the A bit of Flag; without it the device
 * resends. Sent once the packet is stored.
 */
export function dataReplyFrame(p: Hj212Packet): string | null {
  if ((p.flag & 1) === 0 || p.qn === null) return null;
  return buildFrame(`QN=${p.qn};ST=91;CN=9014;PW=${p.pw};MN=${p.mn};Flag=4;CP=&&&&`);
}

/**
 * The request reply (CN=9011) with QnRtn 3 (PW error) or 4 (MN error) for a refused device that asked
 * for a reply (A bit): it then knows to stop resending rather than retry for ever.
 */
export function refusalReplyFrame(p: Hj212Packet, qnRtn: number): string | null {
  if ((p.flag & 1) === 0 || p.qn === null) return null;
  return buildFrame(`QN=${p.qn};ST=91;CN=9011;PW=${p.pw};MN=${p.mn};Flag=4;CP=&&QnRtn=${qnRtn}&&`);
}
