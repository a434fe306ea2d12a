/**
 * A process that serves no GraphQL — the HJ 212 listener — still has metrics worth scraping (records
 * ingested by outcome, Node's event loop and heap): this small HTTP front serves the process's registry
 * (lib/metrics.ts) at `/metrics` and a liveness answer at `/health`, nothing else.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendMetrics } from '../metrics';

export interface MetricsServer {
  /** `http://host:port/metrics`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function startMetricsServer(port: number, host = '127.0.0.1'): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    sendMetrics(res).catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${bound}/metrics`,
        port: bound,
        stop: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
