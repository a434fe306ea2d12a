/**
 * Checks at the gateway: the token rejections and error codes of DESIGN §5, the served schema against
 * the committed supergraph, and the first example queries of §4.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, isInterfaceType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { ROOT_DIR } from '../../lib/config';
import { brief, claimsOf, post, unsignedVariants, type Answer } from './http';
import { Checks, expectTrue, Skip } from './results';

export interface GatewayUnderTest {
  url: string;
  token: string;
  expiredToken?: string;
}

export function apiSchemaOfCommittedSupergraph(): GraphQLSchema {
  const sdl = fs.readFileSync(path.join(ROOT_DIR, 'schema', 'supergraph.graphql'), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

const INTROSPECT_FIELDS = '{ __schema { types { name fields { name } } } }';

function codeOf(answer: Answer): string | undefined {
  return answer.json.errors?.[0]?.extensions?.code;
}

/** 401 with UNAUTHENTICATED and no data: what every service answers a token it cannot accept. */
export function expectUnauthenticated(answer: Answer, reason?: RegExp): void {
  expectTrue(answer.status === 401 && codeOf(answer) === 'UNAUTHENTICATED' && answer.json.data === undefined, `expected 401 UNAUTHENTICATED without data: ${brief(answer)}`);
  if (reason) expectTrue(reason.test(answer.json.errors[0].message), `refused for another reason: ${answer.json.errors[0].message}`);
}

/** An expired token is refused for its expiry, not for a bad signature (which would prove nothing). */
export const EXPIRED = /expired/i;

export async function gatewayChecks(checks: Checks, gw: GatewayUnderTest): Promise<void> {
  const bearer = `Bearer ${gw.token}`;
  const suite = 'gateway';

  for (const variant of unsignedVariants(gw.token)) {
    await checks.run(suite, `${variant.name} → 401 UNAUTHENTICATED`, async () => {
      expectUnauthenticated(await post(gw.url, { query: '{ __typename }' }, variant.authorization));
    });
  }
  await checks.run(suite, 'expired token → 401 UNAUTHENTICATED', async () => {
    if (!gw.expiredToken) throw new Skip('pass --expired-token (npm run token -- … --ttl -1m)');
    expectUnauthenticated(await post(gw.url, { query: '{ __typename }' }, `Bearer ${gw.expiredToken}`), EXPIRED);
  });
  await checks.run(suite, 'the given token is accepted', async () => {
    const r = await post(gw.url, { query: '{ __typename }' }, bearer);
    expectTrue(r.status === 200 && r.json.data?.__typename === 'Query', `the suite's own token is refused: ${brief(r)}`);
  });

  await checks.run(suite, 'serves every type and field of the committed supergraph', async () => {
    const r = await post(gw.url, { query: INTROSPECT_FIELDS }, bearer);
    expectTrue(!r.json.errors, brief(r));
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
    return `${Object.keys(api.getTypeMap()).length} types`;
  });

  await checks.run(suite, 'projects: first page; unknown code → null; malformed code → BAD_USER_INPUT', async () => {
    const page = await post(gw.url, { query: '{ projects(first: 5) { totalCount edges { node { code name } } pageInfo { hasNextPage endCursor } } }' }, bearer);
    expectTrue(!page.json.errors && page.json.data?.projects, brief(page));
    const unknown = await post(gw.url, { query: '{ project(code: "1999-000000-00-00-000000") { code } }' }, bearer);
    expectTrue(unknown.json.data?.project === null && !unknown.json.errors, `unknown code: ${brief(unknown)}`);
    const bad = await post(gw.url, { query: '{ project(code: "nope") { code } }' }, bearer);
    expectTrue(codeOf(bad) === 'BAD_USER_INPUT', `malformed code: ${brief(bad)}`);
    return `${page.json.data.projects.totalCount} projects`;
  });

  await checks.run(suite, 'project(code) and enterprise(uscc): one query answered by every department holding a part', async () => {
    const first = await post(gw.url, { query: '{ projects(first: 1) { edges { node { code participants { enterprise { uscc } } } } } }' }, bearer);
    const node = first.json.data?.projects?.edges?.[0]?.node;
    if (!node) throw new Skip(`no project in this deployment: ${brief(first)}`);
    const project = await post(
      gw.url,
      { query: 'query($c: String!) { project(code: $c) { code name complaintCount workforce stations { mn } planningPermits { __typename } } }', variables: { c: node.code } },
      bearer,
    );
    const p = project.json.data?.project;
    expectTrue(p && !project.json.errors, `project: ${brief(project)}`);
    expectTrue(typeof p.name === 'string' && typeof p.complaintCount === 'number' && Array.isArray(p.planningPermits), `a department's part is missing: ${brief(project)}`);
    const uscc = node.participants?.[0]?.enterprise?.uscc;
    if (!uscc) return `project ${node.code}`;
    const enterprise = await post(gw.url, { query: 'query($u: String!) { enterprise(uscc: $u) { uscc name workforce totalPenaltyAmount } }', variables: { u: uscc } }, bearer);
    const e = enterprise.json.data?.enterprise;
    expectTrue(e && !enterprise.json.errors && e.uscc === uscc && typeof e.totalPenaltyAmount === 'number', `enterprise: ${brief(enterprise)}`);
    return `project ${node.code}, enterprise ${uscc}`;
  });

  await checks.run(suite, 'a field not shared with the caller → null and FORBIDDEN naming it, the rest intact', async () => {
    const dept = claimsOf(gw.token).dept;
    const catalog = await post(gw.url, { query: '{ catalog { subgraph type field level } }' }, bearer);
    expectTrue(!catalog.json.errors, brief(catalog));
    // An OWNER_ONLY field of another department on Project or on an object one Project field away.
    const project = apiSchemaOfCommittedSupergraph().getType('Project');
    if (!isObjectType(project)) throw new Skip('no Project type');
    const paths = new Map<string, string>([['Project', '']]);
    for (const f of Object.values(project.getFields())) {
      const named = getNamedType(f.type);
      if (isObjectType(named) && !f.args.some((a) => isNonNullType(a.type)) && !paths.has(named.name)) paths.set(named.name, f.name);
    }
    const closed = (catalog.json.data.catalog as { subgraph: string; type: string; field: string; level: string }[]).filter(
      (f) => f.level === 'OWNER_ONLY' && f.subgraph !== dept && paths.has(f.type),
    );
    for (const c of closed) {
      const via = paths.get(c.type)!;
      const selection = via ? `${via} { ${c.field} }` : c.field;
      const page = await post(gw.url, { query: `{ projects(first: 20) { edges { node { code ${selection} } } } }` }, bearer);
      const nodes = (page.json.data?.projects?.edges ?? []).map((e: { node: Record<string, any> }) => e.node);
      const i = nodes.findIndex((n: Record<string, any>) => (via ? [n[via]].flat().some((o) => o) : true));
      if (i < 0) continue; // no project has that object here: try the next field
      const value = via ? [nodes[i][via]].flat().find((o) => o)[c.field] : nodes[i][c.field];
      const error = (page.json.errors ?? []).find((e: { extensions?: { code?: string } }) => e.extensions?.code === 'FORBIDDEN');
      expectTrue(typeof nodes[i].code === 'string' && value === null, `the rest of the answer is not intact or ${c.type}.${c.field} was answered: ${brief(page)}`);
      expectTrue(error && JSON.stringify(error).includes(c.field), `no FORBIDDEN error naming ${c.type}.${c.field}: ${brief(page)}`);
      return `${c.type}.${c.field} (${c.subgraph}, OWNER_ONLY)`;
    }
    throw new Skip(`no OWNER_ONLY field of another department than the token's (${String(dept)}) within reach of a project`);
  });

  await checks.run(suite, 'a query past the limits → QUERY_TOO_COMPLEX, nothing run', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ');
    const r = await post(gw.url, { query: `{ ${aliases} }` }, bearer);
    expectTrue(codeOf(r) === 'QUERY_TOO_COMPLEX' && !r.json.data, `500 aliases: ${brief(r)}`);
  });
}
