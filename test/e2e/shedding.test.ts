/**
 * Load shedding (issue 16), over real HTTP on port 0 with real tokens: the HTTP front's slots and
 * queue, the gateway's per-caller share, a subgraph that sheds as the gateway reports it, and
 * `/metrics`. Requests are held in flight by a resolver that waits until the test lets it go (a
 * small federated test schema served through createHttpHandler), so nothing depends on timing.
 */
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createGateway } from '../../gateway/src/server';
import { bearerToken, verifyToken } from '../../lib/auth/tokens';
import type { AdmissionLimits } from '../../lib/http/admission';
import { createHttpHandler, serviceFront } from '../../lib/http/server';
import { housingSubgraph } from '../../subgraphs/housing/server';
import { testStore } from '../harness/db';
import { startSubgraph } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';

const store = testStore();
afterAll(() => store.closeAll());

const HELD_SDL = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
type Query { held: Int quick: Int }`);
const OTHER_SDL = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
type Query { other: Int }`);

/** `held` resolves only after open(); `entered` counts the resolvers that started. */
function gate() {
  let open = false;
  const waiting: (() => void)[] = [];
  const g = {
    entered: 0,
    held: () => {
      g.entered++;
      return open ? 1 : new Promise<number>((resolve) => waiting.push(() => resolve(1)));
    },
    open() {
      open = true;
      for (const go of waiting.splice(0)) go();
    },
  };
  return g;
}

interface TestService {
  url: string;
  base: string;
  stop(): Promise<void>;
}

/** A federated test subgraph behind the real HTTP front (the token is verified as everywhere). */
async function startTestService(service: string, typeDefs: ReturnType<typeof parse>, resolvers: Record<string, () => unknown>, admission?: AdmissionLimits): Promise<TestService> {
  const apollo = new ApolloServer<{ sub: string }>({
    schema: buildSubgraphSchema([{ typeDefs, resolvers: { Query: resolvers } }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const handler = createHttpHandler<{ sub: string }>({
    apollo,
    service,
    admission,
    context: async (req) => ({ sub: verifyToken(testTokenSettings(), bearerToken(req.headers.authorization)).sub }),
  });
  const front = serviceFront(handler, () => apollo.stop());
  const running = await front.listen(0);
  return { url: running.url, base: running.url.replace(/\/graphql$/, ''), stop: () => front.stop() };
}

function post(url: string, query: string, authorization?: string, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }), signal });
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
}

/**
 * "At once": the refused request does not wait for a slot (the queue here waits up to 60 s). Typically
 * 3–25 ms; the bound leaves room for a machine busy with other test workers.
 */
const AT_ONCE_MS = 250;

/** Polls until `check` holds (no fixed sleeps), failing with `what` after the deadline. */
async function until(what: string, check: () => boolean | Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One sample of the Prometheus text served at `<base>/metrics`; undefined when the series is absent. */
async function metric(base: string, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(`${base}/metrics`)).text();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.keys(labels).length === Object.keys(got).length && Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

test('past its slots and its queue, a service answers at once: 503, Retry-After, OVERLOADED; /health, /ready, /metrics and { __typename } still answer; a queued request whose client left is dropped', async () => {
  const g = gate();
  const svc = await startTestService('front', HELD_SDL, { held: g.held, quick: () => 1 }, { maxInFlight: 2, maxQueued: 2, maxQueueWaitMs: 60_000 });
  const auth = bearer({ dept: 'housing', sub: 'front-caller' });
  try {
    const running = [post(svc.url, '{ held }', auth), post(svc.url, '{ held }', auth)];
    await until('two requests run', () => g.entered === 2);
    const leaving = new AbortController();
    const left = post(svc.url, '{ held }', auth, leaving.signal).catch((e: Error) => e);
    const waits = post(svc.url, '{ held }', auth);
    await until('two requests wait', async () => (await metric(svc.base, 'xietong_requests_queued', { service: 'front' })) === 2);

    const refused = await timed(() => post(svc.url, '{ quick }', auth));
    expect(refused.value.status).toBe(503);
    expect(refused.value.headers.get('retry-after')).toBe('60');
    const body = await refused.value.json();
    expect(body.errors[0].extensions).toEqual({ code: 'OVERLOADED', reason: 'in_flight' });
    expect(body.errors[0].message).toMatch(/limit of 2 requests in flight and 2 waiting/);
    expect(refused.ms).toBeLessThan(AT_ONCE_MS);
    process.stderr.write(`shedding: refused in ${refused.ms.toFixed(1)} ms\n`);

    // Never shed: liveness, readiness and metrics answer at once while every slot is taken.
    for (const path of ['/health', '/ready']) {
      const r = await timed(() => fetch(`${svc.base}${path}`));
      expect([path, r.value.status]).toEqual([path, 200]);
      expect(r.ms).toBeLessThan(AT_ONCE_MS);
    }
    // Nor is the GraphQL health probe `{ __typename }` (no resolver runs), token still required.
    const probe = await timed(() => post(svc.url, 'query Probe { __typename }', auth));
    expect(probe.value.status).toBe(200);
    expect(await probe.value.json()).toEqual({ data: { __typename: 'Query' } });
    expect(probe.ms).toBeLessThan(AT_ONCE_MS);
    expect((await post(svc.url, '{ __typename }')).status).toBe(401);
    expect(await metric(svc.base, 'xietong_requests_shed_total', { service: 'front', reason: 'in_flight' })).toBe(1);
    expect(await metric(svc.base, 'xietong_requests_in_flight', { service: 'front' })).toBe(2);

    // The client of one waiting request goes away: it leaves the queue and never runs.
    leaving.abort();
    expect(((await left) as Error).name).toBe('AbortError');
    await until('the abandoned request leaves the queue', async () => (await metric(svc.base, 'xietong_requests_queued', { service: 'front' })) === 1);
    g.open();
    for (const r of [...running, waits]) {
      const res = await r;
      expect(res.status).toBe(200);
      expect((await res.json()).data).toEqual({ held: 1 });
    }
    expect(g.entered).toBe(3);
    await until('every slot is free again', async () => (await metric(svc.base, 'xietong_requests_in_flight', { service: 'front' })) === 0);
  } finally {
    g.open();
    await svc.stop();
  }
});

test('a request that waits longer than MAX_QUEUE_WAIT_MS is refused with 503 (reason queue_timeout)', async () => {
  const g = gate();
  const svc = await startTestService('front-wait', HELD_SDL, { held: g.held, quick: () => 1 }, { maxInFlight: 1, maxQueued: 1, maxQueueWaitMs: 200 });
  const auth = bearer({ dept: 'housing', sub: 'wait-caller' });
  try {
    const holding = post(svc.url, '{ held }', auth);
    await until('the slot is taken', () => g.entered === 1);
    const waited = await timed(() => post(svc.url, '{ quick }', auth));
    expect(waited.value.status).toBe(503);
    expect(waited.value.headers.get('retry-after')).toBe('1');
    expect((await waited.value.json()).errors[0].extensions).toEqual({ code: 'OVERLOADED', reason: 'queue_timeout' });
    expect(waited.ms).toBeGreaterThanOrEqual(190);
    expect(await metric(svc.base, 'xietong_requests_shed_total', { service: 'front-wait', reason: 'queue_timeout' })).toBe(1);
    g.open();
    expect((await holding).status).toBe(200);
  } finally {
    g.open();
    await svc.stop();
  }
});

async function gatewayOver(services: Record<string, TestService>, options: { maxInFlightPerCaller?: number } = {}) {
  const supergraphSdl = composeServices(
    Object.entries(services).map(([name, s]) => ({ name, url: s.url, typeDefs: name === 'slow' ? HELD_SDL : OTHER_SDL })),
  );
  if (supergraphSdl.errors) throw new Error(supergraphSdl.errors.map((e) => e.message).join('\n'));
  const gateway = await createGateway({ tokens: testTokenSettings(), supergraphSdl: supergraphSdl.supergraphSdl, ...options });
  const running = await gateway.listen(0);
  return { url: running.url, base: running.url.replace(/\/graphql$/, ''), stop: () => gateway.stop() };
}

test('at the gateway, one caller past its share (per token sub) gets 429 + Retry-After + OVERLOADED while another caller is served', async () => {
  const g = gate();
  const slow = await startTestService('slow', HELD_SDL, { held: g.held, quick: () => 1 });
  const gateway = await gatewayOver({ slow }, { maxInFlightPerCaller: 2 });
  const a = bearer({ dept: 'housing', sub: 'caller-a' });
  const b = bearer({ dept: 'housing', sub: 'caller-b' });
  try {
    const held = [post(gateway.url, '{ held }', a), post(gateway.url, '{ held }', a)];
    await until("caller A's two requests reach the subgraph", () => g.entered === 2);

    const third = await timed(() => post(gateway.url, '{ quick }', a));
    expect(third.value.status).toBe(429);
    expect(third.value.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await third.value.json();
    expect(body.errors[0].extensions).toEqual({ code: 'OVERLOADED', reason: 'caller_limit' });
    expect(body.errors[0].message).toMatch(/already has 2 requests in flight/);
    expect(third.ms).toBeLessThan(AT_ONCE_MS);

    const other = await post(gateway.url, '{ quick }', b);
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ data: { quick: 1 } });
    // A bad token is still a 401 (and takes no share of anyone's).
    const anonymous = await post(gateway.url, '{ quick }');
    expect(anonymous.status).toBe(401);

    expect(await metric(gateway.base, 'xietong_requests_shed_total', { service: 'gateway', reason: 'caller_limit' })).toBe(1);
    // Labels never carry a value from the request.
    expect(await (await fetch(`${gateway.base}/metrics`)).text()).not.toContain('caller-a');

    g.open();
    for (const r of held) expect((await r).status).toBe(200);
    const again = await post(gateway.url, '{ quick }', a);
    expect(again.status).toBe(200);
  } finally {
    g.open();
    await gateway.stop();
    await slow.stop();
  }
});

test('a subgraph that sheds is OVERLOADED naming it at the gateway: 503 + Retry-After when nothing else answered, 200 with the rest otherwise', async () => {
  const g = gate();
  const slow = await startTestService('slow', HELD_SDL, { held: g.held, quick: () => 1 }, { maxInFlight: 1, maxQueued: 0, maxQueueWaitMs: 1_000 });
  const other = await startTestService('other', OTHER_SDL, { other: () => 2 });
  const gateway = await gatewayOver({ slow, other });
  const auth = bearer({ dept: 'joint', sub: 'gateway-caller' });
  try {
    // The subgraph's only slot is taken by a direct caller.
    const holding = post(slow.url, '{ held }', bearer({ dept: 'housing', sub: 'direct' }));
    await until('the subgraph is full', () => g.entered === 1);

    const only = await post(gateway.url, '{ quick }', auth);
    expect(only.status).toBe(503);
    expect(only.headers.get('retry-after')).toBe('1');
    const body = await only.json();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Subgraph "slow" is overloaded/),
        extensions: expect.objectContaining({ code: 'OVERLOADED', subgraph: 'slow', retryAfter: 1 }),
      }),
    ]);

    const partial = await post(gateway.url, '{ quick other }', auth);
    expect(partial.status).toBe(200);
    const partialBody = await partial.json();
    expect(partialBody.data).toEqual({ quick: null, other: 2 });
    expect(partialBody.errors.map((e: { extensions: { code: string; subgraph: string } }) => [e.extensions.code, e.extensions.subgraph])).toEqual([['OVERLOADED', 'slow']]);

    g.open();
    expect((await holding).status).toBe(200);
    const after = await post(gateway.url, '{ quick other }', auth);
    expect(await after.json()).toEqual({ data: { quick: 1, other: 2 } });
  } finally {
    g.open();
    await gateway.stop();
    await other.stop();
    await slow.stop();
  }
});

test('GET /metrics on a real subgraph: Prometheus text with the service metrics and Node defaults', async () => {
  const housing = await startSubgraph(housingSubgraph, await store.connect('housing'));
  try {
    const base = housing.url.replace(/\/graphql$/, '');
    const r = await post(housing.url, '{ projects(first: 1) { totalCount } }', bearer({ dept: 'housing' }));
    expect(r.status).toBe(200);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# TYPE xietong_requests_shed_total counter$/m);
    expect(text).toMatch(/^# TYPE xietong_responses_too_large_total counter$/m);
    expect(text).toMatch(/^xietong_requests_in_flight\{service="housing"\} 0$/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  } finally {
    await housing.stop();
  }
});
