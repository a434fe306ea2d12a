/**
 * Bounded answers (RESPONSE_MAX_BYTES, issue 16): a GraphQL answer larger than the limit is not
 * sent; the caller gets `{ data: null, errors: [RESPONSE_TOO_LARGE, with the size and the limit] }`.
 *
 * HTTP 200: the request was well-formed and executed, only its result cannot be delivered, and
 * GraphQL-over-HTTP asks for a 2xx status when `data` is present, null included, under both
 * application/json and application/graphql-response+json (413 is about the request's size, and 500
 * would say the server failed).
 *
 * The size is known only once the result is serialized. Apollo serializes after `willSendResponse`,
 * but a subgraph's audit record is written in `willSendResponse`, and a read that is not delivered
 * must not be recorded. So `enforce()` serializes the result in `willSendResponse` (the audit hook
 * calls it before it records anything; so does this plugin, for requests that are not audited), and
 * `stringifyResult` hands Apollo that same string instead of serializing a second time. (It is
 * reused only while the result still holds the same data, errors and extensions objects: a plugin
 * that changes the result after willSendResponse must replace them, not edit them in place.)
 */
import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { envInt } from '../config';
import { ErrorCode } from '../errors';
import { metrics } from '../metrics';

/**
 * 8 MiB. The largest answers the README and the benchmarks ask for (100 projects with every field
 * of a page) are a few hundred KB, so 8 MiB leaves them an order of magnitude of room, while the
 * issue's one-copy fan-out (16.5 MB) is refused. It bounds what a service sends and, at the gateway,
 * what it reads from one subgraph fetch (gateway/src/fetcher.ts); building the result still costs
 * memory before its size is known, which the cost limits bound.
 */
export const DEFAULT_RESPONSE_MAX_BYTES = 8 * 1024 * 1024;

export function responseMaxBytesFromEnv(): number {
  const n = envInt('RESPONSE_MAX_BYTES', DEFAULT_RESPONSE_MAX_BYTES);
  if (n < 1024) throw new Error(`RESPONSE_MAX_BYTES must be at least 1024, got ${n}`);
  return n;
}

type Body = GraphQLResponse['body'];

export interface ResponseLimit {
  maxBytes: number;
  /** For ApolloServer's `plugins`. */
  plugin: ApolloServerPlugin<BaseContext>;
  /** For ApolloServer's `stringifyResult`. */
  stringifyResult(value: FormattedExecutionResult): string;
  /**
   * Replaces a single result over the limit by the RESPONSE_TOO_LARGE answer. True when the
   * response is (now, or already) that replacement. Idempotent: it may be called by several hooks.
   */
  enforce(response: { body?: Body }): boolean;
}

export function tooLargeMessage(bytes: number, limit: number, what = 'The answer'): string {
  return `${what} is ${bytes.toLocaleString('en-US')} bytes, over the limit of ${limit.toLocaleString('en-US')} bytes (RESPONSE_MAX_BYTES): ask for fewer items or fields`;
}

/** Apollo's own serialization of a single result (runHttpQuery: fields in this order, then a newline). */
function serialize(r: FormattedExecutionResult): string {
  return JSON.stringify({ errors: r.errors, data: r.data, extensions: r.extensions }) + '\n';
}

/** The UTF-8 size when it is over the limit, else null (not counted when the length decides: ≤ 3 bytes per UTF-16 unit). */
function overLimit(text: string, limit: number): number | null {
  if (text.length * 3 <= limit) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : null;
}

interface Serialized {
  errors: unknown;
  data: unknown;
  extensions: unknown;
  text: string;
}

export function responseLimit(maxBytes: number, service: string): ResponseLimit {
  // Strings made in willSendResponse, until Apollo asks for them. Apollo passes stringifyResult a new
  // object holding the same errors/data/extensions, so the key is the result's data (or errors).
  const made = new WeakMap<object, Serialized>();
  const replacements = new WeakSet<object>();
  const keyOf = (r: FormattedExecutionResult): object | undefined =>
    (r.data && typeof r.data === 'object' ? r.data : undefined) ?? (r.errors as object | undefined);

  const tooLarge = (bytes: number): FormattedExecutionResult => {
    metrics().responsesTooLarge.inc({ service });
    const result: FormattedExecutionResult = {
      data: null,
      errors: [{ message: tooLargeMessage(bytes, maxBytes), extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, maxBytes } }],
    };
    replacements.add(result);
    return result;
  };

  const enforce = (response: { body?: Body }): boolean => {
    const body = response.body;
    if (body?.kind !== 'single') return false;
    const r = body.singleResult;
    if (replacements.has(r)) return true;
    const key = keyOf(r);
    const known = key && made.get(key);
    if (known && known.errors === r.errors && known.data === r.data && known.extensions === r.extensions) return false;
    const text = serialize(r);
    const bytes = overLimit(text, maxBytes);
    if (bytes !== null) {
      body.singleResult = tooLarge(bytes);
      return true;
    }
    if (key) made.set(key, { errors: r.errors, data: r.data, extensions: r.extensions, text });
    return false;
  };

  const hooks = {
    async willSendResponse({ response }: { response: { body?: Body } }) {
      enforce(response);
    },
  };

  return {
    maxBytes,
    plugin: { requestDidStart: async () => hooks },
    enforce,
    stringifyResult(value) {
      const key = keyOf(value);
      const known = key && made.get(key);
      if (known && known.errors === value.errors && known.data === value.data && known.extensions === value.extensions) {
        made.delete(key);
        return known.text;
      }
      // Not seen in willSendResponse (changed since, or an answer made outside the request pipeline).
      const text = serialize(value);
      const bytes = overLimit(text, maxBytes);
      return bytes === null ? text : serialize(tooLarge(bytes));
    },
  };
}
