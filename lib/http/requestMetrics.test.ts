/** The operation-name allow-list and how an answer's shape becomes an outcome and code labels. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { codeLabel, errorCodesOf, operationAllowList, operationLabel, outcomeOf } from './requestMetrics';

describe('operation names on the allow-list', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-ops-'));
    fs.mkdirSync(path.join(dir, 'nested'));
    const manifest = (documents: Record<string, string>) => JSON.stringify({ application: 'x', documents });
    fs.writeFileSync(path.join(dir, 'a.json'), manifest({ 'sha256:1': 'query ProjectList { projects(first: 1) { totalCount } }', 'sha256:2': 'query ProjectCard($c: String!) { project(code: $c) { code } } query { a }' }));
    fs.writeFileSync(path.join(dir, 'nested', 'b.json'), manifest({ 'sha256:3': 'mutation OpenCase { openCase { id } }' }));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'bad-doc.json'), manifest({ 'sha256:4': 'query Broken {' }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('names come from every manifest under the directory and METRICS_OPERATION_NAMES; broken files add nothing', () => {
    const allowed = operationAllowList({ manifestsDir: dir, extra: ' Dashboard, WageCheck ,' });
    expect([...allowed].sort()).toEqual(['Dashboard', 'OpenCase', 'ProjectCard', 'ProjectList', 'WageCheck']);
  });

  test('a name off the list is "other", an unnamed operation "anonymous"; a planner-generated subgraph name counts as its client operation', () => {
    const allowed = operationAllowList({ manifestsDir: dir, extra: '' });
    expect(operationLabel('ProjectCard', allowed)).toBe('ProjectCard');
    expect(operationLabel('DropTables_' + 'x'.repeat(200), allowed)).toBe('other');
    expect(operationLabel('projectcard', allowed)).toBe('other');
    expect(operationLabel(undefined, allowed)).toBe('anonymous');
    expect(operationLabel('', allowed)).toBe('anonymous');
    expect(operationLabel('ProjectCard__housing__0', allowed)).toBe('ProjectCard');
    expect(operationLabel('Evil__housing__0', allowed)).toBe('other');
  });

  test('the committed manifests put their operations on the list', () => {
    const allowed = operationAllowList({ extra: '' });
    expect(allowed.has('ProjectList')).toBe(true);
    expect(allowed.has('ProjectCard')).toBe(true);
  });

  test('a METRICS_OPERATION_NAMES entry that is not an operation name stops the service', () => {
    expect(() => operationAllowList({ manifestsDir: dir, extra: 'Good,{bad}' })).toThrow(/METRICS_OPERATION_NAMES/);
  });
});

describe('outcome and codes from the answer Apollo holds', () => {
  const answer = (singleResult: Record<string, unknown>): GraphQLResponse => ({ http: { headers: new HeaderMap(), status: undefined }, body: { kind: 'single', singleResult } });
  const err = (code?: string) => ({ message: 'm', extensions: code ? { code } : {} });
  const outcome = (r: GraphQLResponse, status = 200) => outcomeOf(r, status, errorCodesOf(r));

  test('ok, partial, error', () => {
    expect(outcome(answer({ data: { a: 1 } }))).toBe('ok');
    expect(outcome(answer({ data: { a: null }, errors: [err('FORBIDDEN')] }))).toBe('partial');
    expect(outcome(answer({ data: null, errors: [err('SUBGRAPH_UNAVAILABLE')] }))).toBe('error');
    expect(outcome(answer({ errors: [err('INTERNAL_SERVER_ERROR')] }), 500)).toBe('error');
  });

  test('refused (validation, limits, too large), unauthenticated, shed', () => {
    expect(outcome(answer({ errors: [err('GRAPHQL_VALIDATION_FAILED')] }), 400)).toBe('refused');
    expect(outcome(answer({ errors: [err('QUERY_TOO_COMPLEX')] }), 400)).toBe('refused');
    expect(outcome(answer({ data: null, errors: [err('RESPONSE_TOO_LARGE')] }))).toBe('refused');
    expect(outcome(answer({ data: null, errors: [err('UNAUTHENTICATED')] }))).toBe('unauthenticated');
    expect(outcome(answer({ data: null, errors: [err('OVERLOADED')] }), 503)).toBe('shed');
  });

  test('error codes: the answer’s own, NONE without one, OTHER for a code we do not define', () => {
    const r = answer({ data: { a: null }, errors: [err('FORBIDDEN'), err(), err('SOMETHING_A_CLIENT_MADE_UP')] });
    expect(errorCodesOf(r).map(codeLabel)).toEqual(['FORBIDDEN', 'NONE', 'OTHER']);
    expect(codeLabel('GRAPHQL_PARSE_FAILED')).toBe('GRAPHQL_PARSE_FAILED');
    expect(codeLabel('STORE_UNAVAILABLE')).toBe('STORE_UNAVAILABLE');
  });
});
