/** The admission semaphore and the per-caller share, without HTTP (the front's tests: test/e2e/shedding.test.ts). */
import { Abandoned, Admission, admissionLimitsFromEnv, CallerLimit, retryAfterSeconds, Shed } from './admission';

const settle = <T>(p: Promise<T>) => p.then((v) => ({ ok: true as const, v }), (e: Error) => ({ ok: false as const, e }));

test('runs up to maxInFlight, queues up to maxQueued, refuses the rest at once with reason in_flight', async () => {
  const a = new Admission({ maxInFlight: 2, maxQueued: 1, maxQueueWaitMs: 60_000 });
  const r1 = await a.acquire();
  const r2 = await a.acquire();
  const third = a.acquire();
  expect([a.inFlight, a.queued]).toEqual([2, 1]);
  const fourth = await settle(a.acquire());
  expect(fourth.ok).toBe(false);
  expect(fourth.ok || (fourth.e as Shed).reason).toBe('in_flight');
  // A freed slot goes to the waiting request; releasing twice frees one slot only.
  r1();
  r1();
  const r3 = await third;
  expect([a.inFlight, a.queued]).toEqual([2, 0]);
  r2();
  r3();
  expect(a.inFlight).toBe(0);
});

test('a freed slot goes to the request that waited least (LIFO: under overload the oldest time out, the served ones barely wait)', async () => {
  const a = new Admission({ maxInFlight: 1, maxQueued: 3, maxQueueWaitMs: 60_000 });
  const first = await a.acquire();
  const order: number[] = [];
  const waiting = [1, 2, 3].map((i) => a.acquire().then((release) => { order.push(i); release(); }));
  first();
  await Promise.all(waiting);
  expect(order).toEqual([3, 2, 1]);
});

test('a waiter past maxQueueWaitMs is refused with reason queue_timeout and leaves the queue', async () => {
  const a = new Admission({ maxInFlight: 1, maxQueued: 5, maxQueueWaitMs: 30 });
  const held = await a.acquire();
  const t0 = Date.now();
  const r = await settle(a.acquire());
  expect(r.ok || (r.e as Shed).reason).toBe('queue_timeout');
  expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  expect(a.queued).toBe(0);
  held();
  expect(a.inFlight).toBe(0);
});

test('a waiter whose signal aborts (client gone) leaves the queue and never takes a slot', async () => {
  const a = new Admission({ maxInFlight: 1, maxQueued: 5, maxQueueWaitMs: 60_000 });
  const held = await a.acquire();
  const gone = new AbortController();
  const waiting = settle(a.acquire(gone.signal));
  const next = a.acquire();
  gone.abort();
  const r = await waiting;
  expect(r.ok === false && r.e instanceof Abandoned).toBe(true);
  expect(a.queued).toBe(1);
  held();
  (await next)();
  expect([a.inFlight, a.queued]).toEqual([0, 0]);
});

test('changed() reports every move of the counts (for the gauges)', async () => {
  const seen: [number, number][] = [];
  const a = new Admission({ maxInFlight: 1, maxQueued: 1, maxQueueWaitMs: 60_000 }, { changed: (r, w) => seen.push([r, w]) });
  const r1 = await a.acquire();
  const p = a.acquire();
  r1();
  (await p)();
  expect(seen[seen.length - 1]).toEqual([0, 0]);
  expect(seen).toContainEqual([1, 1]);
});

test('a caller past its share is refused; another caller is not affected; entries go when the count is 0', () => {
  const c = new CallerLimit(2);
  expect(c.tryEnter('a')).toBe(true);
  expect(c.tryEnter('a')).toBe(true);
  expect(c.tryEnter('a')).toBe(false);
  expect(c.tryEnter('b')).toBe(true);
  c.leave('a');
  expect(c.tryEnter('a')).toBe(true);
  c.leave('a');
  c.leave('a');
  c.leave('b');
  expect([c.inFlight('a'), c.inFlight('b')]).toEqual([0, 0]);
});

describe('settings from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('defaults, and MAX_IN_FLIGHT / MAX_QUEUED / MAX_QUEUE_WAIT_MS when set', () => {
    delete process.env.MAX_IN_FLIGHT;
    delete process.env.MAX_QUEUED;
    delete process.env.MAX_QUEUE_WAIT_MS;
    expect(admissionLimitsFromEnv()).toEqual({ maxInFlight: 64, maxQueued: 128, maxQueueWaitMs: 2000 });
    Object.assign(process.env, { MAX_IN_FLIGHT: '4', MAX_QUEUED: '0', MAX_QUEUE_WAIT_MS: '500' });
    expect(admissionLimitsFromEnv()).toEqual({ maxInFlight: 4, maxQueued: 0, maxQueueWaitMs: 500 });
    expect(retryAfterSeconds(admissionLimitsFromEnv())).toBe(1);
    process.env.MAX_IN_FLIGHT = '0';
    expect(() => admissionLimitsFromEnv()).toThrow(/MAX_IN_FLIGHT must be at least 1/);
  });
});
