/**
 * "The store does not answer", told apart from every other failure: the driver's network and
 * server-selection errors (store down, restarting, socket gone) become one GraphQL error with the code
 * STORE_UNAVAILABLE naming the service — never the driver's message, which names socket paths and
 * addresses (those stay in the service's log).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Connection } from 'mongoose';
import { envInt } from '../../lib/config';
import { ErrorCode } from '../../lib/errors';

/**
 * Driver and mongoose errors that mean the store could not be reached or the connection to it broke.
 * By name, along the `cause` chain: mongoose bundles its own driver, and a wrapper may hide the original.
 * (MongoNetworkTimeoutError and PoolClearedError are subclasses of MongoNetworkError: their names differ,
 * so they are listed.)
 */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'PoolClearedError',
  'MongoPoolClearedError',
  'PoolClosedError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoClientClosedError',
  'MongoServerClosedError',
]);

/** mongoose's own errors for a connection that is closed or never opened (bufferCommands: false). */
const MONGOOSE_NOT_CONNECTED = /^(Connection was force closed|Cannot call `[^`]*` before initial connection is complete)/;

export function isStoreUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
    if (name === 'MongooseError' && typeof message === 'string' && MONGOOSE_NOT_CONNECTED.test(message)) return true;
  }
  return false;
}

export function storeUnavailableMessage(service: string): string {
  return `${service}: its store is not answering (down or restarting); nothing was read or written by this field, try again shortly`;
}

/** The error a resolver may throw itself when it knows the store is down. */
export function storeUnavailable(service: string): GraphQLError {
  return new GraphQLError(storeUnavailableMessage(service), { extensions: { code: ErrorCode.STORE_UNAVAILABLE, service } });
}

/**
 * For Apollo Server's formatError: a store failure becomes STORE_UNAVAILABLE naming `service`
 * (undefined for any other error, which the caller formats as before).
 */
export function formatStoreUnavailable(service: string, formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError | undefined {
  if (!isStoreUnavailable(original)) return undefined;
  return {
    message: storeUnavailableMessage(service),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.STORE_UNAVAILABLE, service },
  };
}

/**
 * How long an operation waits for the store to be reachable before it fails with STORE_UNAVAILABLE
 * (the driver's serverSelectionTimeoutMS). STORE_SERVER_SELECTION_TIMEOUT_MS, default 2000: a request
 * while the store is down answers within that, instead of the driver's 30 s default.
 */
export function serverSelectionTimeoutMs(): number {
  const v = envInt('STORE_SERVER_SELECTION_TIMEOUT_MS', 2_000);
  if (v < 100 || v > 120_000) throw new Error(`STORE_SERVER_SELECTION_TIMEOUT_MS must be between 100 and 120000, got ${v}`);
  return v;
}

/**
 * A service's readiness as far as its store goes: the connection is open and the store answers a ping
 * within `timeoutMs`. A ping, not mongoose's readyState alone: after a kill -9 of the store, readyState
 * stays "connected" until the driver's next heartbeat notices. Problems name no address.
 */
export async function storeProblems(connection: Connection, timeoutMs = 1_000): Promise<string[]> {
  if (connection.readyState !== 1) return [`store not connected (connection state ${connection.readyState})`];
  let timer: NodeJS.Timeout | undefined;
  try {
    const answered = await Promise.race([
      connection.db!.command({ ping: 1 }).then(() => true),
      new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); }),
    ]);
    return answered ? [] : [`store did not answer a ping within ${timeoutMs} ms`];
  } catch (e) {
    return [isStoreUnavailable(e) ? 'store unreachable' : `store ping failed (${(e as Error).name})`];
  } finally {
    clearTimeout(timer);
  }
}
