/**
 * The breaker's rule on a clock the test moves: N failures in a row open it, an open breaker refuses
 * without running the action, one trial at a time after the reset time, success closes it and failure
 * reopens it; outcomes that are not failures reset the count. (End-to-end: test/e2e/resilience.test.ts.)
 */
import { CircuitBreaker, CircuitOpenError, type BreakerState } from './breaker';

function setup(failures = 3, resetMs = 1000) {
  let now = 0;
  const changes: BreakerState[] = [];
  const breaker = new CircuitBreaker({ failures, resetMs }, (s) => changes.push(s), () => now);
  let calls = 0;
  const run = (outcome: 'ok' | 'fail' | 'neutral') =>
    breaker.call(
      async () => {
        calls += 1;
        if (outcome !== 'ok') throw new Error(outcome);
        return 'answer';
      },
      (o) => 'error' in o && (o.error as Error).message === 'fail',
    ).catch((e: unknown) => e);
  return { breaker, run, changes, calls: () => calls, advance: (ms: number) => (now += ms) };
}

test('opens after N failures in a row, and then refuses without running the action', async () => {
  const b = setup(3);
  await b.run('fail');
  await b.run('fail');
  expect(b.breaker.state).toBe('closed');
  await b.run('fail');
  expect(b.breaker.state).toBe('open');
  expect(b.changes).toEqual(['open']);
  const refused = await b.run('ok');
  expect(refused).toBeInstanceOf(CircuitOpenError);
  expect((refused as CircuitOpenError).retryAfterMs).toBe(1000);
  expect(b.calls()).toBe(3);
});

test('a success or an outcome that is not a failure resets the count', async () => {
  const b = setup(3);
  for (const o of ['fail', 'fail', 'ok', 'fail', 'fail', 'neutral', 'fail', 'fail'] as const) await b.run(o);
  expect(b.breaker.state).toBe('closed');
  await b.run('fail');
  expect(b.breaker.state).toBe('open');
});

test('half-open after the reset time: one trial at a time; its success closes the breaker', async () => {
  const b = setup(2, 1000);
  await b.run('fail');
  await b.run('fail');
  b.advance(999);
  expect(b.breaker.state).toBe('open');
  b.advance(1);
  expect(b.breaker.state).toBe('half_open');
  let release!: () => void;
  const trial = b.breaker.call(() => new Promise<string>((r) => (release = () => r('answer'))), () => false);
  // While the trial runs, others are refused at once.
  expect(await b.run('ok')).toBeInstanceOf(CircuitOpenError);
  release();
  expect(await trial).toBe('answer');
  expect(b.breaker.state).toBe('closed');
  expect(b.changes).toEqual(['open', 'half_open', 'closed']);
  expect(await b.run('ok')).toBe('answer');
});

test("a failed trial opens it for another reset time; a fetch that began before it opened changes nothing", async () => {
  const b = setup(2, 1000);
  let late!: () => void;
  const slow = b.breaker.call(() => new Promise<string>((r) => (late = () => r('late'))), () => false);
  await b.run('fail');
  await b.run('fail');
  late();
  await slow; // a success that started before the breaker opened does not close it
  expect(b.breaker.state).toBe('open');
  b.advance(1000);
  expect(await b.run('fail')).toEqual(new Error('fail'));
  expect(b.breaker.state).toBe('open');
  b.advance(999);
  expect(await b.run('ok')).toBeInstanceOf(CircuitOpenError);
  b.advance(1);
  expect(await b.run('ok')).toBe('answer');
  expect(b.changes).toEqual(['open', 'half_open', 'open', 'half_open', 'closed']);
});

test('SUBGRAPH_BREAKER_FAILURES=0 turns it off', async () => {
  const b = setup(0);
  for (let i = 0; i < 10; i++) await b.run('fail');
  expect(b.breaker.state).toBe('closed');
  expect(await b.run('ok')).toBe('answer');
});
