/**
 * What keeps a child's event loop from reading its sockets (printed at the end of a run by the subgraph
 * children, shown with --verbose): stretches in which the loop ran without a break for `longMs` or
 * more (a 1 ms interval timer that fired that late), and V8's garbage-collection pauses by kind. A
 * store reply that arrives during such a stretch is read only after it: this is where most of an audit
 * insert's round trip goes under load (bench/graph/README.md, 2026-12-04).
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { round1 } from '../common/round';

export interface PauseFigures {
  count: number;
  ms: number;
  maxMs: number;
}

export interface LoopFigures {
  /** How long the watch ran. */
  seconds: number;
  /** Stretches of at least `longMs` without a turn of the loop (their count, summed and longest length). */
  longStretches: PauseFigures & { longMs: number };
  /** GC pauses by kind: minor (scavenge), major (mark-compact), incremental marking, weak callbacks. */
  gc: Record<'minor' | 'major' | 'incremental' | 'weakCallbacks', PauseFigures>;
}

export interface LoopWatch {
  /** Stops watching and returns the figures since the start, in ms rounded to 0.1. */
  stop(): LoopFigures;
}

const GC_KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakCallbacks',
} as Record<number, keyof LoopFigures['gc']>;

const emptyPause = (): PauseFigures => ({ count: 0, ms: 0, maxMs: 0 });

function add(p: PauseFigures, ms: number): void {
  p.count++;
  p.ms += ms;
  p.maxMs = Math.max(p.maxMs, ms);
}

const round = (p: PauseFigures): PauseFigures => ({ count: p.count, ms: round1(p.ms), maxMs: round1(p.maxMs) });

export function watchLoop(longMs = 10): LoopWatch {
  const started = performance.now();
  const stretches = emptyPause();
  const gc = { minor: emptyPause(), major: emptyPause(), incremental: emptyPause(), weakCallbacks: emptyPause() };

  let last = started;
  const tick = setInterval(() => {
    const now = performance.now();
    if (now - last >= longMs) add(stretches, now - last);
    last = now;
  }, 1);
  tick.unref();

  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = GC_KINDS[((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? -1];
      if (kind) add(gc[kind], e.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });

  return {
    stop() {
      clearInterval(tick);
      observer.disconnect();
      return {
        seconds: round1((performance.now() - started) / 1000),
        longStretches: { longMs, ...round(stretches) },
        gc: {
          minor: round(gc.minor),
          major: round(gc.major),
          incremental: round(gc.incremental),
          weakCallbacks: round(gc.weakCallbacks),
        },
      };
    },
  };
}
