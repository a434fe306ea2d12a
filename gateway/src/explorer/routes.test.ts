/**
 * The explorer's routes on a real gateway (static supergraph, subgraphs not needed): a browser's GET
 * gets the page with its CSP, API clients' GETs and POSTs are answered by GraphQL as before (401 with
 * no token, introspection with one), the bundle is served from the build, and a missing build says how
 * to make it. The example tabs validate against the published schema; the README's first query is one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { buildSchema, parse, validate } from 'graphql';
import { ROOT_DIR } from '../../../lib/config';
import { startGateway, type GatewayHandle } from '../../../test/harness/services';
import { bearer } from '../../../test/harness/tokens';
import { EXAMPLE_OPERATIONS, README_FIRST_QUERY } from './examples';
import { explorerRoutes, wantsHtml } from './routes';
import { EXPLORER_CSP } from './page';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
let gateway: GatewayHandle;
let base: string;

beforeAll(async () => {
  gateway = await startGateway({ housing: 'http://127.0.0.1:9/graphql', resources: 'http://127.0.0.1:9/graphql', citymgmt: 'http://127.0.0.1:9/graphql', hrss: 'http://127.0.0.1:9/graphql', environment: 'http://127.0.0.1:9/graphql', joint: 'http://127.0.0.1:9/graphql' });
  base = gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => gateway?.stop());

test('a browser asking for /graphql gets the explorer page with a strict CSP and no inline script', async () => {
  const r = await request(base).get('/graphql').set('accept', BROWSER_ACCEPT);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toMatch(/^text\/html/);
  expect(r.headers['content-security-policy']).toBe(EXPLORER_CSP);
  expect(EXPLORER_CSP).toMatch(/default-src 'none'/);
  expect(EXPLORER_CSP).toMatch(/script-src 'self'(;|$)/);
  expect(r.text).toContain('<script type="module" src="explorer/assets/explorer.js">');
  // The only other script element is the settings block, which is data (JSON), not code.
  const scripts = [...r.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.filter((a) => !/src="explorer\/assets\//.test(a))).toEqual([' type="application/json" id="explorer-settings"']);
  expect(r.text).not.toMatch(/https?:\/\//);
});

test('API clients are answered by GraphQL as before: JSON GET and POST without a token are 401, with one they introspect', async () => {
  const get = await request(base).get('/graphql').query({ query: '{ __typename }' }).set('accept', 'application/json');
  expect(get.status).toBe(401);
  expect(get.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  const noAccept = await request(base).get('/graphql').query({ query: '{ __typename }' });
  expect(noAccept.status).toBe(401);
  const post = await request(base).post('/graphql').set('accept', BROWSER_ACCEPT).send({ query: '{ __schema { queryType { name } } }' });
  expect(post.status).toBe(401);
  const ok = await gateway.query('{ __schema { queryType { name } } }', undefined, bearer({ dept: 'public' }));
  expect(ok.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
});

test('the bundle is served from the build with the same headers; unknown or unsafe names are 404', async () => {
  const js = await request(base).get('/explorer/assets/explorer.js');
  expect(js.status).toBe(200);
  expect(js.headers['content-type']).toMatch(/^text\/javascript/);
  expect(js.headers['content-security-policy']).toBe(EXPLORER_CSP);
  const again = await request(base).get('/explorer/assets/explorer.js').set('if-none-match', js.headers.etag);
  expect(again.status).toBe(304);
  for (const name of ['nothing.js', '..%2Fbuild.sha256', 'build.sha256']) expect((await request(base).get(`/explorer/assets/${name}`)).status).toBe(404);
});

test('without a build the page says how to make one', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-no-explorer-'));
  const routes = explorerRoutes({ buildDir: empty });
  const server = http.createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const r = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).get('/graphql').set('accept', BROWSER_ACCEPT);
    expect(r.status).toBe(503);
    expect(r.text).toMatch(/npm run setup/);
  } finally {
    server.close();
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test.each([
  ['a browser navigating', BROWSER_ACCEPT, true],
  ['JSON first', 'application/json, text/html', false],
  ['GraphQL over HTTP', 'application/graphql-response+json', false],
  ['anything', '*/*', false],
  ['nothing', undefined, false],
])('wantsHtml: %s', (_what, accept, expected) => {
  expect(wantsHtml({ method: 'GET', headers: accept ? { accept } : {} } as http.IncomingMessage)).toBe(expected);
});

test('every example tab validates against the published schema, and the README first query is the first tab', () => {
  const schema = buildSchema(fs.readFileSync(path.join(ROOT_DIR, 'schema', 'released', 'schema.graphql'), 'utf8'));
  for (const example of EXAMPLE_OPERATIONS) expect({ name: example.name, errors: validate(schema, parse(example.query)).map((e) => e.message) }).toEqual({ name: example.name, errors: [] });
  const readme = fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');
  expect(readme).toContain(`"query":"${README_FIRST_QUERY}"`);
  expect(EXAMPLE_OPERATIONS[0].query).toContain('query FirstQuery');
});
