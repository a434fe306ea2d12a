/**
 * What an error message may carry to a client. Two rules, for every service:
 * - bounded: a message quoting the caller's input (a 500 KB argument in "… is not a date") is cut at
 *   ERROR_MESSAGE_MAX_CHARS (default 500), with a mark saying how long it was, so an error is never
 *   an amplifier of what was sent;
 * - no internals: a failed connection is described by what happened (refused, timed out, reset), never
 *   by the address, port or the system error's text; those go to the log with the request id.
 */
import { envInt } from '../config';

export const DEFAULT_ERROR_MESSAGE_MAX_CHARS = 500;

/** ERROR_MESSAGE_MAX_CHARS, read on use (only errors pay for it). */
export function errorMessageMaxChars(): number {
  return Math.max(80, envInt('ERROR_MESSAGE_MAX_CHARS', DEFAULT_ERROR_MESSAGE_MAX_CHARS));
}

/** `message` if it fits in `max` characters; otherwise its start and a mark of the cut, `max` characters in all. */
export function truncateMessage(message: string, max = errorMessageMaxChars()): string {
  if (message.length <= max) return message;
  const mark = ` … [cut: ${message.length.toLocaleString('en-US')} characters in all]`;
  let end = Math.max(0, max - mark.length);
  // Do not split a UTF-16 surrogate pair (a lone half would be an invalid character in the JSON answer).
  const code = message.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return message.slice(0, end) + mark;
}

/** Why a fetch got no answer, as a client may read it; `connection_failed` covers the rest (DNS, TLS, …). */
export type FetchFailure = 'connection_refused' | 'timeout' | 'connection_reset' | 'connection_failed';

const PHRASES: Record<FetchFailure, string> = {
  connection_refused: 'connection refused',
  timeout: 'timed out',
  connection_reset: 'connection reset',
  connection_failed: 'connection failed',
};

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR', 'UND_ERR_ABORTED']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Classifies a network error from undici or Node (its `code`, the cause's code, or an AbortSignal.timeout). */
export function fetchFailureOf(error: unknown): FetchFailure {
  for (let e = error as { code?: unknown; name?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.name === 'TimeoutError' || (typeof e.code === 'string' && TIMEOUT_CODES.has(e.code))) return 'timeout';
    if (e.code === 'ECONNREFUSED') return 'connection_refused';
    if (typeof e.code === 'string' && RESET_CODES.has(e.code)) return 'connection_reset';
  }
  return 'connection_failed';
}

/** "connection refused", "timed out", … */
export function fetchFailurePhrase(failure: FetchFailure): string {
  return PHRASES[failure];
}
