/**
 * `_entities` at one subgraph, for every entity its served SDL declares: one known key, many in
 * order, a mixed order with repeats, an unknown key, and N representations at one store read per
 * collection (batchingCheck.ts).
 *
 * Unknown keys: the subgraph that OWNS the entity (holds its registry) must answer null — an echo of
 * the key, or an error, fails. A subgraph that EXTENDS another's entity cannot tell an unknown key
 * from a real one about which its silo holds nothing (it never reads the owner's store: DESIGN §2), and
 * answering null for such a real entity would null its fields for every client of the gateway; so for
 * it the check asks for all its own fields and requires null or an entity that carries no data
 * (every own field null, empty or zero): an extender that invents data or errors fails.
 */
import { ENTITIES, type DeclaredEntity, type EntitySpec } from './entities';
import { brief, post, type Answer } from './http';
import { storeReadsDuring } from './batchingCheck';
import { Checks, expectTrue, Skip } from './results';

export interface SubgraphUnderTest {
  name: string;
  url: string;
  authorization: string;
}

function entitiesQuery(entity: DeclaredEntity, selection: string[]): string {
  return `query Contract($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${entity.type} { ${[entity.key, ...selection].join(' ')} } } }`;
}

async function resolve(sg: SubgraphUnderTest, entity: DeclaredEntity, keys: string[], selection: string[] = []): Promise<Answer> {
  const representations = keys.map((k) => ({ __typename: entity.type, [entity.key]: k }));
  return post(sg.url, { query: entitiesQuery(entity, selection), variables: { r: representations } }, sg.authorization);
}

/** Errors other than the catalogue's FORBIDDEN (a field the caller may not read is not a resolution failure). */
function resolutionErrors(answer: Answer): unknown[] {
  return ((answer.json.errors ?? []) as { extensions?: { code?: string } }[]).filter((e) => e.extensions?.code !== 'FORBIDDEN');
}

function keysOf(answer: Answer, key: string): unknown[] {
  const list = answer.json.data?._entities;
  expectTrue(Array.isArray(list), `no _entities list: ${brief(answer)}`);
  return list.map((e: Record<string, unknown> | null) => (e === null ? null : e[key]));
}

/** Null, an empty list, zero or false, or an object whose values are all empty: no data about the key. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === 0 || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function needKeys(keys: string[], n: number, type: string): void {
  if (keys.length < n) throw new Skip(`needs ${n} known ${type} key(s), found ${keys.length}: the gateway listed none, pass --key ${type}=<key>`);
}

export async function entityChecks(checks: Checks, sg: SubgraphUnderTest, declared: DeclaredEntity[], knownKeys: Map<string, string[]>): Promise<void> {
  for (const entity of declared) {
    const spec: EntitySpec | undefined = ENTITIES.find((e) => e.type === entity.type);
    const label = `${entity.type}(${entity.key})`;
    if (!spec || spec.key !== entity.key) {
      await checks.run(sg.name, `${label}: known to the contract suite`, async () => {
        throw new Error(spec ? `the suite knows ${entity.type} by "${spec.key}", the subgraph declares "${entity.key}"` : `no entry for entity ${entity.type} in test/contract/entities.ts`);
      });
      continue;
    }
    const keys = knownKeys.get(entity.type) ?? [];
    const owner = spec.owner === sg.name;

    await checks.run(sg.name, `${label}: one known key`, async () => {
      needKeys(keys, 1, entity.type);
      const r = await resolve(sg, entity, [keys[0]]);
      expectTrue(!r.json.errors, brief(r));
      expectTrue(keysOf(r, entity.key)[0] === keys[0], `expected ${keys[0]}: ${brief(r)}`);
    });

    await checks.run(sg.name, `${label}: many known keys, in the order asked`, async () => {
      needKeys(keys, 2, entity.type);
      const asked = keys.slice(0, 5);
      const r = await resolve(sg, entity, asked);
      expectTrue(!r.json.errors, brief(r));
      const got = keysOf(r, entity.key);
      expectTrue(JSON.stringify(got) === JSON.stringify(asked), `asked ${JSON.stringify(asked)}, got ${JSON.stringify(got)}`);
      return `${asked.length} keys`;
    });

    await checks.run(sg.name, `${label}: mixed order with a repeated key`, async () => {
      needKeys(keys, 2, entity.type);
      const [a, b, c = keys[0]] = keys;
      const asked = [c, a, b, a];
      const r = await resolve(sg, entity, asked);
      expectTrue(!r.json.errors, brief(r));
      const got = keysOf(r, entity.key);
      expectTrue(JSON.stringify(got) === JSON.stringify(asked), `asked ${JSON.stringify(asked)}, got ${JSON.stringify(got)}`);
    });

    if (owner) {
      await checks.run(sg.name, `${label}: unknown key → null (owner of ${entity.type})`, async () => {
        const asked = [...keys.slice(0, 1), spec.unknownKey, ...keys.slice(1, 2)];
        const at = keys.length ? 1 : 0;
        const r = await resolve(sg, entity, asked);
        expectTrue(!r.json.errors, `an unknown key must not be an error: ${brief(r)}`);
        const got = r.json.data._entities as unknown[];
        expectTrue(got.length === asked.length, `asked ${asked.length}, got ${got.length}`);
        expectTrue(got[at] === null, `unknown ${entity.key} "${spec.unknownKey}" answered ${JSON.stringify(got[at])}, not null`);
        expectTrue(keysOf(r, entity.key).every((k, i) => i === at || k === asked[i]), `known keys around it lost: ${JSON.stringify(got)}`);
      });
    } else {
      await checks.run(sg.name, `${label}: unknown key → null or no data (extends ${spec.owner}'s ${entity.type})`, async () => {
        const r = await resolve(sg, entity, [spec.unknownKey], entity.ownFields);
        const errors = resolutionErrors(r);
        expectTrue(errors.length === 0, `an unknown key must not be an error: ${JSON.stringify(errors).slice(0, 400)}`);
        const got = r.json.data?._entities?.[0];
        expectTrue(got !== undefined, brief(r));
        if (got === null) return 'null';
        const invented = Object.entries(got as Record<string, unknown>).filter(([f, v]) => f !== '__typename' && f !== entity.key && !isEmpty(v));
        expectTrue(invented.length === 0, `unknown ${entity.key} "${spec.unknownKey}" came back with data: ${JSON.stringify(Object.fromEntries(invented)).slice(0, 300)}`);
        return `no data in ${entity.ownFields.length} own fields`;
      });
    }

    await checks.run(sg.name, `${label}: N representations → at most one store read per collection`, async () => {
      const distinct = [...new Set(keys)].slice(0, 9);
      needKeys(distinct, 2, entity.type);
      const asked = [...distinct, spec.unknownKey];
      const { reads, answer } = await storeReadsDuring(sg, () => resolve(sg, entity, asked, entity.ownFields));
      expectTrue(resolutionErrors(answer).length === 0, brief(answer));
      const over = Object.entries(reads).filter(([, n]) => n > 1);
      const summary = Object.entries(reads).map(([c, n]) => `${c}=${n}`).join(' ') || 'none (served from memory)';
      expectTrue(over.length === 0, `${asked.length} representations read ${over.map(([c, n]) => `${c} ${n}×`).join(', ')} (all reads: ${summary})`);
      return `${asked.length} representations, ${entity.ownFields.length} fields; store reads: ${summary}`;
    });
  }
}
