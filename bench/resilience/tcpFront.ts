/**
 * A switchable TCP front for a service, to make it fail without going away: `pass` pipes bytes to the
 * target, `hang` accepts and never sends a byte back, `reset` resets every new connection. Counts the
 * bytes it is sent, so a caller can show that nothing was sent. Used by bench/resilience and
 * test/e2e/resilience.test.ts.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type FrontMode = 'pass' | 'hang' | 'reset';

export interface TcpFront {
  /** The target's URL with the front's host and port. */
  url: string;
  /** Switches mode and drops every open connection (a client's keep-alive pool must not bypass the new mode). */
  set(mode: FrontMode): void;
  readonly bytesReceived: number;
  readonly openConnections: number;
  close(): Promise<void>;
}

export async function tcpFront(target: string): Promise<TcpFront> {
  const { hostname, port, pathname } = new URL(target);
  let mode: FrontMode = 'pass';
  let bytesReceived = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => (bytesReceived += chunk.length));
    if (mode === 'reset') return socket.resetAndDestroy();
    if (mode === 'hang') return;
    const upstream = net.connect(Number(port), hostname);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathname}`,
    set(next) {
      mode = next;
      for (const s of open) s.destroy();
    },
    get bytesReceived() {
      return bytesReceived;
    },
    get openConnections() {
      return open.size;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of open) s.destroy();
        server.close(() => r());
      }),
  };
}
