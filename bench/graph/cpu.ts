/**
 * Where the CPU goes during a measurement: cores used on average by each process (store, subgraph
 * children, gateways, this runner), from /proc/<pid>/stat (Linux; empty elsewhere), and by the main
 * thread of the subgraph children (`<name>/main`: their event loop, apart from V8's helper threads).
 * It tells whether the gateway or what is behind it is the bottleneck.
 */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** A process (all its threads, by pid), or only its main thread. */
export type CpuSource = number | { mainThreadOf: number };

/** CPU seconds (user + system) used so far; undefined when the process is gone or not on Linux. */
export function cpuSeconds(source: CpuSource): number | undefined {
  const file = typeof source === 'number' ? `/proc/${source}/stat` : `/proc/${source.mainThreadOf}/task/${source.mainThreadOf}/stat`;
  try {
    const stat = fs.readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] = utime, fields[12] = stime (the 14th and 15th fields of the whole line)
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export type CpuSample = { at: number; seconds: Record<string, number | undefined> };

export function sampleCpu(pids: Record<string, CpuSource>): CpuSample {
  return { at: performance.now(), seconds: Object.fromEntries(Object.entries(pids).map(([n, p]) => [n, cpuSeconds(p)])) };
}

/** Cores used by each process between two samples (2 decimals). */
export function coresUsed(a: CpuSample, b: CpuSample): Record<string, number> {
  const wall = (b.at - a.at) / 1000;
  const out: Record<string, number> = {};
  for (const [n, s] of Object.entries(a.seconds)) {
    const e = b.seconds[n];
    if (s !== undefined && e !== undefined && wall > 0) out[n] = Math.round(((e - s) / wall) * 100) / 100;
  }
  return out;
}

/**
 * Waits until the processes are idle (together under `threshold` cores for a second), at most
 * `maxMs`: requests still queued in the subgraphs or the store when a load stops would otherwise
 * slow down the next measurement. Resolves to the milliseconds waited.
 */
export async function waitUntilIdle(pids: Record<string, number>, threshold = 0.2, maxMs = 60_000): Promise<number> {
  const start = performance.now();
  let prev = sampleCpu(pids);
  while (performance.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = sampleCpu(pids);
    const busy = Object.values(coresUsed(prev, now)).reduce((a, c) => a + c, 0);
    if (busy < threshold) break;
    prev = now;
  }
  return Math.round(performance.now() - start);
}

/** Peak resident memory of a process in MB (VmHWM), null when unknown. */
export function peakRssMB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
