/**
 * Admission control for a service's GraphQL requests: at most `maxInFlight` run at once, at most
 * `maxQueued` wait (each for at most `maxQueueWaitMs`) and the rest are refused at once, so that a
 * flood is answered with quick 503s instead of making every caller wait until timeouts fire
 * (issue 16). And a per-caller share, so that one caller's flood costs that caller.
 *
 * A freed slot goes to the request that has waited the least (LIFO). Under sustained overload the
 * queue stays full and drains slower than it fills: in arrival order every served request would
 * first wait nearly MAX_QUEUE_WAIT_MS, and the oldest would often time out just before its turn.
 * Serving the newest keeps the served requests' wait short and lets the oldest go with their 503
 * (the "adaptive LIFO" of Maurer, "Fail at Scale", ACM Queue 2015, minus the switch back to FIFO:
 * when the queue empties within the wait, the order only changes who waits longest).
 *
 * A small hand-written semaphore rather than p-limit / p-queue: those have no bound on the queue,
 * no per-waiter deadline that refuses instead of running late, and no way to drop one waiter whose
 * client went away; the current releases are also ESM-only, which this CommonJS build cannot require.
 */
import { envInt } from '../config';
import type { ShedReason } from '../metrics';

export interface AdmissionLimits {
  /** Requests running at once (MAX_IN_FLIGHT). */
  maxInFlight: number;
  /** Requests waiting for a slot (MAX_QUEUED); past it a request is refused at once. */
  maxQueued: number;
  /** How long a request may wait for a slot (MAX_QUEUE_WAIT_MS) before it is refused. */
  maxQueueWaitMs: number;
}

/**
 * Defaults for a 2-core machine. 64 running requests: the gateway's requests mostly wait on
 * subgraphs and the store, so fewer would leave the cores idle; at the ~65–120 requests/s the
 * machine serves (bench/graph's list; bench/overload's list + unified view), 64 in flight means
 * ~0.5–1 s per request (Little's law), far from the 10 s subgraph timeout. A queue of twice that
 * absorbs a burst, and 2 s is as long as a caller should wait before being told to come back.
 * Measured (npm run bench:overload -- --seconds 10, 200 callers, a 2-core machine shared with other
 * work): 64/128/2000 served 656–677 requests, p50 1.25–1.4 s, p99 3.3–3.7 s, no timeout, every probe
 * answered (max 410 ms); 32/32/1000 and 16/16/1000 (measured in arrival order, with the machine
 * busier) served fewer (225, 143 against 445 for 64/128/2000 then) and the probe waited up to 2.8 s.
 */
export const DEFAULT_ADMISSION: AdmissionLimits = { maxInFlight: 64, maxQueued: 128, maxQueueWaitMs: 2_000 };

/** MAX_IN_FLIGHT, MAX_QUEUED, MAX_QUEUE_WAIT_MS: the same variables for the gateway and every subgraph. */
export function admissionLimitsFromEnv(): AdmissionLimits {
  return checkedLimits({
    maxInFlight: envInt('MAX_IN_FLIGHT', DEFAULT_ADMISSION.maxInFlight),
    maxQueued: envInt('MAX_QUEUED', DEFAULT_ADMISSION.maxQueued),
    maxQueueWaitMs: envInt('MAX_QUEUE_WAIT_MS', DEFAULT_ADMISSION.maxQueueWaitMs),
  });
}

export function checkedLimits(limits: AdmissionLimits): AdmissionLimits {
  if (limits.maxInFlight < 1) throw new Error(`MAX_IN_FLIGHT must be at least 1, got ${limits.maxInFlight}`);
  if (limits.maxQueued < 0) throw new Error(`MAX_QUEUED must be 0 or more, got ${limits.maxQueued}`);
  if (limits.maxQueueWaitMs < 0) throw new Error(`MAX_QUEUE_WAIT_MS must be 0 or more, got ${limits.maxQueueWaitMs}`);
  return limits;
}

/** The Retry-After (seconds) of a refusal: about the time a waiting request would have waited. */
export function retryAfterSeconds(limits: AdmissionLimits): number {
  return Math.max(1, Math.ceil(limits.maxQueueWaitMs / 1000));
}

/** A request refused before it ran; `reason` is a metric label. */
export class Shed extends Error {
  constructor(readonly reason: ShedReason, message: string) {
    super(message);
  }
}

/** The client went away while its request waited: nobody to answer. */
export class Abandoned extends Error {}

export type Release = () => void;

interface Waiter {
  resolve(release: Release): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface AdmissionEvents {
  /** running or waiting changed (for the gauges). */
  changed?(running: number, waiting: number): void;
}

export class Admission {
  private running = 0;
  /** Waiters in arrival order (at most maxQueued: removing one from the middle is cheap enough). */
  private readonly waiting: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits, private readonly events: AdmissionEvents = {}) {
    checkedLimits(limits);
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * A slot now, or after waiting in the queue. Rejects with Shed (queue full: reason in_flight;
   * waited too long: queue_timeout) or Abandoned (signal aborted while waiting). The returned
   * release must be called exactly once (later calls do nothing).
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new Abandoned('client went away'));
    if (this.running < this.limits.maxInFlight) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.limits.maxQueued) {
      return Promise.reject(
        new Shed('in_flight', `The service is at its limit of ${this.limits.maxInFlight} requests in flight and ${this.limits.maxQueued} waiting; try again later`),
      );
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      const leave = (e: Error) => {
        const at = this.waiting.indexOf(waiter);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        this.forget(waiter);
        this.changed();
        reject(e);
      };
      waiter.timer = setTimeout(
        () => leave(new Shed('queue_timeout', `The request waited ${this.limits.maxQueueWaitMs} ms for one of the service's ${this.limits.maxInFlight} slots; try again later`)),
        this.limits.maxQueueWaitMs,
      );
      if (signal) {
        waiter.onAbort = () => leave(new Abandoned('client went away'));
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
      this.changed();
    });
  }

  private grant(): Release {
    this.running++;
    this.changed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.next();
      this.changed();
    };
  }

  /** Hands a freed slot to the request that arrived last (see above). */
  private next(): void {
    if (this.running >= this.limits.maxInFlight) return;
    const waiter = this.waiting.pop();
    if (!waiter) return;
    this.forget(waiter);
    waiter.resolve(this.grant());
  }

  private forget(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
  }

  private changed(): void {
    this.events.changed?.(this.running, this.waiting.length);
  }
}

/**
 * At most `limit` requests at once per caller key (the verified token's `sub`). Entries exist only
 * while a caller has requests in flight, so memory follows the requests, not the number of callers.
 */
export class CallerLimit {
  private readonly counts = new Map<string, number>();

  constructor(readonly limit: number) {
    if (limit < 1) throw new Error(`GATEWAY_MAX_IN_FLIGHT_PER_CALLER must be at least 1, got ${limit}`);
  }

  /** True and counted when the caller is under its limit; false (not counted) otherwise. */
  tryEnter(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n >= this.limit) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  leave(key: string): void {
    const n = this.counts.get(key) ?? 0;
    if (n <= 1) this.counts.delete(key);
    else this.counts.set(key, n - 1);
  }

  inFlight(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}
