/**
 * One device connection of the HJ 212 listener, processed on its own: its reads are handled in order,
 * one at a time (the socket is paused meanwhile, so an unread flood waits in the kernel, not in our
 * memory), and nothing it sends waits for another connection. Valid packets are stored and, when their
 * Flag asks for it, acknowledged (CN=9014) as soon as they are; rejected lines go to the shared
 * quarantine batcher. After `rejectBudget` rejected lines the connection is closed: the lines already
 * read past the budget are counted, and one summary record says how many were not stored.
 */
import type net from 'node:net';
import type { EventEmitter } from 'node:events';
import type { Connection, Model } from 'mongoose';
import { IngestSink, type IngestReport } from '../common/sink';
import { countIngested } from '../common/ingestMetrics';
import type { PacketChecks } from './checks';
import { ReadingWriter } from './readingWriter';
import type { StationAuth } from './stationAuth';
import type { ReadingDoc } from '../../subgraphs/environment/models/reading';
import type { ConnectionCounts } from './admission';
import { BoundedSplitter, SAMPLE_BYTES, type BoundedSplitItem } from './boundedSplitter';
import { ReadingDigest } from './digest';
import type { ExceedanceMaintainer } from './exceedanceDays';
import { admitFrame, dataReplyFrame, refusalReplyFrame } from './ingest';
import type { Hj212Limits } from './limits';
import type { Hj212Packet } from './packet';
import type { QuarantineBatcher, RejectedLine } from './quarantineBatcher';
import type { VendorCodeMap } from './vendorCodes';

export interface Hj212ListenerReport extends IngestReport {
  /** Rejected lines read after their connection had used its budget: counted, not stored one by one. */
  notStored: number;
  /** Well-formed packets refused because their MN is not registered or their PW does not match. */
  refused: number;
  /** Lines longer than HJ212_MAX_LINE_BYTES, each kept as one truncated record. */
  overlongLines: number;
  connections: ConnectionCounts;
  /** The most bytes one connection held between reads (bounded by HJ212_MAX_LINE_BYTES). */
  maxBufferedBytes: number;
}

/** What every connection shares. */
export interface ListenerContext {
  conn: Connection;
  readings: Model<ReadingDoc>;
  vendor: VendorCodeMap;
  checks: PacketChecks;
  /** Registered stations and their passwords, shared by every connection. */
  auth: StationAuth;
  limits: Hj212Limits;
  quarantine: QuarantineBatcher;
  /** One per listener: the days its devices write are evaluated together, after a delay. */
  exceedances: ExceedanceMaintainer;
  report: Hj212ListenerReport;
  /** 'stored' (the report) after each read is written, 'failed' (Error) when the store refused a write. */
  events: EventEmitter;
}

export const SOURCE = 'hj212-tcp';
const MAX_REASONS = 1000;
/** After the budget, replies still queued get this long to leave before the socket is destroyed. */
const CLOSE_GRACE_MS = 1000;

/** Serves one accepted socket; resolves once it has closed and everything it sent is processed. */
export function serveDeviceConnection(socket: net.Socket, peer: string, ctx: ListenerContext): Promise<void> {
  const { limits, report } = ctx;
  const splitter = new BoundedSplitter(limits.maxLineBytes);
  // Flushed after every read: the batch size only has to exceed what one read can hold.
  const sink = new IngestSink(ctx.conn, { source: SOURCE, batchSize: 100_000 });
  const digest = new ReadingDigest(ctx.conn, { exceedances: ctx.exceedances });
  const writer = new ReadingWriter(sink, ctx.readings, digest, 100_000);
  let packetNo = 0;
  let rejectsStored = 0;
  let notStored = 0;
  let notStoredSample = '';
  let overBudget = false;
  let work: Promise<void> = Promise.resolve();
  const run = (step: () => Promise<void>) => {
    work = work.then(step).catch((e: unknown) => { ctx.events.emit('failed', e); });
    return work;
  };

  const handle = async (items: BoundedSplitItem[]) => {
    if (!items.length || overBudget) return;
    const replies: Hj212Packet[] = [];
    const refusals: string[] = [];
    const rejects: RejectedLine[] = [];
    const notStoredBefore = notStored;
    for (const item of items) {
      packetNo++;
      // Every line read ends as accepted, duplicate, rejected (quarantined) or notStored (past the budget).
      report.read++;
      const where = `packet ${packetNo} from ${peer}`;
      let reason: string;
      if (item.kind === 'frame') {
        const o = await admitFrame(item.text, ctx.vendor, ctx.checks, ctx.auth);
        if (o.kind === 'store') {
          for (const note of o.packet.notes) sink.warning(where, note);
          await writer.add(o.reading, where);
          replies.push(o.packet);
          continue;
        }
        if (o.kind === 'refused') {
          // The device asked for an answer: tell it why (QnRtn 3 PW error / 4 MN error).
          const reply = refusalReplyFrame(o.packet, o.qnRtn);
          if (reply) refusals.push(reply);
          report.refused++;
        }
        reason = o.reason;
      } else reason = item.reason;
      if (item.overlong) report.overlongLines++;
      if (rejectsStored < limits.rejectBudget) {
        rejectsStored++;
        rejects.push({ where, raw: item.text, reason: `${where}: ${reason}` });
      } else {
        notStored++;
        if (notStoredSample.length < SAMPLE_BYTES) notStoredSample += item.text.slice(0, SAMPLE_BYTES - notStoredSample.length);
      }
    }
    if (replies.length) await storeAndReply(replies);
    for (const reply of refusals) if (socket.writable) socket.write(reply);
    const lines = rejects.length;
    if (rejectsStored >= limits.rejectBudget) {
      overBudget = true;
      socket.pause();
      rejects.push(summary());
    }
    try {
      await ctx.quarantine.add(rejects);
      report.rejected += lines;
      // The listener quarantines these itself, past the sink: counted here for xietong_ingest_records_total.
      countIngested(SOURCE, 'rejected', lines);
      report.notStored += notStored - notStoredBefore;
      for (const r of rejects.slice(0, lines)) if (report.reasons.length < MAX_REASONS) report.reasons.push({ where: r.where, reason: r.reason });
    } finally {
      if (overBudget) close();
    }
    ctx.events.emit('stored', report);
  };

  // The record of packets comes first, then the read model, then the reply (the device may drop the
  // packet once acknowledged).
  const storeAndReply = async (replies: Hj212Packet[]) => {
    await writer.flush();
    await sink.flush();
    await digest.finish();
    const r = sink.report;
    report.accepted += r.accepted;
    report.duplicates += r.duplicates;
    report.updated += r.updated;
    report.warnings += r.warnings;
    report.conflicts += r.conflicts;
    for (const w of r.warningSamples) if (report.warningSamples.length < MAX_REASONS) report.warningSamples.push(w);
    for (const c of r.conflictSamples) if (report.conflictSamples.length < MAX_REASONS) report.conflictSamples.push(c);
    r.accepted = r.duplicates = r.updated = r.warnings = r.conflicts = 0;
    r.warningSamples.length = r.conflictSamples.length = 0;
    for (const p of replies) {
      const reply = dataReplyFrame(p);
      if (reply && socket.writable) socket.write(reply);
    }
  };

  const summary = (): RejectedLine => {
    const where = `connection from ${peer}`;
    const reason =
      `${where}: closed after ${rejectsStored} rejected lines (HJ212_REJECT_BUDGET); ` +
      `${notStored} more rejected lines were read and not stored`;
    // The raw text holds the reason: the record's _id is a hash of it and must differ per connection.
    return { where, reason, raw: `${reason}\n${notStoredSample}` };
  };

  const close = () => {
    if (socket.destroyed) return; // the device had already gone
    report.connections.closedOverBudget++;
    socket.end(() => socket.destroy());
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  };

  if (limits.idleTimeoutMs > 0) {
    socket.setTimeout(limits.idleTimeoutMs);
    socket.on('timeout', () => {
      report.connections.idleClosed++;
      socket.destroy();
    });
  }
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    const items = splitter.push(chunk);
    if (splitter.buffered > report.maxBufferedBytes) report.maxBufferedBytes = splitter.buffered;
    if (!items.length) return;
    socket.pause();
    void run(() => handle(items)).then(() => {
      if (!overBudget && !socket.destroyed) socket.resume();
    });
  });
  socket.on('error', () => socket.destroy());
  return new Promise<void>((resolve) => {
    // 'close' follows 'end' (the device closed) or a destroy (idle, budget, error, stop): what the
    // splitter still holds is an incomplete frame.
    socket.once('close', () => {
      void run(() => handle(splitter.end())).then(() => resolve());
    });
  });
}
