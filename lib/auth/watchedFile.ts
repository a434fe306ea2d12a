/**
 * A file read again when it changes, checked from a synchronous hot path: token verification runs in every
 * request's context builder, so a check is one stat at most every `everyMs`, never a read per request. A
 * changed file that does not parse keeps the last good value (a half-written file must not lock callers
 * out) and is tried again at the next check; each new failure is logged once.
 */
import fs from 'node:fs';
import { log } from '../log';

export class WatchedFile<T> {
  private current: T;
  private stamp: string;
  private checkedAt = Date.now();
  private forcedAt = 0;
  private lastError = '';

  /** Reads the file now: a missing or unreadable file at start is the caller's configuration error. */
  constructor(
    readonly path: string,
    private readonly parse: (text: string) => T,
    private readonly options: { everyMs: number; forcedEveryMs: number; what: string },
  ) {
    this.stamp = WatchedFile.stampOf(path);
    try {
      this.current = parse(fs.readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`${options.what} ${path}: ${(e as Error).message}`);
    }
  }

  /** inode, mtime and size: a replace by rename changes the inode even within one mtime tick. */
  private static stampOf(path: string): string {
    const st = fs.statSync(path);
    return `${st.ino}:${st.mtimeMs}:${st.size}`;
  }

  /** The value, re-read first if the file changed and the last check is `everyMs` old. */
  value(): T {
    const now = Date.now();
    if (now - this.checkedAt >= this.options.everyMs) this.check(now);
    return this.current;
  }

  /**
   * Checks now (a token named a key we do not know: it may have just been published), at most every
   * `forcedEveryMs`, so tokens with made-up key ids cannot turn every request into a stat.
   */
  recheck(): T {
    const now = Date.now();
    if (now - this.forcedAt >= this.options.forcedEveryMs) {
      this.forcedAt = now;
      this.check(now);
    }
    return this.current;
  }

  private check(now: number): void {
    this.checkedAt = now;
    let stamp: string;
    try {
      stamp = WatchedFile.stampOf(this.path);
    } catch (e) {
      this.failed(e as Error);
      return;
    }
    if (stamp === this.stamp) return;
    try {
      this.current = this.parse(fs.readFileSync(this.path, 'utf8'));
      this.stamp = stamp;
      this.lastError = '';
      log.info(`${this.options.what} reloaded`, { path: this.path });
    } catch (e) {
      this.failed(e as Error);
    }
  }

  private failed(e: Error): void {
    if (e.message === this.lastError) return;
    this.lastError = e.message;
    log.warn(`${this.options.what} could not be read; keeping the last good one`, { path: this.path, error: e.message });
  }
}
