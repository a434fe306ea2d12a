/**
 * The offline explorer in a real Chromium (issue 21): the gateway serves GraphiQL at GET /graphql,
 * a person pastes a token, runs the README's first query and sees the answer, and the page never asks
 * anything of another origin. Every request is recorded: the page's own (documents, scripts, styles,
 * fonts, workers' scripts, GraphQL) and those of Monaco's workers, and a CSP violation (an attempt the
 * policy blocked) counts as one too.
 */
import type { Browser, Page } from 'puppeteer-core';
import { startSystem, type SystemHandle } from '../harness/system';
import { testToken } from '../harness/tokens';
import { waitUntil } from '../harness/wait';
import { launchChromium } from './chromium';

let system: SystemHandle;
let browser: Browser;

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem({ projects: 6, monitoringDays: 2 }), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

interface Seen {
  url: string;
  method: string;
  from: string;
}

/** Records every request of the page and of its workers, and every CSP violation it reports. */
function recordRequests(page: Page): { requests: Seen[]; graphql: { status: number; body: string }[] } {
  const requests: Seen[] = [];
  const graphql: { status: number; body: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), from: 'page' }));
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/graphql') {
      r.text().then(
        (body) => graphql.push({ status: r.status(), body }),
        () => graphql.push({ status: r.status(), body: '' }),
      );
    }
  });
  page.on('workercreated', (worker) => {
    const client = worker.client;
    client.on('Network.requestWillBeSent', (e) => requests.push({ url: e.request.url, method: e.request.method, from: `worker ${worker.url()}` }));
    client.send('Network.enable').catch(() => undefined); // a worker may already be gone
  });
  return { requests, graphql };
}

test('a person opens the explorer, gives a token, runs the first query and sees its answer; nothing leaves the origin', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  // Generous: the whole suite shares two cores with this browser.
  page.setDefaultTimeout(60_000);
  const { requests, graphql } = recordRequests(page);
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  const origin = new URL(system.gateway.url).origin;
  const response = await page.goto(system.gateway.url, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'/);

  // GraphiQL is up with the examples as tabs; without a token the gateway gave it nothing, not even the schema.
  await page.waitForSelector('.graphiql-container .graphiql-query-editor');
  await page.waitForFunction(() => document.querySelectorAll('.graphiql-tab').length >= 5);
  await page.waitForFunction(() => document.querySelector('#xt-token-status')?.className === 'xt-missing');

  await page.type('#xt-token', testToken({ dept: 'joint', purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'] }));
  await page.click('#xt-token-use');
  await page.waitForSelector('#xt-token-status.xt-ok');
  // With the token the page introspects again, for the editor's completion and the documentation.
  await waitUntil(() => graphql.some((g) => g.status === 200 && g.body.includes('"__schema"')), 'the explorer introspected with the token', 60_000);

  await page.click('.graphiql-execute-button');
  const firstCode = [...system.city.projects].map((p) => p.code).sort()[0];
  // The response editor wraps long values over lines: compare without white space.
  const shownText = () => (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\s+/g, '');
  await page.waitForFunction(`(${shownText})().includes(${JSON.stringify(firstCode)})`, { timeout: 60_000 });
  const shown = await page.evaluate(shownText);
  expect(shown).toContain(`"totalCount":${system.city.projects.length}`);
  expect(shown).not.toContain('UNAUTHENTICATED');

  // The documentation explorer lists the root fields from the schema.
  await page.click('[aria-label="Show Documentation Explorer"]');
  await page.waitForFunction(() => (document.querySelector('.graphiql-doc-explorer')?.textContent ?? '').includes('Query'));
  await page.click('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name');
  await page.waitForFunction(() => (document.querySelector('.graphiql-doc-explorer')?.textContent ?? '').includes('wageArrears'));

  const unauthenticated = graphql.filter((g) => g.status === 401);
  expect(unauthenticated.length).toBeGreaterThan(0); // the introspection sent before the token was refused
  for (const g of unauthenticated) expect(JSON.parse(g.body).data).toBeUndefined();

  const offOrigin = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:'));
  expect(offOrigin).toEqual([]);
  // What was recorded is the real traffic: the bundle, a Monaco worker's script, the GraphQL requests.
  const paths = requests.map((r) => new URL(r.url).pathname);
  expect(paths).toEqual(expect.arrayContaining(['/graphql', '/explorer/assets/explorer.js', '/explorer/assets/graphql.worker.js']));
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(errors).toEqual([]);

  // The recorder and the policy are live: a script of the page reaching for another origin (here
  // another loopback address) is blocked before any connection, and the attempt is reported.
  const attempt = await page.evaluate(() => fetch('http://127.0.0.2:9/').then(() => 'reached', () => 'blocked'));
  expect(attempt).toBe('blocked');
  await page.waitForFunction(() => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(['connect-src http://127.0.0.2:9/']);
  await page.close();
}, 240_000);
