/**
 * The contract suite: checks any deployment through its public surface — the gateway URL, and the
 * subgraph URLs when given. Used by `npm run contract -- --url …` and by the tests on a local system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInterfaceType, isObjectType, parse, print, visit, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { ROOT_DIR } from '../../lib/config';

export interface ContractTarget {
  gatewayUrl: string;
  /** A valid token for the deployment (any department). */
  token: string;
  /** Subgraph name → URL, for the per-subgraph checks. */
  subgraphs?: Record<string, string>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

async function post(url: string, body: unknown, authorization?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json };
}

function apiSchemaOfCommittedSupergraph(): GraphQLSchema {
  const sdl = fs.readFileSync(path.join(ROOT_DIR, 'schema', 'supergraph.graphql'), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

/**
 * The types an SDL defines, printed one per entry and sorted: what a subgraph promises, without the
 * federation plumbing (the served SDL spells out `@link` definitions the file imports) or formatting
 * (a description may print as a block or a one-line string).
 */
function definedTypes(sdl: string): string[] {
  const doc = visit(parse(sdl), {
    StringValue: (node) => ({ ...node, block: false }),
    FieldDefinition: (node) => (node.name.value.startsWith('_') ? null : undefined),
  });
  return doc.definitions
    .filter((d): d is Extract<typeof d, { name: { value: string } }> & { kind: string } => 'name' in d && !!d.name && /TypeDefinition$/.test(d.kind))
    .filter((d) => !/^(_|link__|federation__|join__)/.test(d.name.value))
    .map((d) => print(d))
    .sort();
}

const INTROSPECT_FIELDS = '{ __schema { types { name fields { name } } } }';

export async function runContract(target: ContractTarget): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const bearer = `Bearer ${target.token}`;
  const check = async (name: string, fn: () => Promise<string | void>) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail: detail || undefined });
    } catch (e) {
      results.push({ name, ok: false, detail: (e as Error).message });
    }
  };
  const expectTrue = (cond: boolean, message: string) => {
    if (!cond) throw new Error(message);
  };

  await check('gateway: no token → 401 UNAUTHENTICATED', async () => {
    const r = await post(target.gatewayUrl, { query: '{ __typename }' });
    expectTrue(r.status === 401 && r.json.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', `got ${r.status} ${JSON.stringify(r.json)}`);
  });
  await check('gateway: forged token → 401 UNAUTHENTICATED', async () => {
    const [h, p] = target.token.split('.');
    const r = await post(target.gatewayUrl, { query: '{ __typename }' }, `Bearer ${h}.${p}.AAAA`);
    expectTrue(r.status === 401 && r.json.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', `got ${r.status}`);
  });
  await check('gateway: serves every type and field of the committed supergraph', async () => {
    const r = await post(target.gatewayUrl, { query: INTROSPECT_FIELDS }, bearer);
    expectTrue(!r.json.errors, JSON.stringify(r.json.errors));
    const served = new Map<string, Set<string>>();
    for (const t of r.json.data.__schema.types as { name: string; fields: { name: string }[] | null }[]) served.set(t.name, new Set((t.fields ?? []).map((f) => f.name)));
    const missing: string[] = [];
    const api = apiSchemaOfCommittedSupergraph();
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!served.has(type.name)) {
        missing.push(type.name);
        continue;
      }
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.keys(type.getFields())) if (!served.get(type.name)!.has(f)) missing.push(`${type.name}.${f}`);
      }
    }
    expectTrue(missing.length === 0, `missing: ${missing.slice(0, 20).join(', ')}`);
  });
  await check('projects: first page, unknown code → null, malformed code → BAD_USER_INPUT', async () => {
    const page = await post(target.gatewayUrl, { query: '{ projects(first: 5) { totalCount edges { node { code name } } pageInfo { hasNextPage endCursor } } }' }, bearer);
    expectTrue(!page.json.errors, JSON.stringify(page.json.errors));
    const unknown = await post(target.gatewayUrl, { query: '{ project(code: "1999-000000-00-00-000000") { code } }' }, bearer);
    expectTrue(unknown.json.data?.project === null && !unknown.json.errors, `unknown code: ${JSON.stringify(unknown.json)}`);
    const bad = await post(target.gatewayUrl, { query: '{ project(code: "nope") { code } }' }, bearer);
    expectTrue(bad.json.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT', `malformed code: ${JSON.stringify(bad.json)}`);
    return `${page.json.data.projects.totalCount} projects`;
  });

  for (const [name, url] of Object.entries(target.subgraphs ?? {})) {
    await check(`${name}: _service.sdl matches schema/${name}.graphql`, async () => {
      const r = await post(url, { query: '{ _service { sdl } }' }, bearer);
      expectTrue(!r.json.errors, JSON.stringify(r.json.errors));
      const file = fs.readFileSync(path.join(ROOT_DIR, 'schema', `${name}.graphql`), 'utf8');
      const served = definedTypes(r.json.data._service.sdl);
      const expected = definedTypes(printSubgraphSchema(buildSubgraphSchema([{ typeDefs: parse(file) }])));
      const differing = expected.filter((t) => !served.includes(t)).concat(served.filter((t) => !expected.includes(t)));
      expectTrue(differing.length === 0, `served SDL differs from the file: ${differing.map((t) => t.split('\n')[0]).slice(0, 5).join(' | ')}`);
    });
    await check(`${name}: without a token → 401 and no data`, async () => {
      const r = await post(url, { query: '{ _service { sdl } }' });
      expectTrue(r.status === 401 && r.json.data === undefined, `got ${r.status}`);
    });
    await check(`${name}: _entities keeps order and gives null for unknown keys`, async () => {
      const projects = await post(target.gatewayUrl, { query: '{ projects(first: 2) { edges { node { code } } } }' }, bearer);
      const codes: string[] = projects.json.data.projects.edges.map((e: { node: { code: string } }) => e.node.code);
      const sdl = (await post(url, { query: '{ _service { sdl } }' }, bearer)).json.data._service.sdl as string;
      if (!/type Project[^{]*@key\(fields: "code"\)/.test(sdl)) return 'no Project entity in this subgraph';
      const reps = [codes[1], '1999-000000-00-00-000000', codes[0]].map((code) => ({ __typename: 'Project', code }));
      const r = await post(url, { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { code } } }', variables: { r: reps } }, bearer);
      expectTrue(!r.json.errors, JSON.stringify(r.json.errors));
      const got = r.json.data._entities.map((e: { code?: string } | null) => e?.code ?? null);
      // A subgraph that does not own the registry may answer any key; order must hold either way.
      expectTrue(got[0] === codes[1] && got[2] === codes[0], `order not kept: ${JSON.stringify(got)}`);
      expectTrue(got[1] === null || got[1] === '1999-000000-00-00-000000', `unknown key: ${JSON.stringify(got[1])}`);
    });
  }
  return results;
}
