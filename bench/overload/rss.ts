/**
 * Peak resident memory of a process and all its descendants, sampled from /proc (Linux), each named
 * by what it runs: a subgraph's name, gateway, hj212, store, esbuild, or supervisor for the root.
 */
import fs from 'node:fs';
import { cpuSeconds } from '../graph/cpu';

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** pid → parent pid of every process visible now. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOr(`/proc/${entry}/stat`);
    // Field 4 is the ppid; the command (field 2) may contain spaces, so split after its ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) map.set(Number(entry), ppid);
  }
  return map;
}

export function descendants(root: number): number[] {
  const map = parents();
  const found = [root];
  for (let i = 0; i < found.length; i++) for (const [pid, ppid] of map) if (ppid === found[i]) found.push(pid);
  return found;
}

export function serviceName(pid: number, root: number): string {
  if (pid === root) return 'supervisor';
  const cmd = readOr(`/proc/${pid}/cmdline`).split('\0').join(' ');
  const sub = /subgraphs\/(\w+)\/index\.ts/.exec(cmd);
  if (sub) return sub[1];
  if (/gateway\/src\/index\.ts/.test(cmd)) return 'gateway';
  if (/hj212\/listen\.ts/.test(cmd)) return 'hj212';
  if (/ferretdb/.test(cmd)) return 'store';
  if (/esbuild/.test(cmd)) return 'esbuild'; // tsx's transformer service, one per Node process
  return `pid ${pid}`;
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`));
  return m ? Number(m[1]) / 1024 : 0;
}

/**
 * Samples every intervalMs until stop(): the peak RSS (MB) seen per name, and the CPU seconds each
 * name used between the first and the last sample (processes that started meanwhile count from 0).
 */
export function watchPeakRss(root: number, intervalMs = 200): { stop(): Record<string, number>; cpuSeconds(): Record<string, number> } {
  const peak: Record<string, number> = {};
  const names = new Map<number, string>();
  const cpuAtStart = new Map<number, number>();
  const cpuLast = new Map<number, number>();
  let first = true;
  const sample = () => {
    for (const pid of descendants(root)) {
      if (!names.has(pid)) names.set(pid, serviceName(pid, root));
      const name = names.get(pid)!;
      peak[name] = Math.max(peak[name] ?? 0, Math.round(rssMb(pid)));
      const cpu = cpuSeconds(pid);
      if (cpu !== undefined) {
        if (!cpuAtStart.has(pid)) cpuAtStart.set(pid, first ? cpu : 0);
        cpuLast.set(pid, cpu);
      }
    }
    first = false;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
    cpuSeconds() {
      const used: Record<string, number> = {};
      for (const [pid, last] of cpuLast) {
        const name = names.get(pid)!;
        used[name] = Math.round(((used[name] ?? 0) + last - cpuAtStart.get(pid)!) * 100) / 100;
      }
      return used;
    },
  };
}
