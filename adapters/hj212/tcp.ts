/**
 * TCP listener for HJ 212 devices: each connection streams frames; reads are split into frames
 * (several per read, or one across reads), every valid packet is stored, every bad one (and any
 * garbage between frames) is quarantined with where = "packet N from <peer>". Each read is flushed
 * before the next is processed, so a packet is stored within one read's time; packets whose Flag asks
 * for a reply get the CN=9014 data reply once stored.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Connection } from 'mongoose';
import { IngestSink, type IngestReport } from '../common/sink';
import { createReadingModel } from '../../subgraphs/environment/models/reading';
import { ReadingDigest } from './digest';
import { dataReplyFrame, ingestFrame } from './ingest';
import type { Hj212Packet } from './packet';
import { Hj212Splitter } from './splitter';
import { vendorCodes } from './vendorCodes';

export interface Hj212ListenerOptions {
  port: number;
  host?: string;
  conn: Connection;
}

export interface Hj212Listener {
  port: number;
  /** Emits 'stored' (IngestReport, the running totals) after each read has been written, 'failed' (Error) when the store refused a write. */
  events: EventEmitter;
  report: IngestReport;
  stop(): Promise<void>;
}

export async function createHj212Listener(options: Hj212ListenerOptions): Promise<Hj212Listener> {
  const readings = createReadingModel(options.conn);
  await readings.init();
  const vendor = vendorCodes();
  const sink = new IngestSink(options.conn, { source: 'hj212-tcp', batchSize: 1000 });
  const digest = new ReadingDigest(options.conn);
  const events = new EventEmitter();
  const sockets = new Set<net.Socket>();
  // One writer at a time: reads from all devices are queued in arrival order.
  let queue: Promise<void> = Promise.resolve();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    const splitter = new Hj212Splitter();
    let packetNo = 0;
    const handle = async (items: ReturnType<Hj212Splitter['push']>) => {
      const replies: Hj212Packet[] = [];
      for (const item of items) {
        packetNo++;
        const where = `packet ${packetNo} from ${peer}`;
        if (item.kind === 'frame') {
          const r = await ingestFrame(item.text, where, sink, readings, vendor, digest);
          if (r.ok) replies.push(r.packet);
        } else await sink.reject(where, item.text, `${where}: ${item.reason}`);
      }
      await sink.flush();
      await digest.finish();
      for (const p of replies) {
        const reply = dataReplyFrame(p);
        if (reply && !socket.destroyed) socket.write(reply);
      }
      events.emit('stored', sink.report);
    };
    const enqueue = (items: ReturnType<Hj212Splitter['push']>) => {
      if (!items.length) return;
      queue = queue.then(() => handle(items)).catch((e: unknown) => { events.emit('failed', e); });
    };
    socket.on('data', (chunk: Buffer) => enqueue(splitter.push(chunk)));
    socket.on('end', () => enqueue(splitter.end()));
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    events,
    report: sink.report,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      await sink.finish();
      await digest.finish();
    },
  };
}
