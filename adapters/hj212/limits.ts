/**
 * What one caller of the HJ 212 listener may cost (issue 16): connections in total and per source
 * address, how long a connection may stay silent, how long a line may grow without a frame end, and
 * how many rejected lines one connection may have stored before it is closed. Read once at start from
 * the environment (README: "Configuration").
 */
import { envInt } from '../../lib/config';
import { MAX_FRAME_BYTES } from './splitter';

export interface Hj212Limits {
  /** Open connections in total; past it a new connection is destroyed as soon as it is accepted. */
  maxConnections: number;
  /** Open connections from one source address (loopback included). */
  maxConnectionsPerAddress: number;
  /** A connection that neither sends nor receives for this long is closed (0 = never). */
  idleTimeoutMs: number;
  /** Bytes a line may hold without a CRLF; past it the line is dropped and kept as one truncated record. */
  maxLineBytes: number;
  /** Rejected lines one connection may have stored in quarantine; at the budget the connection is closed. */
  rejectBudget: number;
}

export const DEFAULT_HJ212_LIMITS: Hj212Limits = {
  // The city runs about a thousand devices (issue 16); twice that leaves room for a device that has
  // reconnected while its old, dead connection still waits for the idle timeout.
  maxConnections: 2000,
  // A data logger holds one connection; 50 allows a forwarding server or a small NAT of devices.
  maxConnectionsPerAddress: 50,
  // Devices send real-time data at least every minute: five minutes tolerates four missed packets (or
  // an interval of a few minutes) before a silent connection is cut, and frees the slot of a device
  // that lost power without closing its connection. Shorter risks cutting a slow device between packets
  // (a device that writes into a connection we closed loses that packet unless it asked for a reply).
  idleTimeoutMs: 300_000,
  // A frame is at most 1036 bytes (1024-character data segment); a few KB keeps the whole raw text of a
  // frame that breaks the cap a little, for the quarantine record.
  maxLineBytes: 4096,
  rejectBudget: 100,
};

function positive(name: string, fallback: number, min = 1): number {
  const n = envInt(name, fallback);
  if (n < min) throw new Error(`Environment variable ${name} must be at least ${min}, got ${n}`);
  return n;
}

/** HJ212_MAX_CONNECTIONS, HJ212_MAX_CONNECTIONS_PER_ADDRESS, HJ212_IDLE_TIMEOUT_SECONDS, HJ212_MAX_LINE_BYTES, HJ212_REJECT_BUDGET. */
export function hj212LimitsFromEnv(): Hj212Limits {
  const d = DEFAULT_HJ212_LIMITS;
  return {
    maxConnections: positive('HJ212_MAX_CONNECTIONS', d.maxConnections),
    maxConnectionsPerAddress: positive('HJ212_MAX_CONNECTIONS_PER_ADDRESS', d.maxConnectionsPerAddress),
    idleTimeoutMs: positive('HJ212_IDLE_TIMEOUT_SECONDS', d.idleTimeoutMs / 1000, 0) * 1000,
    // Below the largest legal frame, valid packets would be cut.
    maxLineBytes: positive('HJ212_MAX_LINE_BYTES', d.maxLineBytes, MAX_FRAME_BYTES),
    rejectBudget: positive('HJ212_REJECT_BUDGET', d.rejectBudget),
  };
}
