/**
 * The client-facing API schema: the supergraph composed from a folder of subgraph SDLs, without the
 * federation internals (join__, link__, _entities…), printed in a stable order. The breaking-change
 * gate compares two of these; schema/released/schema.graphql is one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema, lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';

/** Composes `<dir>/<name>.graphql` for every subgraph listed in `<dir>/subgraphs.json`. */
export function composeApiSchema(schemaDir: string): GraphQLSchema {
  const listed = JSON.parse(fs.readFileSync(path.join(schemaDir, 'subgraphs.json'), 'utf8')) as { subgraphs: Record<string, string> };
  const services = Object.entries(listed.subgraphs).map(([name, url]) => ({
    name,
    url,
    typeDefs: parse(fs.readFileSync(path.join(schemaDir, `${name}.graphql`), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition of ${schemaDir} failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.schema.toAPISchema().toGraphQLJSSchema();
}

/** The SDL of an API schema, types and fields sorted so that a snapshot's diff shows only real changes. */
export function printApiSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

export function readApiSchema(file: string): GraphQLSchema {
  return buildSchema(fs.readFileSync(file, 'utf8'));
}
