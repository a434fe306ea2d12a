/** The SDL and the catalogue agree, every element is described, and the subgraph composes with 住建. */
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isObjectType, parse, type GraphQLNamedType } from 'graphql';
import { loadSubgraphSdl } from '../common/createSubgraph';

const sdl = loadSubgraphSdl('resources');
const schema = buildSubgraphSchema([{ typeDefs: parse(sdl) }]);
const ownTypes = Object.values(schema.getTypeMap()).filter(
  (t: GraphQLNamedType) => !t.name.startsWith('_') && !['String', 'Int', 'Float', 'Boolean', 'ID', 'link__Import', 'link__Purpose', 'federation__FieldSet', 'federation__Scope', 'federation__Policy', 'federation__ContextFieldValue'].includes(t.name),
);

test('every type, field, argument and enum value has a description', () => {
  const missing: string[] = [];
  for (const type of ownTypes) {
    if (!type.description) missing.push(type.name);
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (type.name === 'Query' && field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if ('getValues' in type) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  expect(missing).toEqual([]);
});

test('composes with the 住建 subgraph', () => {
  const result = composeServices(
    (['housing', 'resources'] as const).map((name) => ({ name, url: `http://${name}`, typeDefs: parse(loadSubgraphSdl(name)) })),
  );
  expect(result.errors?.map((e) => e.message)).toBeUndefined();
});
