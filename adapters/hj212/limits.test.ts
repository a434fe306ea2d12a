/** The listener's limits from the environment: defaults, overrides, and values that would break it refused. */
import { DEFAULT_HJ212_LIMITS, hj212LimitsFromEnv } from './limits';

const NAMES = ['HJ212_MAX_CONNECTIONS', 'HJ212_MAX_CONNECTIONS_PER_ADDRESS', 'HJ212_IDLE_TIMEOUT_SECONDS', 'HJ212_MAX_LINE_BYTES', 'HJ212_REJECT_BUDGET'];
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

test('defaults when nothing is set', () => {
  for (const n of NAMES) delete process.env[n];
  expect(hj212LimitsFromEnv()).toEqual(DEFAULT_HJ212_LIMITS);
  expect(DEFAULT_HJ212_LIMITS).toEqual({ maxConnections: 2000, maxConnectionsPerAddress: 50, idleTimeoutMs: 300_000, maxLineBytes: 4096, rejectBudget: 100 });
});

test('each variable overrides its limit; an idle timeout of 0 means none', () => {
  Object.assign(process.env, {
    HJ212_MAX_CONNECTIONS: '10', HJ212_MAX_CONNECTIONS_PER_ADDRESS: '3', HJ212_IDLE_TIMEOUT_SECONDS: '0', HJ212_MAX_LINE_BYTES: '2048', HJ212_REJECT_BUDGET: '7',
  });
  expect(hj212LimitsFromEnv()).toEqual({ maxConnections: 10, maxConnectionsPerAddress: 3, idleTimeoutMs: 0, maxLineBytes: 2048, rejectBudget: 7 });
});

test.each([
  ['HJ212_MAX_CONNECTIONS', '0', /HJ212_MAX_CONNECTIONS must be at least 1/],
  ['HJ212_REJECT_BUDGET', '-1', /HJ212_REJECT_BUDGET must be at least 1/],
  ['HJ212_MAX_LINE_BYTES', '1000', /HJ212_MAX_LINE_BYTES must be at least 1036/],
  ['HJ212_IDLE_TIMEOUT_SECONDS', '1.5', /must be an integer/],
])('%s=%s is refused', (name, value, message) => {
  process.env[name] = value;
  expect(() => hj212LimitsFromEnv()).toThrow(message);
});
