/**
 * npx tsx bench/ingest/run.ts [--packets N] [--stations S]
 * HJ 212 ingestion benchmark. Prints JSON:
 * - parseOnly: frames validated and parsed per second on one core (no I/O), also per CPU-second of this
 *   process (the figure that holds on a shared, loaded machine);
 * - endToEnd: readings per second from a packet log file into a freshly started embedded store
 *   (FerretDB on SQLite) through the hj212 adapter, as `npm run ingest` does;
 * - memory: peak RSS, peak heap and peak retained heap (after a forced GC every 2 s) of this process
 *   while ingesting a file of N packets and one of 10×N (flat retained heap = streaming works). Targets: parse ≥ 50,000/s, end to end ≥ 5,000/s.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { hj212Adapter } from '../../adapters/hj212';
import { stationsAdapter } from '../../adapters/stations';
import { buildFrame } from '../../adapters/hj212/frame';
import { parseHj212Frame } from '../../adapters/hj212/ingest';
import { formatLocalTimestamp } from '../../adapters/hj212/packet';
import { vendorCodes } from '../../adapters/hj212/vendorCodes';
import { packetChecks } from '../../adapters/hj212/checks';
import { IngestSink } from '../../adapters/common/sink';
import { connectSilo } from '../../adapters/store/connection';
import { round3 } from '../common/round';
import { flag, machineInfo, runOnFreshStore } from '../common/storeRun';

const PACKETS = flag('--packets', 20_000);
const STATIONS = flag('--stations', 100);
const START = Date.parse('2026-10-01T00:00:00+08:00');

function mnOf(station: number): string {
  return `8888888000${String(station + 1).padStart(8, '0')}CSD371`;
}

/** The registry of the S stations, each with its access password (packets of others are refused). */
function writeStations(file: string): void {
  const rows = Array.from({ length: STATIONS }, (_, s) => `${mnOf(s)},2024-371302-47-01-A1B2C3,371302,118.35,35.06,bench,39,2024-05-01,123456`);
  fs.writeFileSync(file, ['mn,projectCode,district,lng,lat,vendor,st,installedOn,pw', ...rows].join('\n') + '\n');
}

/** Packet i: station i mod S, 15-minute slots; site dust + noise like a real ST=39 monitor. */
function frameFor(i: number): string {
  const station = i % STATIONS;
  const t = new Date(START + Math.floor(i / STATIONS) * 15 * 60_000);
  const mn = mnOf(station);
  const pm10 = 40 + ((i * 7919) % 300) / 10;
  const segment = `QN=${formatLocalTimestamp(t)}000;ST=39;CN=2051;PW=123456;MN=${mn};Flag=4;CP=&&DataTime=${formatLocalTimestamp(t)};` +
    `a34002-Avg=${pm10.toFixed(1)},a34002-Flag=N;a34004-Avg=${(pm10 / 2).toFixed(1)},a34004-Flag=N;` +
    `a34001-Avg=${(pm10 * 3).toFixed(1)},a34001-Flag=N;LA-Avg=${(50 + (i % 15)).toFixed(1)},LA-Flag=N&&`;
  return buildFrame(segment);
}

async function writeLog(file: string, packets: number): Promise<void> {
  const out = fs.createWriteStream(file);
  let chunk: string[] = [];
  for (let i = 0; i < packets; i++) {
    chunk.push(frameFor(i));
    if (chunk.length === 5000) {
      if (!out.write(chunk.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  out.write(chunk.join(''));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function parseOnly(packets: number) {
  const frames = Array.from({ length: Math.min(packets, 50_000) }, (_, i) => frameFor(i));
  const vendor = vendorCodes();
  const checks = packetChecks();
  let parsed = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let round = 0; parsed < Math.max(packets, 100_000); round++) {
    for (const f of frames) if (parseHj212Frame(f, vendor, checks).ok) parsed++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // Per CPU-second of this process: what one core parses, whatever else the machine runs meanwhile.
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { packets: parsed, seconds: round3(seconds), packetsPerSecond: Math.round(parsed / seconds), cpuSeconds: round3(cpuSeconds), packetsPerCpuSecond: Math.round(parsed / cpuSeconds) };
}

/** A forced full GC, so that "retained heap" measures what ingestion holds, not garbage not yet collected. */
v8.setFlagsFromString('--expose-gc');
const forceGc = vm.runInNewContext('gc') as () => void;

async function ingestWithPeakMemory(uri: string, dbName: string, file: string, stationsFile: string) {
  const conn = await connectSilo(uri, 'environment', dbName);
  const registry = new IngestSink(conn, { source: 'stations' });
  await stationsAdapter.ingestFile(stationsFile, registry, conn, {});
  await registry.finish();
  forceGc();
  const peak = { rss: 0, heapUsed: 0, retained: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const gcTimer = setInterval(() => {
    forceGc();
    peak.retained = Math.max(peak.retained, process.memoryUsage().heapUsed);
  }, 2000);
  const started = Date.now();
  const sink = new IngestSink(conn, { source: 'hj212', batchSize: 2000 });
  await hj212Adapter.ingestFile(file, sink, conn, {});
  const report = await sink.finish();
  const seconds = (Date.now() - started) / 1000;
  clearInterval(timer);
  clearInterval(gcTimer);
  sample();
  await conn.close();
  return {
    accepted: report.accepted, rejected: report.rejected, seconds: round3(seconds),
    readingsPerSecond: Math.round(report.accepted / seconds),
    peakRssMB: Math.round(peak.rss / 1e6), peakHeapMB: Math.round(peak.heapUsed / 1e6),
    peakRetainedHeapMB: Math.round(peak.retained / 1e6),
  };
}

runOnFreshStore('ingest', async (store, dir) => {
  const parse = parseOnly(PACKETS);
  const small = path.join(dir, 'packets-1x.log');
  const large = path.join(dir, 'packets-10x.log');
  await writeLog(small, PACKETS);
  await writeLog(large, PACKETS * 10);
  const stations = path.join(dir, 'stations.csv');
  writeStations(stations);
  const endToEnd = await ingestWithPeakMemory(store.uri, 'bench_1x', small, stations);
  const tenfold = await ingestWithPeakMemory(store.uri, 'bench_10x', large, stations);
  return {
    machine: machineInfo(),
    parseOnly: { ...parse, target: 50_000, met: parse.packetsPerSecond >= 50_000, metPerCpuSecond: parse.packetsPerCpuSecond >= 50_000 },
    endToEnd: { ...endToEnd, target: 5_000, met: endToEnd.readingsPerSecond >= 5_000 },
    memory: {
      file1x: { packets: PACKETS, bytes: fs.statSync(small).size, peakRssMB: endToEnd.peakRssMB, peakHeapMB: endToEnd.peakHeapMB, peakRetainedHeapMB: endToEnd.peakRetainedHeapMB },
      file10x: { packets: PACKETS * 10, bytes: fs.statSync(large).size, peakRssMB: tenfold.peakRssMB, peakHeapMB: tenfold.peakHeapMB, peakRetainedHeapMB: tenfold.peakRetainedHeapMB, readingsPerSecond: tenfold.readingsPerSecond },
      retainedHeapGrowth10x: round3(tenfold.peakRetainedHeapMB / Math.max(1, endToEnd.peakRetainedHeapMB)),
    },
  };
});
