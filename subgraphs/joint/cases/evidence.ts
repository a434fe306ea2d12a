/**
 * Evidence is the graph's own answer: a read-only operation run through the gateway with the caller's
 * own token, so every owner's catalogue, masking and audit apply exactly as they do to the caller, and
 * with the case id header so that the owners' audit records name the case.
 */
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import { badInput, ErrorCode } from '../../../lib/errors';
import { askGatewayAsCaller, NotGraphQLAnswer, type CallerAuth, type GatewayAnswer } from '../gatewayCall';
import { canonical, sha256Hex } from './chain';

export type { CallerAuth };

export interface EvidenceRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  note?: string | null;
}

/** A field the owner refused to the capturer: stored as denied, never as silently missing. */
export interface DeniedField {
  path: string;
  field: string | null;
  message: string;
}

export interface Capture {
  operationName: string | null;
  /** The answer's `data`, canonical JSON (RFC 8785). */
  answer: string;
  answerSha256: string;
  denied: DeniedField[];
}


/** Parses and checks an evidence operation; BAD_USER_INPUT says what is wrong and where. */
export function checkEvidenceOperation(req: EvidenceRequest, maxBytes: number): { document: DocumentNode; operationName: string | null } {
  const size = Buffer.byteLength(req.query, 'utf8') + Buffer.byteLength(JSON.stringify(req.variables ?? {}), 'utf8');
  if (size > maxBytes) throw badInput('input.query', `the evidence operation and its variables are ${size} bytes, over the limit of ${maxBytes} (EVIDENCE_MAX_BYTES)`);
  let document: DocumentNode;
  try {
    document = parse(req.query);
  } catch (e) {
    const err = e as GraphQLError;
    const where = err.locations?.[0] ? ` at line ${err.locations[0].line}, column ${err.locations[0].column}` : '';
    throw badInput('input.query', `syntax error${where}: ${err.message.replace(/^Syntax Error: /, '')}`);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw badInput('input.query', `give exactly one operation, found ${operations.length}`);
  const op = operations[0];
  if (op.kind !== Kind.OPERATION_DEFINITION) throw badInput('input.query', 'no operation');
  if (op.operation !== 'query') throw badInput('input.query', `evidence is read-only: a ${op.operation} is refused (give a query)`);
  if (req.variables !== undefined && req.variables !== null && (typeof req.variables !== 'object' || Array.isArray(req.variables))) {
    throw badInput('input.variables', 'must be a JSON object');
  }
  return { document, operationName: op.name?.value ?? null };
}

function pathOf(p: (string | number)[] | undefined): string {
  return p?.length ? p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : '';
}

async function postToGateway(url: string, req: EvidenceRequest, caseId: string, auth: CallerAuth, timeoutMs: number): Promise<GatewayAnswer> {
  try {
    return await askGatewayAsCaller(url, { query: req.query, variables: req.variables ?? {} }, caseId, auth, timeoutMs);
  } catch (e) {
    const why = e instanceof NotGraphQLAnswer ? `the gateway answered HTTP ${e.status} without GraphQL` : `the gateway (${url}) did not answer: ${(e as Error).message}`;
    throw new GraphQLError(`Evidence not captured: ${why}`, { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE } });
  }
}

/**
 * Runs the operation. Only FORBIDDEN errors are kept with the answer (as denied fields); any other error
 * (unknown field, a department down, the query too costly) means the answer is not what the graph holds,
 * so nothing is captured and the error is returned to the caller with its own code.
 */
export async function runEvidenceQuery(url: string, req: EvidenceRequest, caseId: string, auth: CallerAuth, timeoutMs: number): Promise<Capture & { raw: unknown }> {
  const answer = await postToGateway(url, req, caseId, auth, timeoutMs);
  const errors = answer.errors ?? [];
  const other = errors.find((e) => e.extensions?.code !== ErrorCode.FORBIDDEN);
  if (other || answer.data === undefined || answer.data === null) {
    const e = other ?? errors[0];
    const code = e?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
    const where = e?.path ? ` at ${pathOf(e.path)}` : '';
    throw new GraphQLError(`Evidence not captured: the gateway answered ${code}${where}: ${e?.message ?? 'no data'}`, {
      extensions: { code: code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' ? ErrorCode.BAD_USER_INPUT : code, argument: 'input.query' },
    });
  }
  const denied = errors
    .map((e) => ({ path: pathOf(e.path), field: e.extensions?.field ?? null, message: e.message }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const text = canonical(answer.data);
  return { operationName: null, answer: text, answerSha256: sha256Hex(text), denied, raw: answer.data };
}

export interface ChangedPath { path: string; before: string | null; after: string | null }

/** Paths whose values differ between two JSON values (leaves, array items by index), at most `limit`. */
export function changedPaths(before: unknown, after: unknown, limit = 200): ChangedPath[] {
  const out: ChangedPath[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (out.length >= limit) return;
    const objA = a !== null && typeof a === 'object';
    const objB = b !== null && typeof b === 'object';
    if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
      const keys = Array.isArray(a)
        ? Array.from({ length: Math.max(a.length, (b as unknown[]).length) }, (_, i) => i)
        : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
      for (const k of keys) {
        const next = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
        walk((a as Record<string | number, unknown>)[k], (b as Record<string | number, unknown>)[k], next);
      }
      return;
    }
    const ca = a === undefined ? null : canonical(a);
    const cb = b === undefined ? null : canonical(b);
    if (ca !== cb) out.push({ path, before: ca, after: cb });
  };
  walk(before, after, '');
  return out;
}
