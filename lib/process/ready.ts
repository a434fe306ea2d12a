/**
 * How a service process tells whoever started it that it is serving: `npm start`'s supervisor forks
 * each service with an IPC channel and waits for this message (it then knows the real port when the
 * service was given port 0). Started any other way (docker-compose, by hand) there is no channel and
 * only the log line remains.
 */
import { log } from '../log';

export interface ReadyMessage {
  type: 'ready';
  /** What the process serves: the gateway, a subgraph's name, or hj212. */
  service: string;
  /** Its URL (HTTP services) or host:port (the HJ 212 listener). */
  url: string;
  port: number;
  pid: number;
}

export function announceReady(service: string, url: string, port: number): void {
  const message: ReadyMessage = { type: 'ready', service, url, port, pid: process.pid };
  log.info(`${service} ready`, { url });
  if (!process.send) return;
  process.send(message);
  // The supervisor holds the other end: when it is gone (stopped, crashed or killed outright) so are we.
  process.once('disconnect', () => {
    log.warn(`${service}: supervisor gone, exiting`);
    process.exit(0);
  });
}

export function isReadyMessage(m: unknown): m is ReadyMessage {
  return typeof m === 'object' && m !== null && (m as ReadyMessage).type === 'ready' && typeof (m as ReadyMessage).port === 'number';
}
