/** The subgraph children's event-loop figures: long stretches and GC pauses are counted. */
import { watchLoop } from './loopWatch';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* the loop runs nothing else meanwhile */
  }
}

test('a stretch in which the loop runs one callback for 40 ms is counted, with its length', async () => {
  const watch = watchLoop(10);
  await pause(5);
  blockFor(40);
  await pause(5);
  const figures = watch.stop();
  expect(figures.longStretches.longMs).toBe(10);
  expect(figures.longStretches.count).toBeGreaterThanOrEqual(1);
  expect(figures.longStretches.maxMs).toBeGreaterThanOrEqual(40);
  expect(figures.longStretches.ms).toBeGreaterThanOrEqual(figures.longStretches.maxMs);
});

test('stretches shorter than the threshold are not counted', async () => {
  const watch = watchLoop(500);
  await pause(5);
  blockFor(40);
  await pause(5);
  expect(watch.stop().longStretches).toMatchObject({ longMs: 500, count: 0, ms: 0 });
});

test('garbage-collection pauses are counted by kind', async () => {
  const watch = watchLoop();
  let keep: unknown[] = [];
  for (let round = 0; round < 20; round++) keep = Array.from({ length: 100_000 }, (_, i) => ({ i, s: `x${i}` }));
  expect(keep).toHaveLength(100_000);
  await pause(20); // GC entries reach the observer asynchronously
  const { gc } = watch.stop();
  expect(gc.minor.count).toBeGreaterThanOrEqual(1);
  expect(gc.minor.ms).toBeGreaterThan(0);
  expect(gc.minor.maxMs).toBeLessThanOrEqual(gc.minor.ms);
});
