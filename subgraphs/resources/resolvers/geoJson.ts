import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badInput } from '../../../lib/errors';

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalValue(f.value)]));
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    default:
      return null;
  }
}

/** GeoJSON geometry served as a JSON value. Output only today; input is accepted as plain JSON. */
export const GeoJSON = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946) in WGS-84 degrees.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (value === null || typeof value !== 'object') throw badInput('GeoJSON', 'must be a GeoJSON object');
    return value;
  },
  parseLiteral: (node) => literalValue(node),
});
