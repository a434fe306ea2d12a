import { buildSchema, parse, validate } from 'graphql';
import { queryLimitRules } from './limits';

const schema = buildSchema('type Query { n: N } type N { n: N v: Int }');
const rules = queryLimitRules({ maxDepth: 5, maxAliases: 2 });
const nested = (levels: number) => `${'n { '.repeat(levels)} v ${'}'.repeat(levels)}`;

test('depth: at the limit passes, one deeper fails, also through fragments', () => {
  expect(validate(schema, parse(`{ ${nested(4)} }`), rules)).toEqual([]);
  const errors = validate(schema, parse(`{ ${nested(5)} }`), rules);
  expect(errors.map((e) => [e.extensions.code, e.message])).toEqual([['QUERY_TOO_COMPLEX', 'Query depth 6 exceeds the limit of 5']]);
  const viaFragment = validate(schema, parse(`fragment F on N { ${nested(3)} } { n { n { ...F } } }`), rules);
  expect(viaFragment.map((e) => e.message)).toEqual(['Query depth 6 exceeds the limit of 5']);
});

test('aliases: counted over the whole document', () => {
  expect(validate(schema, parse('{ a: n { v } b: n { v } }'), rules)).toEqual([]);
  expect(validate(schema, parse('{ a: n { v } b: n { c: v } }'), rules).map((e) => e.message)).toEqual(['Query uses 3 aliases; the limit is 2']);
});
