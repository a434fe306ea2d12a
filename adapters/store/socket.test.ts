/**
 * The embedded store is reachable by its owner only: it listens on a Unix socket inside a 0700
 * directory of the data dir and on no TCP port; its SQLite files are in a 0700 directory; a second
 * store on the same data dir refuses to start; a data dir too deep for a socket path gets a private
 * temporary directory instead. It is restarted on the same socket when killed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BINARY } from './build-ferretdb';
import { connectSilo } from './connection';
import { SOCKET_PATH_MAX_BYTES, socketPathFor, startEmbeddedStore } from './embedded';
import { isAlive } from '../../lib/process/alive';
import { waitUntil } from '../../test/harness/wait';

const dirs: string[] = [];
function tempDir(prefix = 'xietong-socket-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Inodes of the TCP sockets in LISTEN state on this machine (IPv4 and IPv6). */
function listeningTcpInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A') inodes.add(cols[9]); // st 0A = LISTEN
    }
  }
  return inodes;
}

/** Inodes of the sockets a process holds open. */
function socketInodes(pid: number): string[] {
  return fs
    .readdirSync(`/proc/${pid}/fd`)
    .map((fd) => { try { return fs.readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { return ''; } })
    .map((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1])
    .filter((i): i is string => i !== undefined);
}

test('listens on an owner-only socket and on no TCP port; its files are owner-only', async () => {
  const dataDir = tempDir();
  const store = await startEmbeddedStore({ dataDir });
  try {
    // The URI's host is the encoded socket path: no host:port anywhere.
    expect(store.uri).toBe(`mongodb://${encodeURIComponent(path.join(dataDir, 'run', 'store.sock'))}/`);
    expect(store.uri).not.toMatch(/:\d+\//);
    expect(fs.statSync(store.socketPath).isSocket()).toBe(true);
    expect(fs.statSync(path.dirname(store.socketPath)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'ferretdb')).mode & 0o777).toBe(0o700);

    const listening = listeningTcpInodes();
    const own = socketInodes(store.pid);
    expect(own.length).toBeGreaterThan(0); // it does hold sockets: the Unix listener
    expect(own.filter((i) => listening.has(i))).toEqual([]);

    // And it answers there, through the same connection code the services use.
    const conn = await connectSilo(store.uri, 'socket', 'socket_probe');
    await conn.db!.collection('things').insertOne({ _id: 'one' as never });
    expect(await conn.db!.collection('things').countDocuments()).toBe(1);
    await conn.close();

    // A second store on the same data dir refuses: two stores must never share the SQLite files.
    const second = spawnSync(BINARY, ['-unix', store.socketPath, '-data', path.join(dataDir, 'ferretdb'), '-exit-on-stdin-eof=false'], { encoding: 'utf8', timeout: 20_000 });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toMatch(/another store is listening on it/);
  } finally {
    await store.stop();
  }
});

test('killed, it is started again on the same socket, and acknowledged writes are there', async () => {
  const dataDir = tempDir();
  const logs: string[] = [];
  const store = await startEmbeddedStore({ dataDir, log: (m) => logs.push(m), backOff: { initialMs: 50 } });
  const conn = await connectSilo(store.uri, 'socket', 'socket_restart');
  try {
    const docs = Array.from({ length: 200 }, (_, i) => ({ _id: `r${i}` as never, i }));
    const ack = await conn.db!.collection('records').insertMany(docs);
    expect(ack.insertedCount).toBe(200);
    const first = store.pid;
    process.kill(first, 'SIGKILL');
    await waitUntil(() => store.restarts() === 1 && store.pid !== first, 'the store is restarted', 30_000);
    expect(isAlive(first)).toBe(false);
    expect(logs.join('\n')).toMatch(new RegExp(`embedded store \\(pid ${first}\\) exited \\(code null, signal SIGKILL\\); restarting in 50 ms`));
    // Same URI, and the driver reconnects by itself: the same connection counts every acknowledged record.
    let count = -1;
    const deadline = Date.now() + 20_000;
    while (count < 0 && Date.now() < deadline) count = await conn.db!.collection('records').countDocuments().catch(() => -1);
    expect(count).toBe(200);
  } finally {
    await conn.close();
    await store.stop();
  }
});

test('a data dir too deep for a socket path gets a private temporary directory', () => {
  const deep = path.join(tempDir(), 'x'.repeat(SOCKET_PATH_MAX_BYTES));
  const { socketPath, temporary } = socketPathFor(deep);
  expect(temporary).toBeDefined();
  dirs.push(temporary!);
  expect(Buffer.byteLength(socketPath)).toBeLessThanOrEqual(SOCKET_PATH_MAX_BYTES);
  expect(fs.statSync(temporary!).mode & 0o777).toBe(0o700);
  expect(socketPathFor(tempDir()).temporary).toBeUndefined();
});
