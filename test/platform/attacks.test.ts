/**
 * Issue 16's attacks against `npm start`'s supervised system, one after the other, while a probe asks
 * the gateway `{ __typename }` every 250 ms and every process's RSS is sampled: the six-alias fan-out
 * from six callers at once, the depth-23 query straight at a subgraph's port, four concurrent
 * month-long `exceedances` scans from a `public` token, 2,000 idle HJ 212 connections and a
 * 5,000-line garbage flood on the listener's port. Each attack is refused or absorbed where it lands;
 * the gateway answers the probe within 1 s throughout and no process passes the stated bound.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { watchPeakRss } from '../../bench/overload/rss';
import { connectSilo, findRunningStore } from '../../adapters/store/connection';
import { startSupervised, type SupervisedSystem } from '../harness/supervised';

/** The bound stated in ADR 0008 for every process of the system (the same as the overload test's). */
const MAX_RSS_MB = 600;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-attacks-'));
let system: SystemUnderAttack;

interface SystemUnderAttack extends SupervisedSystem {
  publicToken: string;
  hj212Port: number;
}

beforeAll(async () => {
  const s = await startSupervised({ dataDir, env: { XIETONG_DEMO_PROJECTS: '6' } });
  const hj212 = s.services().hj212;
  system = Object.assign(s, { publicToken: s.token({ sub: 'attacker', dept: 'public' }), hj212Port: Number(hj212.url.split(':').at(-1)) });
}, 240_000);
afterAll(async () => {
  await system?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(url: string, body: unknown, token: string): Promise<{ status: number; json: any; ms: number }> {
  const t0 = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json(), ms: Date.now() - t0 };
}

/** Runs `attack` while probing the gateway every 250 ms and sampling RSS; returns the probe's latencies and the peaks. */
async function during<T>(attack: () => Promise<T>): Promise<{ result: T; probeMs: number[]; failedProbes: number; peakRssMb: Record<string, number> }> {
  const probeToken = system.token({ sub: 'probe', dept: 'housing' });
  const rss = watchPeakRss(system.child.pid!);
  const probeMs: number[] = [];
  let failedProbes = 0;
  let done = false;
  const probing = (async () => {
    while (!done) {
      const next = Date.now() + 250;
      const r = await post(system.url, { query: '{ __typename }' }, probeToken).catch(() => null);
      if (r && r.status === 200 && r.json.data?.__typename === 'Query') probeMs.push(r.ms);
      else failedProbes++;
      await new Promise((res) => setTimeout(res, Math.max(0, next - Date.now())));
    }
  })();
  try {
    const result = await attack();
    return { result, probeMs, failedProbes, peakRssMb: rss.stop() };
  } finally {
    done = true;
    await probing;
  }
}

function expectGatewayUnharmed(run: { probeMs: number[]; failedProbes: number; peakRssMb: Record<string, number> }) {
  expect(run.failedProbes).toBe(0);
  expect(run.probeMs.length).toBeGreaterThan(0);
  expect(Math.max(...run.probeMs)).toBeLessThan(1_000);
  for (const [name, mb] of Object.entries(run.peakRssMb)) expect([name, mb < MAX_RSS_MB]).toEqual([name, true]);
}

const fanOut = (alias: string) =>
  `${alias}projects(first: 100) { edges { node { participants { enterprise { participations { project { participants { enterprise { name } } } } } } } } }`;

test('six callers sending the six-alias fan-out for 5 s: each refused with QUERY_TOO_COMPLEX in well under a second', async () => {
  const query = `{ ${Array.from({ length: 6 }, (_, i) => fanOut(`a${i}: `)).join(' ')} }`;
  const run = await during(async () => {
    const answers: { status: number; code: string; ms: number }[] = [];
    const until = Date.now() + 5_000;
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const token = system.token({ sub: `fan-out-${i}`, dept: 'public' });
        while (Date.now() < until) {
          const r = await post(system.url, { query }, token);
          answers.push({ status: r.status, code: r.json.errors?.[0]?.extensions?.code, ms: r.ms });
        }
      }),
    );
    return answers;
  });
  expect(run.result.length).toBeGreaterThan(6);
  expect(new Set(run.result.map((a) => `${a.status} ${a.code}`))).toEqual(new Set(['400 QUERY_TOO_COMPLEX']));
  expect(Math.max(...run.result.map((a) => a.ms))).toBeLessThan(1_000);
  expectGatewayUnharmed(run);
}, 60_000);

test('the depth-23 query straight at a subgraph port is refused there', async () => {
  let selection = 'participants { enterprise { participations { role } } }';
  for (let i = 0; i < 4; i++) selection = `participants { enterprise { participations { project { ${selection} } } } }`;
  const query = `{ projects(first: 100) { edges { node { ${selection} } } } }`; // depth 3 + 4 × 4 + 4 = 23
  const run = await during(() => post(system.services().housing.url, { query }, system.publicToken));
  expect(run.result.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'depth', depth: 23 });
  expect(run.result.ms).toBeLessThan(1_000);
  expectGatewayUnharmed(run);
}, 60_000);

test('four concurrent month-long exceedances scans from a public token, and one over the period limit', async () => {
  // Four different windows over the demo city's monitoring month (no answer can serve another).
  const windows = [['2026-10-01', '2026-10-31'], ['2026-10-02', '2026-11-01'], ['2026-09-15', '2026-10-15'], ['2026-09-20', '2026-10-20']];
  const scan = (from: string, to: string) => post(system.url, { query: `{ exceedances(from: "${from}", to: "${to}") { mn pollutant } }` }, system.publicToken);
  const run = await during(() => Promise.all([...windows.map(([from, to]) => scan(from, to)), scan('2026-08-01', '2026-10-15')]));
  const [tooLong] = run.result.slice(-1);
  for (const r of run.result.slice(0, 4)) expect([r.status, r.json.errors]).toEqual([200, undefined]);
  expect(tooLong.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  expectGatewayUnharmed(run);
}, 60_000);

/** Connects n sockets to the listener (in waves), keeping whatever it accepts open. */
async function connectMany(port: number, n: number): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, n - i) }, () =>
        new Promise<void>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => resolve());
          s.on('error', () => resolve());
          s.on('close', () => resolve());
          sockets.push(s);
        }),
      ),
    );
  }
  return sockets;
}

test('2,000 idle HJ 212 connections and a 5,000-line garbage flood do not reach the gateway', async () => {
  const run = await during(async () => {
    const idle = await connectMany(system.hj212Port, 2_000);
    // From another loopback address: 127.0.0.1 is at its per-address limit by now.
    const flood = net.connect({ port: system.hj212Port, host: '127.0.0.1', localAddress: '127.0.0.2' });
    await new Promise<void>((resolve) => flood.once('connect', () => resolve()).once('error', () => resolve()));
    const closed = new Promise<void>((resolve) => flood.once('close', () => resolve()));
    flood.on('error', () => undefined);
    flood.write(Array.from({ length: 5_000 }, (_, i) => `garbage line ${i} ${'x'.repeat(i % 7)}`).join('\r\n') + '\r\n');
    await closed; // the listener closes a connection past its budget of rejected lines
    const open = idle.filter((s) => !s.destroyed && s.readyState === 'open').length;
    for (const s of idle) s.destroy();
    return { open };
  });
  // Past the per-address limit (50 by default) the listener closes new connections on accept.
  expect(run.result.open).toBeLessThanOrEqual(50);
  // The flood was taken, and cut at the budget: 100 lines kept in quarantine plus one summary.
  const environment = await connectSilo(findRunningStore(dataDir)!, 'environment');
  try {
    const kept = await environment.collection('quarantine').find({ source: 'hj212-tcp' }).toArray();
    expect(kept.filter((r) => String(r.where).startsWith('packet '))).toHaveLength(100);
    expect(kept.filter((r) => /closed after 100 rejected lines \(HJ212_REJECT_BUDGET\)/.test(String(r.reason)))).toHaveLength(1);
  } finally {
    await environment.close();
  }
  expectGatewayUnharmed(run);
  // The listener is still serving after both attacks (its process was not restarted).
  expect(system.output()).not.toMatch(/hj212 exited/);
}, 120_000);
