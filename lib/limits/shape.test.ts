import { buildSchema, parse, validate } from 'graphql';
import { queryShapeRules } from './shape';

const schema = buildSchema('type Query { n: N } type N { n: N v: Int }');
const rules = queryShapeRules({ maxDepth: 5, maxAliases: 2 });
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

test('errors say which rule, the measure and the limit', () => {
  const [depth] = validate(schema, parse(`{ ${nested(5)} }`), rules);
  expect(depth.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'depth', depth: 6, limit: 5 });
  const [aliases] = validate(schema, parse('{ a: n { v } b: n { c: v } }'), rules);
  expect(aliases.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'aliases', aliases: 3, limit: 2 });
});

test('fragments spreading the next one twice over do not make the depth walk exponential', () => {
  // 2^40 paths through the fragments; each fragment's depth is computed once.
  const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on N { n { ...F${i + 1} } m: n { ...F${i + 1} } }`).join('\n');
  const doc = parse(`${fragments}\nfragment F40 on N { v }\n{ n { ...F0 } }`);
  const started = Date.now();
  const errors = validate(schema, doc, queryShapeRules({ maxDepth: 30, maxAliases: 100 }));
  expect(Date.now() - started).toBeLessThan(1000);
  expect(errors.map((e) => e.message)).toEqual(['Query depth 42 exceeds the limit of 30']);
});
