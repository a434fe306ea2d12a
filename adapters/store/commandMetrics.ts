/**
 * Store round-trip latency: `xietong_store_command_duration_seconds{service,command}`, a histogram of
 * every command a service sends to its store, from the driver's command monitoring (the connection is
 * opened with monitorCommands: true; connection.ts). The driver times each command from send to reply
 * (`duration` of commandSucceeded / commandFailed), so this is the round trip, failures included.
 *
 * Why not mongoose's operation-start/operation-end events: for find and aggregate mongoose's collection
 * call returns a cursor at once, so its "end" comes before any byte went to the store — they measure
 * nothing for reads. Monitoring has a cost, measured roughly (docs/store.md): the driver decodes each
 * reply a second time for the event, about +10-20 % of the Node CPU of a 100-document read; an operator
 * who wants it back sets STORE_COMMAND_METRICS=off (default on).
 *
 * `command` takes a value from a fixed list (never a name from the wire): getMore, distinct, index and
 * admin commands are `other`.
 */
import type { Connection } from 'mongoose';
import { Histogram } from 'prom-client';
import { readEnv } from '../../lib/config';
import { metrics } from '../../lib/metrics';

export function storeCommandMetricsEnabled(): boolean {
  const v = (readEnv('STORE_COMMAND_METRICS') ?? 'on').toLowerCase();
  if (v !== 'on' && v !== 'off') throw new Error(`STORE_COMMAND_METRICS must be "on" or "off", got "${v}"`);
  return v === 'on';
}

export const STORE_COMMANDS = ['find', 'insert', 'update', 'delete', 'aggregate', 'count', 'other'] as const;
export type StoreCommand = (typeof STORE_COMMANDS)[number];

const BY_NAME: Record<string, StoreCommand> = {
  find: 'find',
  insert: 'insert',
  update: 'update',
  findAndModify: 'update',
  delete: 'delete',
  aggregate: 'aggregate',
  count: 'count',
};

export function commandLabel(commandName: string): StoreCommand {
  return BY_NAME[commandName] ?? 'other';
}

let histogram: Histogram<'service' | 'command'> | undefined;

function storeCommandDuration(): Histogram<'service' | 'command'> {
  histogram ??= new Histogram({
    name: 'xietong_store_command_duration_seconds',
    help: 'Round trip of each command a service sent to its store, from send to reply (failed commands included), by command: find, insert, update (also findAndModify), delete, aggregate, count, other (getMore, distinct, indexes, admin)',
    labelNames: ['service', 'command'],
    // From a primary-key lookup on a local socket (< 1 ms) to a slow aggregate or a store under load.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics().registry],
  });
  return histogram;
}

interface CommandEvent { commandName: string; duration: number }

/**
 * Observes every command of `connection` (opened with monitorCommands: true) under the service's
 * name; returns a function that stops observing.
 */
export function observeStoreCommands(connection: Connection, service: string): () => void {
  const h = storeCommandDuration();
  const children = new Map<string, ReturnType<typeof h.labels>>();
  const observe = (e: CommandEvent) => {
    const command = commandLabel(e.commandName);
    let child = children.get(command);
    if (!child) children.set(command, (child = h.labels({ service, command })));
    child.observe(e.duration / 1000);
  };
  const client = connection.getClient();
  client.on('commandSucceeded', observe);
  client.on('commandFailed', observe);
  return () => {
    client.off('commandSucceeded', observe);
    client.off('commandFailed', observe);
  };
}
