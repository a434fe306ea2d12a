/**
 * Metrics and access logs (issue 22) over the whole graph (startSystem): after real queries through a
 * gateway, its /metrics and a subgraph's show the request, error-code and operation counters moved with the
 * right labels — a refused query as refused, one without a token as unauthenticated — the latency histogram
 * has its buckets, the demo city's ingest shows in xietong_ingest_records_total, and one access-log line per
 * /graphql request says who asked what and how it ended. The lines are read from a pino logger writing to a
 * stream of this test (the gateway's `logger` option); personal fields are redacted.
 */
import request from 'supertest';
import { createGateway } from '../../gateway/src/server';
import { createLogger } from '../../lib/log';
import { startSystem, type SystemHandle } from '../harness/system';
import { composeFor } from '../harness/services';
import { bearer, testTokenSettings } from '../harness/tokens';

let system: SystemHandle;
let base: string;
let stopGateway: () => Promise<void>;
const lines: Record<string, unknown>[] = [];
const sink = { write: (s: string) => void lines.push(JSON.parse(s)) };

beforeAll(async () => {
  system = await startSystem({ projects: 3, monitoringDays: 1 });
  const gateway = await createGateway({ tokens: testTokenSettings(), supergraphSdl: composeFor(system.subgraphUrls), logger: createLogger(sink, 'info') });
  base = (await gateway.listen(0)).url.replace(/\/graphql$/, '');
  stopGateway = () => gateway.stop();
}, 180_000);
afterAll(async () => {
  await stopGateway?.();
  await system?.stop();
});

type Labels = Record<string, string>;
/** The sum of the samples of `name` whose labels include `labels`, in Prometheus text. */
function sample(text: string, name: string, labels: Labels = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have: Labels = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) have[l[1]] = l[2];
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(m[3]);
  }
  return sum;
}
const scrape = async (url: string) => (await request(url).get('/metrics').expect(200)).text;

const README = '{ projects(first: 3) { totalCount edges { node { code name approvedFloorArea reportedFloorArea complaintCount workforce stations { mn } } } } }';
const joint = bearer({ dept: 'joint', purposes: ['wage-enforcement', 'pollution-enforcement', 'planning-supervision'] });
const post = (body: object, headers: Record<string, string> = {}) => request(base).post('/graphql').set(headers).send(body);

test('queries move the gateway’s and a subgraph’s counters with the right labels; refused and unauthenticated are told apart', async () => {
  const housing = system.subgraphUrls.housing.replace(/\/graphql$/, '');
  const before = await scrape(base);
  const housingBefore = await scrape(housing);

  const readme = await post({ query: README }, { authorization: joint, 'x-request-id': 'readme-1' });
  expect(readme.status).toBe(200);
  expect(readme.body.data.projects.totalCount).toBe(3);
  const card = await post({ query: 'query ProjectCard($code: String!) { project(code: $code) { code name } }', variables: { code: system.city.projects[0].code }, operationName: 'ProjectCard' }, { authorization: bearer({ dept: 'hrss' }) });
  expect(card.body.data.project.code).toBe(system.city.projects[0].code);
  const secret = await post({ query: 'query SecretInternalName { projects(first: 1) { totalCount } }' }, { authorization: joint });
  expect(secret.body.errors).toBeUndefined();
  const refused = await post({ query: '{ projects(' }, { authorization: joint });
  expect(refused.status).toBe(400);
  const anonymous = await post({ query: README });
  expect(anonymous.status).toBe(401);

  const after = await scrape(base);
  const moved = (name: string, labels: Labels) => sample(after, name, labels) - sample(before, name, labels);
  const gw = { service: 'gateway' };
  // The three answered queries (other traffic of this process, e.g. joint's, may add to the same series).
  const answered = moved('xietong_graphql_requests_total', { ...gw, operation_type: 'query', outcome: 'ok' }) + moved('xietong_graphql_requests_total', { ...gw, operation_type: 'query', outcome: 'partial' });
  expect(answered).toBeGreaterThanOrEqual(3);
  expect(moved('xietong_graphql_requests_total', { ...gw, operation_type: 'none', outcome: 'refused' })).toBeGreaterThanOrEqual(1);
  expect(moved('xietong_graphql_requests_total', { ...gw, operation_type: 'none', outcome: 'unauthenticated' })).toBeGreaterThanOrEqual(1);
  expect(moved('xietong_graphql_errors_total', { ...gw, code: 'GRAPHQL_PARSE_FAILED' })).toBeGreaterThanOrEqual(1);
  expect(moved('xietong_graphql_errors_total', { ...gw, code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
  // Operation names: a registered one by name, an unregistered one as "other", never its own series.
  expect(moved('xietong_graphql_operations_total', { ...gw, operation: 'ProjectCard' })).toBe(1);
  expect(moved('xietong_graphql_operations_total', { ...gw, operation: 'other' })).toBeGreaterThanOrEqual(1);
  expect(moved('xietong_graphql_operations_total', { ...gw, operation: 'anonymous' })).toBeGreaterThanOrEqual(2);
  expect(after).not.toContain('SecretInternalName');
  // The latency histogram: every answered query in a bucket, up to 30 s.
  expect(moved('xietong_graphql_request_duration_seconds_count', { ...gw, operation_type: 'query' })).toBeGreaterThanOrEqual(3);
  expect(sample(after, 'xietong_graphql_request_duration_seconds_bucket', { ...gw, operation_type: 'query', le: '30' })).toBe(sample(after, 'xietong_graphql_request_duration_seconds_count', { ...gw, operation_type: 'query' }));
  expect(sample(after, 'xietong_graphql_request_duration_seconds_bucket', { ...gw, le: '0.005' })).toBeGreaterThanOrEqual(0);

  // housing served its part of each query, counted under its own service label, ProjectCard by the client's name.
  const housingAfter = await scrape(housing);
  const housingMoved = (name: string, labels: Labels) => sample(housingAfter, name, labels) - sample(housingBefore, name, labels);
  expect(housingMoved('xietong_graphql_requests_total', { service: 'housing' })).toBeGreaterThanOrEqual(3);
  expect(housingMoved('xietong_graphql_operations_total', { service: 'housing', operation: 'ProjectCard' })).toBe(1);
  // Node's default metrics are there too.
  expect(sample(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  expect(after).toMatch(/^nodejs_heap_size_used_bytes /m);

  // One access-log line per /graphql request (5), none for /metrics; each says who, what, how long, how it ended.
  const ours = lines.filter((l) => l.msg === 'graphql request' && l.service === 'gateway');
  expect(ours).toHaveLength(5);
  const [l1, l2, l3, l4, l5] = ours;
  expect(l1).toMatchObject({
    level: 'info', requestId: readme.headers['x-request-id'], clientRequestId: 'readme-1', sub: 'test-joint', dept: 'joint',
    operationType: 'query', status: 200, outcome: expect.stringMatching(/^(ok|partial)$/), durationMs: expect.any(Number),
  });
  expect(l1.subgraphs).toEqual(expect.arrayContaining(['housing', 'resources', 'citymgmt', 'hrss', 'environment']));
  expect(l1.operationName).toBeUndefined();
  expect(l2).toMatchObject({ requestId: card.headers['x-request-id'], dept: 'hrss', operationName: 'ProjectCard', outcome: 'ok', subgraphs: ['housing'] });
  expect(l3).toMatchObject({ operationName: 'SecretInternalName', outcome: 'ok' });
  expect(l4).toMatchObject({ operationType: 'none', status: 400, outcome: 'refused', errors: ['GRAPHQL_PARSE_FAILED'] });
  expect(l5).toMatchObject({ operationType: 'none', status: 401, outcome: 'unauthenticated', errors: ['UNAUTHENTICATED'] });
  expect(l5.sub).toBeUndefined();
  expect(JSON.stringify(ours)).not.toContain(joint.slice(7, 40)); // no token in any line
});

test('the ingest of the demo city shows in xietong_ingest_records_total, by source and outcome', async () => {
  const text = await scrape(base);
  expect(sample(text, 'xietong_ingest_records_total', { outcome: 'accepted' })).toBeGreaterThan(0);
  const sources = new Set([...text.matchAll(/^xietong_ingest_records_total\{[^}]*source="([^"]+)"/gm)].map((m) => m[1]));
  expect(sources.size).toBeGreaterThanOrEqual(3);
  for (const m of text.matchAll(/^xietong_ingest_records_total\{[^}]*outcome="([^"]+)"/gm)) expect(['accepted', 'duplicate', 'updated', 'rejected']).toContain(m[1]);
});

test('personal fields are redacted in every log line, wherever a caller puts them', () => {
  const seen: string[] = [];
  const logger = createLogger({ write: (s: string) => void seen.push(s) }, 'info');
  logger.info({ authorization: 'Bearer eyJsecret', worker: { idNumber: '371302199001011234', phone: '13800138000', bankAccount: '6222020200112233445', name: '张三' }, headers: { authorization: 'Bearer x' } }, 'quarantined');
  const line = JSON.parse(seen[0]);
  expect(line.authorization).toBe('[redacted]');
  expect(line.worker).toEqual({ idNumber: '[redacted]', phone: '[redacted]', bankAccount: '[redacted]', name: '[redacted]' });
  expect(line.headers.authorization).toBe('[redacted]');
  expect(seen[0]).not.toMatch(/371302199001011234|13800138000|6222020200112233445|张三|eyJsecret/);
});
