/**
 * Where a process's verification keys come from: one configured key (a PEM public key or the HS256
 * secret), a JWK Set file re-read when it changes, or a JWK Set URL fetched in the background. Lookups are
 * synchronous — verification runs in every request's context builder — so the URL source verifies with
 * the last set it fetched and refreshes on a timer and soon after a token names a key it does not know.
 */
import { type KeyObject } from 'node:crypto';
import { log } from '../log';
import { parseJwks, type KeySet } from './jwk';
import { WatchedFile } from './watchedFile';

export interface KeySource {
  /** The set to verify with now. */
  current(): KeySet;
  /** A token named a key not in `current()`: the set after an immediate, rate-limited reload if the source can. */
  afterUnknownKid(): KeySet;
  /** Resolves once a first set is loaded (at once but for a URL not fetched yet). */
  ready(): Promise<void>;
  /** For messages: "JWKS file /x/jwks.json". */
  readonly description: string;
  /** Stops background refreshes. */
  close(): void;
}

export function singleKeySource(key: KeyObject, description: string): KeySource {
  const set: KeySet = new Map([[undefined, key]]);
  return { current: () => set, afterUnknownKid: () => set, ready: async () => {}, description, close() {} };
}

/** Checked at most once a second, and at once (at most every 200 ms) when a token names an unknown key. */
export function fileKeySource(path: string, timing = { everyMs: 1000, forcedEveryMs: 200 }): KeySource {
  const description = `JWKS file ${path}`;
  const file = new WatchedFile(path, (text) => {
    const { keys, skipped } = parseJwks(text);
    if (skipped.length) log.warn('JWKS: keys that cannot verify RS256 tokens are ignored', { path, skipped });
    return keys;
  }, { ...timing, what: 'JWKS file' });
  return {
    current: () => file.value(),
    afterUnknownKid: () => file.recheck(),
    ready: async () => {},
    description,
    close() {},
  };
}

export interface UrlSourceTiming {
  refreshMs: number;
  /** Least time between two fetches asked for by unknown key ids or failures. */
  minRefetchMs: number;
  timeoutMs: number;
}

export function urlKeySource(url: string, timing: UrlSourceTiming): KeySource {
  const description = `JWKS URL ${url}`;
  let keys: KeySet = new Map();
  let fetching: Promise<void> | undefined;
  let lastStart = 0;
  let lastError = '';
  let markReady: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (markReady = resolve));
  let retry: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;
  let wanted = false;

  const refresh = (): Promise<void> => {
    if (fetching) return fetching;
    lastStart = Date.now();
    fetching = (async () => {
      try {
        const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timing.timeoutMs) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const parsed = parseJwks(await res.text());
        const before = [...keys.keys()].join(',');
        keys = parsed.keys;
        lastError = '';
        const after = [...keys.keys()].join(',');
        if (before !== after) log.info('JWKS fetched', { url, kids: [...keys.keys()] });
        if (parsed.skipped.length) log.warn('JWKS: keys that cannot verify RS256 tokens are ignored', { url, skipped: parsed.skipped });
        markReady();
      } catch (e) {
        const message = (e as Error).message;
        if (message !== lastError) log.warn('JWKS fetch failed; verifying with the last good set', { url, error: message, kids: [...keys.keys()] });
        lastError = message;
        // Without a set nothing verifies: try again soon rather than at the next refresh.
        if (keys.size === 0 && !retry) {
          retry = setTimeout(() => {
            retry = undefined;
            void refresh();
          }, timing.minRefetchMs);
          retry.unref();
        }
      } finally {
        fetching = undefined;
        if (wanted) {
          wanted = false;
          demand();
        }
      }
    })();
    return fetching;
  };

  /**
   * A fetch asked for by an unknown kid: at once, or at the end of the rate limit's window, or after the
   * fetch in flight (which may have started before the key was published) — so a key published just after
   * our last fetch is known within minRefetchMs, however many unknown kids arrive meanwhile.
   */
  const demand = (): void => {
    if (fetching) {
      wanted = true;
      return;
    }
    const wait = lastStart + timing.minRefetchMs - Date.now();
    if (wait <= 0) void refresh();
    else if (!soon) {
      soon = setTimeout(() => {
        soon = undefined;
        demand();
      }, wait);
      soon.unref();
    }
  };

  const timer = setInterval(() => void refresh(), timing.refreshMs);
  timer.unref();
  void refresh();

  return {
    current: () => keys,
    afterUnknownKid() {
      demand();
      return keys;
    },
    ready: () => loaded,
    description,
    close() {
      clearInterval(timer);
      if (retry) clearTimeout(retry);
      if (soon) clearTimeout(soon);
    },
  };
}
