/**
 * TCP listener for HJ 212 devices: each connection streams frames; reads are split into frames
 * (several per read, or one across reads), every valid packet is stored, every bad one (and any
 * garbage between frames) is quarantined with where = "packet N from <peer>"; packets whose Flag asks
 * for a reply get the CN=9014 data reply once stored.
 *
 * No single caller can block it (issue 16): connections are limited in total and per source address
 * (admission.ts), each is processed on its own so a device's packets never wait behind another's
 * rejects (deviceConnection.ts), rejected lines are written in batches (quarantineBatcher.ts), a line
 * is held only up to HJ212_MAX_LINE_BYTES (boundedSplitter.ts), a connection is closed after its budget
 * of rejected lines or when it stays silent (limits.ts). `listen.ts` runs it as its own process.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Connection } from 'mongoose';
import { createReadingModel } from '../../subgraphs/environment/models/reading';
import { ConnectionGate, normalizeAddress } from './admission';
import { exceedancesUpdateDelayMs } from './exceedanceSettings';
import { ExceedanceMaintainer } from './exceedanceDays';
import { serveDeviceConnection, SOURCE, type Hj212ListenerReport, type ListenerContext } from './deviceConnection';
import { hj212LimitsFromEnv, type Hj212Limits } from './limits';
import { QuarantineBatcher } from './quarantineBatcher';
import { packetChecks } from './checks';
import { StationAuth } from './stationAuth';
import { vendorCodes } from './vendorCodes';

export type { Hj212ListenerReport } from './deviceConnection';

export interface Hj212ListenerOptions {
  port: number;
  host?: string;
  conn: Connection;
  /** Defaults: hj212LimitsFromEnv(). */
  limits?: Partial<Hj212Limits>;
  /** How often refused connections may be logged (default admission.ts REFUSAL_LOG_INTERVAL_MS). */
  refusalLogIntervalMs?: number;
  /** Default: EXCEEDANCES_UPDATE_DELAY_MS. */
  exceedancesDelayMs?: number;
}

export interface Hj212Listener {
  port: number;
  limits: Hj212Limits;
  /** Emits 'stored' (the report, running totals) after each read has been written, 'failed' (Error) when the store refused a write. */
  events: EventEmitter;
  report: Hj212ListenerReport;
  /** Round trips the quarantine writer made and the records it stored. */
  quarantineStats: { records: number; inserts: number };
  stop(): Promise<void>;
}

export async function createHj212Listener(options: Hj212ListenerOptions): Promise<Hj212Listener> {
  const limits: Hj212Limits = { ...hj212LimitsFromEnv(), ...options.limits };
  const readings = createReadingModel(options.conn);
  await readings.init();
  const report: Hj212ListenerReport = {
    source: SOURCE, read: 0, accepted: 0, duplicates: 0, updated: 0, rejected: 0, reasons: [],
    warnings: 0, warningSamples: [], conflicts: 0, conflictSamples: [],
    refused: 0, notStored: 0, overlongLines: 0, maxBufferedBytes: 0,
    connections: { open: 0, accepted: 0, refused: { total: 0, address: 0 }, idleClosed: 0, closedOverBudget: 0 },
  };
  const quarantine = new QuarantineBatcher(options.conn, { source: SOURCE });
  const ctx: ListenerContext = {
    conn: options.conn, readings, vendor: vendorCodes(), checks: packetChecks(), auth: new StationAuth(options.conn),
    limits, quarantine, report, events: new EventEmitter(),
    exceedances: new ExceedanceMaintainer(options.conn, options.exceedancesDelayMs ?? exceedancesUpdateDelayMs()),
  };
  const gate = new ConnectionGate(limits, report.connections, options.refusalLogIntervalMs);
  const sockets = new Set<net.Socket>();
  const served = new Set<Promise<void>>();

  const server = net.createServer((socket) => {
    const address = normalizeAddress(socket.remoteAddress);
    if (gate.admit(address)) {
      // Refused on accept: the descriptor is released at once.
      socket.on('error', () => undefined);
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      gate.release(address);
    });
    const done = serveDeviceConnection(socket, `${address}:${socket.remotePort}`, ctx);
    served.add(done);
    void done.then(() => served.delete(done));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    limits,
    events: ctx.events,
    report,
    quarantineStats: quarantine.stats,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      await Promise.all(served);
      await quarantine.flush();
      await ctx.exceedances.flush();
      gate.stop();
    },
  };
}
