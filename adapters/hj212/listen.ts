/**
 * The HJ 212 listener as its own process (`npm start` supervises it; or `npx tsx adapters/hj212/listen.ts`):
 * a flood of device connections can then use up only this process's file descriptors and memory,
 * never the gateway's. Stores into the environment silo; listens on HJ212_PORT (0 = a free port) at
 * XIETONG_HOST, with the limits of limits.ts; announces itself ready with its real port.
 */
import { connectSilo, openStore } from '../store/connection';
import { hostToBind, readEnv } from '../../lib/config';
import { log } from '../../lib/log';
import { announceReady } from '../../lib/process/ready';
import { startMetricsServer, type MetricsServer } from '../../lib/http/metricsServer';
import { createHj212Listener } from './tcp';

const DEFAULT_PORT = 9212;
const DEFAULT_METRICS_PORT = 9213;

/** HJ212_METRICS_PORT: where /metrics of this process is served (0 = a free port, "off" = nowhere). */
function metricsPortFromEnv(): number | 'off' {
  const raw = readEnv('HJ212_METRICS_PORT');
  if (raw === 'off') return 'off';
  if (raw === undefined) return DEFAULT_METRICS_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`HJ212_METRICS_PORT must be a port number, 0 or "off", got "${raw}"`);
  return port;
}

function portFromEnv(): number | 'off' {
  const raw = readEnv('HJ212_PORT');
  if (raw === 'off') return 'off';
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`HJ212_PORT must be a port number, 0 or "off", got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv();
  if (port === 'off') {
    log.info('hj212: HJ212_PORT is off, nothing to listen on');
    return;
  }
  const store = await openStore({ log: (m) => log.info(m) });
  const conn = await connectSilo(store.uri, 'environment');
  const host = hostToBind();
  const listener = await createHj212Listener({ port, host, conn });
  listener.events.on('failed', (e: unknown) => log.error('hj212: a write to the store failed', { error: (e as Error).stack ?? String(e) }));
  // Records by outcome and the process's health for Prometheus: this process serves no GraphQL, so no /metrics otherwise.
  const metricsPort = metricsPortFromEnv();
  const metricsServer: MetricsServer | undefined = metricsPort === 'off' ? undefined : await startMetricsServer(metricsPort, host);
  announceReady('hj212', `${host}:${listener.port}`, listener.port);
  log.info('hj212 limits', { ...listener.limits, metrics: metricsServer?.url ?? 'off' });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('hj212 stopping', { signal });
    await listener.stop().catch((e: unknown) => log.error('hj212: stop failed', { error: String(e) }));
    await metricsServer?.stop();
    const { source, reasons: _reasons, ...totals } = listener.report;
    log.info('hj212 stopped', { source, ...totals, quarantine: listener.quarantineStats });
    await conn.close();
    await store.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  log.error('hj212 listener failed to start', { error: (e as Error).stack ?? String(e) });
  process.exit(1);
});
