/** The contract suite itself, run against a local deployment of the whole graph. */
import { startSystem, type SystemHandle } from '../harness/system';
import { testToken } from '../harness/tokens';
import { runContract } from './checks';

let system: SystemHandle;
beforeAll(async () => {
  system = await startSystem({ projects: 8 });
}, 120_000);
afterAll(() => system?.stop());

test('every contract check passes on a local deployment', async () => {
  const results = await runContract({
    gatewayUrl: system.gateway.url,
    token: testToken({ dept: 'joint' }),
    subgraphs: system.subgraphUrls,
  });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.length).toBeGreaterThan(4 + 3 * Object.keys(system.subgraphUrls).length - 1);
});

test('a failing check is reported, not hidden', async () => {
  const results = await runContract({ gatewayUrl: system.gateway.url, token: 'not-a-token' });
  expect(results.find((r) => r.name.startsWith('projects'))).toMatchObject({ ok: false });
});
