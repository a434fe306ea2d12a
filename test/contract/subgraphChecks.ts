/**
 * Checks at one subgraph, called directly as any client could (zero trust: DESIGN §5): its served SDL
 * against schema/<name>.graphql, the token rejections, and `_entities` for every entity it declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { ROOT_DIR } from '../../lib/config';
import { declaredEntities } from './entities';
import { entityChecks, type SubgraphUnderTest } from './entityChecks';
import { EXPIRED, expectUnauthenticated } from './gatewayChecks';
import { brief, post, unsignedVariants } from './http';
import { Checks, expectTrue, Skip } from './results';

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

export async function subgraphChecks(
  checks: Checks,
  sg: SubgraphUnderTest & { token: string; expiredToken?: string },
  knownKeys: Map<string, string[]>,
): Promise<void> {
  let sdl: string | undefined;
  await checks.run(sg.name, `_service.sdl matches schema/${sg.name}.graphql`, async () => {
    const r = await post(sg.url, { query: '{ _service { sdl } }' }, sg.authorization);
    expectTrue(!r.json.errors && typeof r.json.data?._service?.sdl === 'string', brief(r));
    sdl = r.json.data._service.sdl as string;
    const file = path.join(ROOT_DIR, 'schema', `${sg.name}.graphql`);
    if (!fs.existsSync(file)) throw new Skip(`no ${file} in this checkout`);
    const served = definedTypes(sdl);
    const expected = definedTypes(printSubgraphSchema(buildSubgraphSchema([{ typeDefs: parse(fs.readFileSync(file, 'utf8')) }])));
    const differing = expected.filter((t) => !served.includes(t)).concat(served.filter((t) => !expected.includes(t)));
    expectTrue(differing.length === 0, `served SDL differs from the file: ${differing.map((t) => t.split('\n')[0]).slice(0, 5).join(' | ')}`);
  });

  for (const variant of unsignedVariants(sg.token)) {
    await checks.run(sg.name, `${variant.name} → 401 UNAUTHENTICATED, no data`, async () => {
      expectUnauthenticated(await post(sg.url, { query: '{ _service { sdl } }' }, variant.authorization));
    });
  }
  await checks.run(sg.name, 'expired token → 401 UNAUTHENTICATED, no data', async () => {
    if (!sg.expiredToken) throw new Skip('pass --expired-token (npm run token -- … --ttl -1m)');
    expectUnauthenticated(await post(sg.url, { query: '{ _service { sdl } }' }, `Bearer ${sg.expiredToken}`), EXPIRED);
  });
  await checks.run(sg.name, '_entities without a token → 401, nothing resolved', async () => {
    const r = await post(sg.url, { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Project', code: '1999-000000-00-00-000000' }] } });
    expectUnauthenticated(r);
  });

  if (sdl) await entityChecks(checks, sg, declaredEntities(sdl), knownKeys);
}
