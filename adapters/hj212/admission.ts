/**
 * Who may hold a connection to the HJ 212 listener: at most `maxConnections` open in total and
 * `maxConnectionsPerAddress` from one source address (loopback included: a local flood is a flood).
 * A refused connection is destroyed as soon as it is accepted, so it holds a file descriptor for
 * microseconds; refusals are counted and logged at most once per REFUSAL_LOG_INTERVAL_MS (19,990
 * refusals must not become 19,990 log lines).
 */
import { log } from '../../lib/log';
import type { Hj212Limits } from './limits';

export type RefusalReason = 'total' | 'address';

export interface ConnectionCounts {
  open: number;
  accepted: number;
  refused: Record<RefusalReason, number>;
  /** Closed by the listener after the idle timeout. */
  idleClosed: number;
  /** Closed by the listener when they used up their reject budget. */
  closedOverBudget: number;
}

export const REFUSAL_LOG_INTERVAL_MS = 10_000;

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) and "10.0.0.1" are the same address. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export class ConnectionGate {
  private readonly perAddress = new Map<string, number>();
  private readonly refusalLog: ThrottledLog;

  constructor(
    private readonly limits: Pick<Hj212Limits, 'maxConnections' | 'maxConnectionsPerAddress'>,
    readonly counts: ConnectionCounts,
    logIntervalMs = REFUSAL_LOG_INTERVAL_MS,
  ) {
    this.refusalLog = new ThrottledLog(logIntervalMs);
  }

  /** Takes a slot for `address`, or says why there is none (and counts and logs the refusal). */
  admit(address: string): RefusalReason | null {
    const fromAddress = this.perAddress.get(address) ?? 0;
    const reason: RefusalReason | null =
      this.counts.open >= this.limits.maxConnections ? 'total'
        : fromAddress >= this.limits.maxConnectionsPerAddress ? 'address'
          : null;
    if (reason) {
      this.counts.refused[reason]++;
      this.refusalLog.note(address, reason, this.limits);
      return reason;
    }
    this.perAddress.set(address, fromAddress + 1);
    this.counts.open++;
    this.counts.accepted++;
    return null;
  }

  /** Gives back the slot of a connection that closed. */
  release(address: string): void {
    const n = (this.perAddress.get(address) ?? 1) - 1;
    if (n > 0) this.perAddress.set(address, n);
    else this.perAddress.delete(address);
    this.counts.open--;
  }

  stop(): void {
    this.refusalLog.stop();
  }
}

/** The first refusal is logged at once; the ones that follow within the interval as one count. */
class ThrottledLog {
  private timer: NodeJS.Timeout | undefined;
  private suppressed: Record<RefusalReason, number> = { total: 0, address: 0 };
  private lastAddress = '';

  constructor(private readonly intervalMs: number) {}

  note(address: string, reason: RefusalReason, limits: Pick<Hj212Limits, 'maxConnections' | 'maxConnectionsPerAddress'>): void {
    if (this.timer) {
      this.suppressed[reason]++;
      this.lastAddress = address;
      return;
    }
    log.warn('hj212: connection refused', { address, reason, ...limits });
    this.arm();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.timer = setTimeout(() => this.summarize(), this.intervalMs);
    this.timer.unref();
  }

  private summarize(): void {
    this.timer = undefined;
    const { total, address } = this.suppressed;
    if (total + address === 0) return;
    log.warn(`hj212: ${total + address} more connections refused in the last ${this.intervalMs / 1000} s`, {
      overTotalLimit: total, overAddressLimit: address, lastAddress: this.lastAddress,
    });
    this.suppressed = { total: 0, address: 0 };
    // Keep the window closed: the next refusal within the interval is counted, not logged.
    this.arm();
  }
}
