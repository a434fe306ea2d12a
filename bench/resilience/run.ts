/**
 * bench/resilience: how long a caller waits for a partial answer when one subgraph fails without going
 * away. The real gateway, housing and joint subgraphs on a fresh embedded store (no seed: the figures
 * are about waiting, not data); housing behind a TCP front (tcpFront.ts) that passes, then hangs
 * (accepts, never answers). One caller at a time sends the query of test/e2e/resilience.test.ts
 * (joint's catalogue + housing's project):
 * - healthy: housing answers (the reference);
 * - hanging: each query waits SUBGRAPH_TIMEOUT_MS for housing, until SUBGRAPH_BREAKER_FAILURES of them open the breaker;
 * - breaker open: the partial answer without waiting, nothing sent to housing.
 * Prints JSON (milliseconds). Settings from the environment as in production, with a 2 s timeout unless set:
 *
 *   SUBGRAPH_TIMEOUT_MS=2000 npm run bench:resilience -- [--open-queries 50]
 */
import { connectSilo } from '../../adapters/store/connection';
import { breakerSettingsFromEnv } from '../../gateway/src/breaker';
import { createGateway } from '../../gateway/src/server';
import { envInt } from '../../lib/config';
import { createSubgraphServer } from '../../subgraphs/common/createSubgraph';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { jointSubgraph } from '../../subgraphs/joint/server';
import { composeFor } from '../../test/harness/services';
import { bearer, testTokenSettings } from '../../test/harness/tokens';
import { round1 } from '../common/round';
import { flag, machineInfo, runOnFreshStore } from '../common/storeRun';
import { tcpFront } from './tcpFront';

const QUERY = '{ catalog(subgraph: "joint", type: "Query") { coordinate } project(code: "2024-371302-47-01-A1B2C3") { name } }';

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => round1(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { queries: ms.length, minMs: round1(sorted[0]), p50Ms: at(0.5), p99Ms: at(0.99), maxMs: round1(sorted[sorted.length - 1]) };
}

runOnFreshStore('resilience', async (store) => {
  const timeoutMs = envInt('SUBGRAPH_TIMEOUT_MS', 2000);
  const breaker = breakerSettingsFromEnv();
  const openQueries = flag('--open-queries', 50);
  const tokens = testTokenSettings();
  const stops: (() => Promise<void>)[] = [];
  try {
    const urls: Record<string, string> = {};
    for (const [name, def] of [['housing', housingSubgraph], ['joint', jointSubgraph]] as const) {
      const connection = await connectSilo(store.uri, name, `bench_resilience_${name}`);
      stops.push(() => connection.close());
      const server = await createSubgraphServer(def as typeof housingSubgraph, { connection, tokens });
      urls[name] = (await server.listen(0)).url;
      stops.push(() => server.stop());
    }
    const front = await tcpFront(urls.housing);
    stops.push(front.close);
    const gateway = await createGateway({ tokens, supergraphSdl: composeFor(urls), subgraphUrls: { housing: front.url }, subgraphTimeoutMs: timeoutMs });
    const running = await gateway.listen(0);
    stops.push(() => gateway.stop());
    const auth = bearer({ dept: 'citymgmt' });

    const query = async () => {
      const t0 = performance.now();
      const r = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query: QUERY }) });
      const body = (await r.json()) as { data?: { catalog?: unknown[] }; errors?: { extensions?: { reason?: string } }[] };
      if (!body.data?.catalog?.length) throw new Error(`no partial answer: ${JSON.stringify(body).slice(0, 300)}`);
      return { ms: performance.now() - t0, reason: body.errors?.[0]?.extensions?.reason ?? 'ok' };
    };

    for (let i = 0; i < 3; i++) await query(); // warm-up: plans cached, connections open
    const healthy = [];
    for (let i = 0; i < 20; i++) healthy.push((await query()).ms);

    front.set('hang');
    const hanging: number[] = [];
    for (let reason = 'timeout'; reason === 'timeout'; ) {
      const r = await query();
      reason = r.reason;
      if (reason === 'timeout') hanging.push(r.ms);
      else if (reason !== 'circuit_open') throw new Error(`unexpected answer while hanging: ${reason}`);
    }
    const bytesBefore = front.bytesReceived;
    const open: number[] = [];
    for (let i = 0; i < openQueries; i++) {
      const r = await query();
      if (r.reason !== 'circuit_open') throw new Error(`expected circuit_open, got ${r.reason} (the run took longer than SUBGRAPH_BREAKER_RESET_MS?)`);
      open.push(r.ms);
    }
    return {
      settings: { subgraphTimeoutMs: timeoutMs, breakerFailures: breaker.failures, breakerResetMs: breaker.resetMs },
      healthy: summary(healthy),
      hangingSubgraph: summary(hanging),
      breakerOpen: { ...summary(open), bytesSentToSubgraph: front.bytesReceived - bytesBefore },
      machine: machineInfo(),
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
});
