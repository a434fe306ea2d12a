/**
 * @graphql-codegen for the example client: every operation in operations/*.graphql is validated against
 * the published schema and turned into a typed document (its result and variables types bound to it) in
 * src/generated/operations.ts. An operation asking for a field the schema does not have fails here, before
 * any code runs.
 *
 * The schema (XIETONG_SCHEMA): by default the released API schema of this repository
 * (../../schema/released/schema.graphql); another SDL file (a copy of it, outside the repository); or a
 * gateway's /graphql URL with XIETONG_TOKEN, read by introspection, which the gateway only answers with a
 * valid token.
 */
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

export interface ClientCodegenPaths {
  /** An SDL file, or a gateway URL to introspect. */
  schema: string;
  /** Bearer token sent when `schema` is a URL. */
  token?: string;
  /** Folder holding the operations (`*.graphql`). */
  operationsDir: string;
  /** The generated module. */
  output: string;
}

export const DEFAULT_PATHS: ClientCodegenPaths = {
  schema: process.env.XIETONG_SCHEMA || path.join(__dirname, '../../schema/released/schema.graphql'),
  token: process.env.XIETONG_TOKEN,
  operationsDir: path.join(__dirname, 'operations'),
  output: path.join(__dirname, 'src/generated/operations.ts'),
};

export function clientCodegenConfig(paths: ClientCodegenPaths = DEFAULT_PATHS): CodegenConfig {
  const remote = /^https?:\/\//.test(paths.schema);
  if (remote && !paths.token) throw new Error(`introspecting ${paths.schema} needs a token: set XIETONG_TOKEN (the gateway answers nothing without one)`);
  const schema = remote ? [{ [paths.schema]: { headers: { authorization: `Bearer ${paths.token}` } } }] : paths.schema;
  return {
    overwrite: true,
    schema,
    documents: path.join(paths.operationsDir, '*.graphql'),
    // Fail on an operation that matches no document glob rather than generating nothing.
    ignoreNoDocuments: false,
    generates: {
      [paths.output]: {
        plugins: ['typescript-operations', 'typed-document-node'],
        config: {
          // String unions: the wire carries plain strings.
          enumsAsTypes: true,
          useTypeImports: true,
          skipTypename: true,
          // JSON and GeoJSON are any JSON value: the caller says what it expects.
          defaultScalarType: 'unknown',
          // Documents as plain strings (TypedDocumentString): request() needs no GraphQL library at run time.
          documentMode: 'string',
        },
      },
    },
  };
}

export default clientCodegenConfig();
