/**
 * `npm start` and SUBGRAPH_URL_<NAME> (issue 22's probe: it was silently ignored). A subgraph given a
 * URL is not started here, the running lines print that URL, and the gateway routes to it (its /ready
 * asks that URL); a value that is not an http(s) URL stops the start with a message naming the variable.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { externalSubgraphUrls } from '../../lib/process/externalSubgraphs';
import { startSupervised } from '../harness/supervised';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-startopt-'));
  dirs.push(d);
  return d;
}

test('SUBGRAPH_URL_<NAME> values: http(s) URLs taken, anything else refused by name', () => {
  const env = (values: Record<string, string>) => (name: string) => values[name];
  expect(externalSubgraphUrls(['housing', 'citymgmt'], env({ SUBGRAPH_URL_CITYMGMT: 'https://citymgmt.example.gov.cn/graphql' }))).toEqual({
    citymgmt: 'https://citymgmt.example.gov.cn/graphql',
  });
  expect(() => externalSubgraphUrls(['hrss'], env({ SUBGRAPH_URL_HRSS: 'localhost:4004' }))).toThrow(/SUBGRAPH_URL_HRSS must be an http or https URL/);
  expect(() => externalSubgraphUrls(['hrss'], env({ SUBGRAPH_URL_HRSS: 'not a url' }))).toThrow(/SUBGRAPH_URL_HRSS must be the http\(s\) URL of the hrss subgraph/);
});

test('a subgraph with SUBGRAPH_URL_<NAME> is not started, and the gateway routes to that URL', async () => {
  // Stands in for a citymgmt run elsewhere: it is not ready, and says so in its own words.
  const asked: string[] = [];
  const standIn = http.createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'not ready', problems: ['stand-in citymgmt is elsewhere'] }));
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/graphql`;
  const run = await startSupervised({ dataDir: dataDir(), env: { XIETONG_SEED: 'off', HJ212_PORT: 'off', SUBGRAPH_URL_CITYMGMT: url } });
  try {
    const services = run.services();
    expect(Object.keys(services).sort()).toEqual(['environment', 'gateway', 'housing', 'hrss', 'joint', 'resources']);
    expect(run.output()).toContain(`citymgmt     ${url}  (SUBGRAPH_URL_CITYMGMT: not started here)`);
    const ready = await fetch(run.url.replace(/\/graphql$/, '/ready'));
    expect(ready.status).toBe(503);
    const problems = ((await ready.json()) as { problems: string[] }).problems;
    expect(problems).toEqual(['subgraph citymgmt not ready (503): stand-in citymgmt is elsewhere']);
    expect(asked).toContain('/ready');
  } finally {
    await run.stop();
    await new Promise((resolve) => standIn.close(resolve));
  }
}, 600_000);

test('a malformed SUBGRAPH_URL_<NAME> stops the start before anything runs, naming the variable', async () => {
  const dir = dataDir();
  await expect(startSupervised({ dataDir: dir, env: { SUBGRAPH_URL_HOUSING: 'housing:4001' }, timeoutMs: 120_000 })).rejects.toThrow(
    /start exited with 1[\s\S]*SUBGRAPH_URL_HOUSING must be an http or https URL/,
  );
  expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(false);
}, 180_000);
