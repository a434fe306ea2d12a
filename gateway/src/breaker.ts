/**
 * A circuit breaker for one subgraph. After SUBGRAPH_BREAKER_FAILURES failed fetches in a row
 * (no answer: refused, reset, timed out; or a 5xx that is not a load-shedding refusal) it opens:
 * fetches to that subgraph fail at once with CircuitOpenError, opening no connection, so callers get
 * their partial answer in milliseconds instead of waiting SUBGRAPH_TIMEOUT_MS each, and a subgraph
 * that is coming back is not hit by every queued request at once. SUBGRAPH_BREAKER_RESET_MS after
 * opening it is half-open: one fetch goes through as a trial (the others still fail at once); its
 * success closes the breaker, its failure opens it for another SUBGRAPH_BREAKER_RESET_MS.
 *
 * Hand-written rather than opossum (docs/resilience.md): opossum 10 requires Node 22, and 9's rule
 * (an error percentage over a rolling window, counting a fetch when it starts and its failure when it
 * ends, rejections as fetches, and keeping the counts across a close) never trips for one caller
 * after another against a subgraph that hangs as long as the window, and reopens a recovered breaker
 * on its first failure. Consecutive failures and a clock read on use need no timers.
 */
import { envInt } from '../../lib/config';

export type BreakerState = 'closed' | 'half_open' | 'open';

export interface BreakerSettings {
  /** Failed fetches in a row that open the breaker (SUBGRAPH_BREAKER_FAILURES, default 5); 0 turns it off. */
  failures: number;
  /** Time open before one trial fetch goes through (SUBGRAPH_BREAKER_RESET_MS, default 10,000). */
  resetMs: number;
}

export function breakerSettingsFromEnv(): BreakerSettings {
  return { failures: envInt('SUBGRAPH_BREAKER_FAILURES', 5), resetMs: envInt('SUBGRAPH_BREAKER_RESET_MS', 10_000) };
}

/** The breaker refused the fetch: nothing was sent. `retryAfterMs`: until the next trial may go through. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('circuit open');
  }
}

export class CircuitBreaker {
  private failuresInARow = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private reported: BreakerState = 'closed';

  constructor(
    private readonly settings: BreakerSettings,
    /** Told of every change of state (for the log and the gauge); `failures` is the count that opened it. */
    private readonly onChange: (state: BreakerState, failures: number) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Closed, open, or half-open once SUBGRAPH_BREAKER_RESET_MS have passed since it opened. */
  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.settings.resetMs ? 'half_open' : 'open';
  }

  /**
   * Runs `action` unless the breaker is open (then throws CircuitOpenError without calling it).
   * `failed` judges the outcome: a value (e.g. a 5xx answer) or a thrown error may count as a failure
   * or not; anything not a failure shows the subgraph answers, and resets the count.
   */
  async call<T>(action: () => Promise<T>, failed: (outcome: { value: T } | { error: unknown }) => boolean): Promise<T> {
    const trial = this.enter();
    let value: T;
    try {
      value = await action();
    } catch (error) {
      this.leave(trial, failed({ error }));
      throw error;
    }
    this.leave(trial, failed({ value }));
    return value;
  }

  private enter(): boolean {
    if (this.openedAt === undefined || this.settings.failures <= 0) return false;
    const waited = this.now() - this.openedAt;
    if (waited < this.settings.resetMs) throw new CircuitOpenError(this.settings.resetMs - waited);
    // Half-open: one trial at a time; the others are told to come back about when it will have ended.
    if (this.trialInFlight) throw new CircuitOpenError(1000);
    this.trialInFlight = true;
    this.report('half_open');
    return true;
  }

  private leave(trial: boolean, failed: boolean): void {
    if (trial) {
      this.trialInFlight = false;
      if (failed) this.open();
      else this.close();
      return;
    }
    // A fetch that started before the breaker opened says nothing about the trial to come.
    if (this.openedAt !== undefined) return;
    if (!failed) {
      this.failuresInARow = 0;
      return;
    }
    this.failuresInARow += 1;
    if (this.settings.failures > 0 && this.failuresInARow >= this.settings.failures) this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.report('open');
  }

  private close(): void {
    this.openedAt = undefined;
    this.report('closed');
    this.failuresInARow = 0;
  }

  private report(state: BreakerState): void {
    if (state === this.reported) return;
    this.reported = state;
    this.onChange(state, this.failuresInARow);
  }
}
