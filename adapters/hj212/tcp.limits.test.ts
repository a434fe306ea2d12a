/**
 * Issue 16's attacks on the HJ 212 listener, over real TCP sockets into the real test store:
 * a 5,000-line garbage flood while a good device sends every 250 ms; 2,000 idle connections (against
 * the listener running as its own process, adapters/hj212/listen.ts); a 1 MB line without a frame end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { testStore } from '../../test/harness/db';
import { createQuarantineModel } from '../common/quarantine';
import { createEnvironmentModels } from '../../subgraphs/environment/models';
import { isReadyMessage } from '../../lib/process/ready';
import { SAMPLE_BYTES } from './boundedSplitter';
import { buildFrame } from './frame';
import { createHj212Listener, type Hj212Listener } from './tcp';
import { registerStations } from '../stations/registerForTests';

const store = testStore();
let conn: Connection;
/** Commands the driver sent to the quarantine collection, by name (insert, update). */
const quarantineCommands: Record<string, number> = {};

beforeAll(async () => {
  conn = await store.connect('environment', { monitorCommands: true });
  // The devices of these tests are registered stations with their password (issue 18); the listener
  // process reads the same database.
  const mns = ['301', '302', '303', '304', '305', '398', '399'].map((n) => `888888800000000001CSD${n}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcp-limits-'));
  await registerStations(conn, dir, mns.map((mn) => ({ mn, pw: '123456' })));
  fs.rmSync(dir, { recursive: true, force: true });
  conn.getClient().on('commandStarted', (e) => {
    const collection = e.command[e.commandName];
    if (collection === 'quarantine') quarantineCommands[e.commandName] = (quarantineCommands[e.commandName] ?? 0) + 1;
  });
});
afterAll(async () => {
  await store.closeAll();
});

// ---------------------------------------------------------------- helpers

let minute = 0;
/** A valid minute-data packet asking for a reply (Flag=5), with its own DataTime. */
function packet(mn: string, day: string): { frame: string; qn: string } {
  const m = minute++;
  const time = `${day}${String(Math.floor(m / 60) % 24).padStart(2, '0')}${String(m % 60).padStart(2, '0')}00`;
  const qn = `${time}000`;
  const segment = `QN=${qn};ST=39;CN=2051;PW=123456;MN=${mn};Flag=5;CP=&&DataTime=${time};a34002-Avg=41.5,a34002-Flag=N;LA-Avg=55.2,LA-Flag=N&&`;
  return { frame: buildFrame(segment), qn };
}

async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A monitoring device: sends packets that ask for a reply and times each reply (CN=9014). */
class Device {
  readonly sentAt = new Map<string, number>();
  readonly latencyMs = new Map<string, number>();
  closed = false;
  received = '';

  private constructor(readonly socket: net.Socket, readonly mn: string) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => {
      this.received += d.toString('latin1');
      for (const m of this.received.matchAll(/QN=(\d+);ST=91;CN=9014;/g)) {
        const sent = this.sentAt.get(m[1]);
        if (sent !== undefined && !this.latencyMs.has(m[1])) this.latencyMs.set(m[1], Date.now() - sent);
      }
    });
    socket.on('close', () => { this.closed = true; });
    socket.on('error', () => undefined);
  }

  static connect(port: number, mn: string, localAddress?: string): Promise<Device> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host: '127.0.0.1', localAddress });
      socket.once('connect', () => resolve(new Device(socket, mn)));
      socket.once('error', reject);
    });
  }

  send(day: string): string {
    const { frame, qn } = packet(this.mn, day);
    this.sentAt.set(qn, Date.now());
    this.socket.write(frame);
    return qn;
  }

  /** Sends every `everyMs` until `stop()` is true (at least `min` packets); then waits for the last replies. */
  async sendEvery(everyMs: number, day: string, stop: () => boolean, min = 1): Promise<void> {
    let n = 0;
    while (n < min || !stop()) {
      this.send(day);
      n++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
    await until('the last replies', () => this.latencyMs.size === this.sentAt.size, 2000).catch(() => undefined);
  }

  /** Every packet sent was acknowledged within `ms`; returns the slowest reply. */
  expectAllAckedWithin(ms: number): number {
    const late = [...this.sentAt.keys()].filter((qn) => !((this.latencyMs.get(qn) ?? Infinity) <= ms));
    expect({ sent: this.sentAt.size, lateOrMissing: late }).toEqual({ sent: this.sentAt.size, lateOrMissing: [] });
    return Math.max(...this.latencyMs.values());
  }

  close(): void {
    this.socket.destroy();
  }
}

/** `n` distinct short garbage lines, about 54 KB for 5,000 (the flood). */
function garbage(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `junk ${String(i).padStart(4, '0')}\r\n`;
  return s;
}

async function readingsOf(mn: string): Promise<number> {
  return createEnvironmentModels(conn).Reading.countDocuments({ mn });
}

// ---------------------------------------------------------------- 1. garbage flood

describe('a 5,000-line garbage flood on one connection while a good device sends every 250 ms', () => {
  let listener: Hj212Listener;
  afterEach(async () => listener?.stop());

  test('the good device is acknowledged within 1 s throughout; the flood is closed at its budget of 100; rejects are stored in batches with a summary', async () => {
    listener = await createHj212Listener({ port: 0, conn, limits: { rejectBudget: 100 } });
    const quarantine = createQuarantineModel(conn);
    const commandsBefore = { ...quarantineCommands };
    const good = await Device.connect(listener.port, '888888800000000001CSD301');
    const attacker = await Device.connect(listener.port, '888888800000000001CSD399');
    const flood = garbage(5000);
    expect(flood.length).toBe(55_000);

    let floodOver = false;
    const sending = good.sendEvery(250, '20261101', () => floodOver, 8);
    await new Promise((r) => setTimeout(r, 400));
    const floodStart = Date.now();
    attacker.socket.write(flood);
    await until('the flooding connection to be closed', () => attacker.closed, 5000);
    const closedAfterMs = Date.now() - floodStart;
    await until('the summary record', async () => (await quarantine.countDocuments({ where: /^connection from / })) === 1, 5000);
    floodOver = true;
    await sending;

    const slowest = good.expectAllAckedWithin(1000);
    expect(await readingsOf(good.mn)).toBe(good.sentAt.size);

    const records = await quarantine.find({ source: 'hj212-tcp' }).lean();
    const lines = records.filter((r) => r.where.startsWith('packet '));
    expect(lines).toHaveLength(100);
    expect(lines.map((r) => r.raw).sort()).toEqual(flood.split('\r\n').slice(0, 100).map((l) => l + '\r\n'));
    expect(lines[0].reason).toMatch(/^packet \d+ from 127\.0\.0\.1:\d+: bytes between frames without a "##" frame start$/);
    const summary = records.find((r) => r.where.startsWith('connection from '))!;
    const m = /closed after 100 rejected lines \(HJ212_REJECT_BUDGET\); (\d+) more rejected lines were read and not stored$/.exec(summary.reason);
    expect(m).not.toBeNull();
    const notStored = Number(m![1]);
    // What was read past the budget is counted; what the closed connection never delivered is not.
    expect(notStored).toBeGreaterThan(0);
    expect(100 + notStored).toBeLessThanOrEqual(5000);
    expect(listener.report).toMatchObject({ rejected: 100, notStored, accepted: good.sentAt.size });
    expect(listener.report.connections.closedOverBudget).toBe(1);

    const inserts = (quarantineCommands.insert ?? 0) - (commandsBefore.insert ?? 0);
    const updates = (quarantineCommands.update ?? 0) - (commandsBefore.update ?? 0);
    expect(inserts + updates).toBeLessThanOrEqual(3);
    process.stdout.write(`flood closed after ${closedAfterMs} ms; slowest reply ${slowest} ms; ${inserts} quarantine inserts for 101 records\n`);
  });

  test('with a budget above the flood, all 5,000 lines are stored in a handful of inserts and the good device still waits at most 1 s', async () => {
    listener = await createHj212Listener({ port: 0, conn, limits: { rejectBudget: 10_000 } });
    const commandsBefore = { ...quarantineCommands };
    const good = await Device.connect(listener.port, '888888800000000001CSD302');
    const attacker = await Device.connect(listener.port, '888888800000000001CSD398');
    const stored = () => listener.report.rejected >= 5000;
    const sending = good.sendEvery(250, '20261102', stored, 4);
    await new Promise((r) => setTimeout(r, 300));
    const floodStart = Date.now();
    // The flood in 50 writes of 100 lines, so it lasts over several of the good device's packets.
    const flood = garbage(5000).split('\r\n').slice(0, 5000);
    for (let i = 0; i < 5000; i += 100) {
      attacker.socket.write(flood.slice(i, i + 100).map((l) => `${l}b\r\n`).join(''));
      await new Promise((r) => setTimeout(r, 10));
    }
    await until('all 5,000 rejected lines stored', stored, 30_000);
    const floodMs = Date.now() - floodStart;
    await sending;

    const slowest = good.expectAllAckedWithin(1000);
    expect(await readingsOf(good.mn)).toBe(good.sentAt.size);
    expect(await createQuarantineModel(conn).countDocuments({ raw: /^junk \d{4}b\r\n$/ })).toBe(5000);
    expect(attacker.closed).toBe(false);
    const inserts = (quarantineCommands.insert ?? 0) - (commandsBefore.insert ?? 0);
    expect(inserts).toBeLessThanOrEqual(60);
    expect(listener.quarantineStats.inserts).toBe(inserts);
    attacker.close();
    good.close();
    process.stdout.write(`5,000 rejected lines stored in ${floodMs} ms with ${inserts} inserts; good device: ${good.sentAt.size} packets, slowest reply ${slowest} ms\n`);
  });
});

// ---------------------------------------------------------------- 3. over-long line

describe('a 1 MB line without a frame end', () => {
  test('is cut at HJ212_MAX_LINE_BYTES and kept as one truncated record; the connection keeps working; memory stays bounded', async () => {
    const maxLineBytes = 4096;
    const listener = await createHj212Listener({ port: 0, conn, limits: { maxLineBytes } });
    try {
      const device = await Device.connect(listener.port, '888888800000000001CSD303');
      const heapBefore = process.memoryUsage().heapUsed;
      // 1 MB of junk that a frame start ends, then 1 MB that a CRLF ends: a packet after each is acknowledged.
      device.socket.write('x'.repeat(1024 * 1024));
      const first = device.send('20261103');
      await until('the reply after the first long line', () => device.latencyMs.has(first), 5000);
      device.socket.write('w'.repeat(1024 * 1024) + '\r\n');
      const second = device.send('20261103');
      await until('the reply after the second long line', () => device.latencyMs.has(second), 5000);
      // A third that the device abandons by closing.
      device.socket.end('v'.repeat(1024 * 1024));
      await until('the connection to close', () => device.closed, 5000);
      await until('three over-long lines reported', () => listener.report.rejected === 3, 5000);

      expect(listener.report.overlongLines).toBe(3);
      expect(listener.report.maxBufferedBytes).toBeLessThanOrEqual(maxLineBytes);
      expect(listener.report.connections.closedOverBudget).toBe(0);
      expect(await readingsOf(device.mn)).toBe(2);
      const records = await createQuarantineModel(conn).find({ source: 'hj212-tcp', raw: /^[xwv]+$/ }).sort({ firstSeenAt: 1, where: 1 }).lean();
      expect(records.map((r) => [r.raw[0], r.raw.length])).toEqual(expect.arrayContaining([['x', SAMPLE_BYTES], ['w', SAMPLE_BYTES], ['v', SAMPLE_BYTES]]));
      const reasonOf = (c: string) => records.find((r) => r.raw[0] === c)!.reason;
      expect(reasonOf('x')).toMatch(/^packet 1 from 127\.0\.0\.1:\d+: 1048576 bytes without a CRLF frame end, in a line longer than the limit of 4096 bytes \(HJ212_MAX_LINE_BYTES\): dropped up to a frame start; the first 1024 bytes are kept here$/);
      expect(reasonOf('w')).toMatch(/1048576 bytes .* dropped up to a line end/);
      expect(reasonOf('v')).toMatch(/1048576 bytes .* dropped up to the connection closed/);
      // 3 MB went through; the heap did not keep them (a generous bound: other work shares this heap).
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await listener.stop();
    }
  });
});

// ---------------------------------------------------------------- 2. idle connections, in the listener's own process

interface ListenerProcess {
  child: ChildProcess;
  port: number;
  pid: number;
  logs: Record<string, unknown>[];
}

async function startListenerProcess(env: Record<string, string>): Promise<ListenerProcess> {
  const child = fork(path.join(__dirname, 'listen.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, MONGODB_URI: store.uri, MONGODB_DB_PREFIX: store.prefix, HJ212_PORT: '0', HJ212_METRICS_PORT: '0', XIETONG_HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const logs: Record<string, unknown>[] = [];
  let rest = '';
  child.stderr!.on('data', (d: Buffer) => {
    const lines = (rest + d.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const l of lines) {
      try {
        logs.push(JSON.parse(l) as Record<string, unknown>);
      } catch {
        logs.push({ msg: l });
      }
    }
  });
  const ready = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    child.on('message', (m) => { if (isReadyMessage(m)) resolve({ port: m.port, pid: child.pid! }); });
    child.once('exit', (code) => reject(new Error(`listener exited with ${code} before ready: ${JSON.stringify(logs)}`)));
  });
  return { child, ...ready, logs };
}

function openDescriptors(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

interface Client {
  socket: net.Socket;
  connectedAt?: number;
  closedAt?: number;
}

/** Opens `n` connections from `localAddress`, `wave` at a time; each settles when connected (and maybe closed). */
async function openIdle(port: number, n: number, localAddress: string, wave = 200): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < n; i += wave) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + wave); j++) {
      const client: Client = { socket: net.connect({ port, host: '127.0.0.1', localAddress }) };
      clients.push(client);
      client.socket.on('error', () => undefined);
      batch.push(new Promise((resolve) => {
        client.socket.once('connect', () => { client.connectedAt = Date.now(); resolve(); });
        client.socket.once('close', () => { client.closedAt = Date.now(); resolve(); });
      }));
    }
    await Promise.all(batch);
  }
  return clients;
}

const openCount = (clients: Client[]) => clients.filter((c) => c.connectedAt !== undefined && c.closedAt === undefined).length;

describe('2,000 idle connections against the listener in its own process', () => {
  const onLinux = fs.existsSync('/proc/self/fd');

  (onLinux ? test : test.skip)('refused past the per-address and total limits, descriptors bounded, a good device still acknowledged within 1 s, idle ones closed after the timeout', async () => {
    const limits = { total: 100, perAddress: 60, idleSeconds: 4 };
    const proc = await startListenerProcess({
      HJ212_MAX_CONNECTIONS: String(limits.total),
      HJ212_MAX_CONNECTIONS_PER_ADDRESS: String(limits.perAddress),
      HJ212_IDLE_TIMEOUT_SECONDS: String(limits.idleSeconds),
    });
    const t0 = Date.now();
    const all: Client[] = [];
    const devices: Device[] = [];
    try {
      const baseline = openDescriptors(proc.pid);
      let maxDescriptors = baseline;
      const sampler = setInterval(() => { maxDescriptors = Math.max(maxDescriptors, openDescriptors(proc.pid)); }, 5);

      // 2,000 idle connections from one address: 60 kept (per-address limit), 1,940 refused on accept.
      const flood = await openIdle(proc.port, 2000, '127.0.0.1');
      all.push(...flood);
      await until('the refused connections to be closed', () => openCount(flood) === limits.perAddress, 10_000);
      // 39 more from another address: all kept (99 open in total).
      const second = await openIdle(proc.port, 39, '127.0.0.3');
      all.push(...second);
      await until('39 connections from 127.0.0.3', () => openCount(second) === 39, 5000);
      clearInterval(sampler);
      maxDescriptors = Math.max(maxDescriptors, openDescriptors(proc.pid));
      // Connections and store pool: a few descriptors of slack, never one per refused connection.
      expect(maxDescriptors - baseline).toBeLessThanOrEqual(99 + 5);

      // A good device from a third address takes the 100th slot and is acknowledged within 1 s while it
      // sends every 250 ms, through the idle timeout of the others (it is never idle itself).
      const good = await Device.connect(proc.port, '888888800000000001CSD304', '127.0.0.2');
      devices.push(good);
      let idleClosed = false;
      const sending = good.sendEvery(250, '20261104', () => idleClosed, 4);
      // Past the total: refused even from an address that has no connection yet.
      const late = await openIdle(proc.port, 1, '127.0.0.4');
      await until('the connection past the total limit to be closed', () => late[0].closedAt !== undefined, 2000);
      expect(late[0].connectedAt).toBeDefined();

      const kept = [...flood, ...second].filter((c) => c.closedAt === undefined);
      expect(kept).toHaveLength(99);
      await until('the idle connections to be closed', () => kept.every((c) => c.closedAt !== undefined), (limits.idleSeconds + 5) * 1000, 50);
      idleClosed = true;
      await sending;
      for (const c of kept) {
        const idleMs = c.closedAt! - c.connectedAt!;
        expect(idleMs).toBeGreaterThanOrEqual(limits.idleSeconds * 1000 - 100);
        expect(idleMs).toBeLessThan(limits.idleSeconds * 1000 + 3000);
      }
      expect(good.closed).toBe(false);
      const slowest = good.expectAllAckedWithin(1000);

      // The slots are free again: a device from the flooded address is accepted and acknowledged.
      const after = await Device.connect(proc.port, '888888800000000001CSD305', '127.0.0.1');
      devices.push(after);
      const qn = after.send('20261104');
      await until('the reply to the device that came after', () => after.latencyMs.has(qn), 1000);
      expect(await readingsOf(good.mn)).toBe(good.sentAt.size);
      // The process's own /metrics (HJ212_METRICS_PORT; it serves no GraphQL): the stored readings counted by outcome.
      const metricsUrl = proc.logs.find((l) => l.msg === 'hj212 limits')?.metrics;
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const text = await (await fetch(metricsUrl as string)).text();
      const accepted = Number(/^xietong_ingest_records_total\{source="hj212-tcp",outcome="accepted"\} (\d+)/m.exec(text)?.[1]);
      expect(accepted).toBeGreaterThanOrEqual(good.sentAt.size);
      const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]) / 1024;

      for (const d of devices) d.close();
      const exited = new Promise<number | null>((r) => proc.child.once('exit', (code) => r(code)));
      proc.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const elapsedMs = Date.now() - t0;
      const stopped = proc.logs.find((l) => l.msg === 'hj212 stopped') as { connections: { refused: { total: number; address: number }; idleClosed: number; accepted: number } } | undefined;
      expect(stopped?.connections).toMatchObject({ refused: { total: 1, address: 1940 }, idleClosed: 99, accepted: 60 + 39 + 2 });
      // 1,941 refusals, logged at most once per 10 s.
      const refusalLines = proc.logs.filter((l) => typeof l.msg === 'string' && /refused/.test(l.msg));
      expect(refusalLines.length).toBeGreaterThanOrEqual(1);
      expect(refusalLines.length).toBeLessThanOrEqual(1 + Math.ceil(elapsedMs / 10_000));
      process.stdout.write(
        `idle test: descriptors ${baseline} → max ${maxDescriptors} for 2,040 connection attempts; slowest reply ${slowest} ms; ` +
        `listener RSS ${rssMb.toFixed(0)} MB; ${refusalLines.length} refusal log line(s) in ${elapsedMs} ms\n`,
      );
    } finally {
      for (const c of all) c.socket.destroy();
      for (const d of devices) d.close();
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    }
  }, 120_000);
});
