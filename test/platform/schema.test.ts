/**
 * Schema governance: every field of every subgraph has a catalogue entry (and no entry is stale),
 * every non-OPEN field is nullable (a denied field must be able to come back null), every type,
 * field, argument and enum value is described, and every subgraph serves its audit trail.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isEnumType, isInputObjectType, isNonNullType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { listedSubgraphs } from '../../schema/compose';
import { loadSubgraphSdl } from '../../subgraphs/common/createSubgraph';
import { effectiveCatalog } from '../../subgraphs/common/fullCatalog';
import { auditFieldNames } from '../../subgraphs/common/auditApi';
import type { SubgraphName } from '../../lib/config';

const names = Object.keys(listedSubgraphs()) as SubgraphName[];
const FEDERATION = /^(_|__)/;

function schemaOf(name: SubgraphName): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(loadSubgraphSdl(name)) }]);
}

function ownObjectFields(schema: GraphQLSchema) {
  const out: { coordinate: string; nullable: boolean; description?: string | null; args: readonly { name: string; description?: string | null }[] }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || FEDERATION.test(type.name)) continue;
    for (const f of Object.values(type.getFields())) {
      if (FEDERATION.test(f.name)) continue;
      out.push({ coordinate: `${type.name}.${f.name}`, nullable: !isNonNullType(f.type), description: f.description, args: f.args });
    }
  }
  return out;
}

describe.each(names)('subgraph %s', (name) => {
  const schema = schemaOf(name);
  const catalog = effectiveCatalog(name);
  const fields = ownObjectFields(schema);

  test('every field has a catalogue entry, and every entry names a field', () => {
    const missing = fields.map((f) => f.coordinate).filter((c) => !catalog.fields[c]);
    expect(missing).toEqual([]);
    const known = new Set(fields.map((f) => f.coordinate));
    expect(Object.keys(catalog.fields).filter((c) => !known.has(c))).toEqual([]);
  });

  test('a department shares at least one field at each level, and names the key of each entity it serves', () => {
    if (name === 'joint') return;
    const levels = new Set(Object.values(catalog.fields).map((e) => e.level));
    expect([...levels].sort()).toEqual(['CONDITIONAL', 'OPEN', 'OWNER_ONLY']);
    for (const entity of ['Project', 'Enterprise', 'Worker', 'Parcel', 'MonitoringStation']) {
      if (schema.getType(entity)) expect({ entity, key: catalog.keys[entity] }).toEqual({ entity, key: expect.any(String) });
    }
  });

  test('every field that is not OPEN is nullable', () => {
    const strict = fields.filter((f) => catalog.fields[f.coordinate] && catalog.fields[f.coordinate].level !== 'OPEN' && !f.nullable);
    expect(strict.map((f) => f.coordinate)).toEqual([]);
  });

  test('every type, field, argument, input field and enum value is described', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (FEDERATION.test(type.name) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (['link__Import', 'link__Purpose', 'federation__FieldSet', 'federation__Scope', 'federation__Policy', 'federation__ContextFieldValue'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) undocumented.push(`${type.name}.${v.name}`);
      if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) if (!f.description) undocumented.push(`${type.name}.${f.name}`);
    }
    for (const f of fields) {
      if (!f.description) undocumented.push(f.coordinate);
      for (const a of f.args) if (!a.description) undocumented.push(`${f.coordinate}(${a.name})`);
    }
    expect(undocumented).toEqual([]);
  });

  test('serves its audit trail and the check of its chain', () => {
    const query = schema.getQueryType()!.getFields();
    const { trail, verify } = auditFieldNames(name);
    expect(Object.keys(query)).toEqual(expect.arrayContaining([trail, verify]));
  });
});
