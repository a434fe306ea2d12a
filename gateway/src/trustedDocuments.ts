/**
 * Trusted documents at the gateway (GraphQL-over-HTTP persisted documents, `documentId: "sha256:<hex>"`).
 *
 * A department application registers the operations it sends in a manifest (trustedDocumentsManifest.ts);
 * the token says which application calls (claim `client_id`, lib/auth/claims.ts). With
 * TRUSTED_DOCUMENTS=enforce such callers may run only their registered documents (tokens without
 * `client_id` — people, tools, joint's evidence queries made with an officer's token — are not held to
 * a manifest): an unknown query text
 * is refused with 403 DOCUMENT_NOT_REGISTERED before it is parsed or planned, so an application's
 * stolen token cannot be used to explore the graph. Developers and testers (roles in
 * TRUSTED_DOCUMENTS_OPEN_ROLES) keep arbitrary documents. `log` lets every document through and counts
 * the unregistered ones (xietong_unregistered_documents_total); `off` (default) checks nothing.
 *
 * In every mode a request may send `documentId` alone (the gateway fills in the registered text) or the
 * full `query` (with or without its `documentId`, which must then match the text).
 */
import { Counter } from 'prom-client';
import type { Caller } from '../../lib/auth/claims';
import { ErrorCode } from '../../lib/errors';
import { metrics } from '../../lib/metrics';
import { RequestRefused } from '../../lib/http/server';
import { documentIdOf, loadManifests, type Manifest } from './trustedDocumentsManifest';

export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';
export const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ['off', 'log', 'enforce'];

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  /** Directory of the manifests (TRUSTED_DOCUMENTS_DIR, default schema/trusted). */
  dir?: string;
  /** Manifests given directly (tests, tools); default: loaded from `dir`. */
  manifests?: Map<string, Manifest>;
  /** Roles that may send any document (TRUSTED_DOCUMENTS_OPEN_ROLES, default developer,tester). */
  openRoles?: string[];
}

export const DEFAULT_OPEN_ROLES = ['developer', 'tester'];

const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

let unregisteredCounter: Counter<'application' | 'mode'> | undefined;

/** Label values are application names that have a manifest, or `none`: a token cannot grow the series. */
function unregisteredDocuments(): Counter<'application' | 'mode'> {
  unregisteredCounter ??= new Counter({
    name: 'xietong_unregistered_documents_total',
    help: 'Documents sent by a department application (token claim client_id; "none" = an application without a manifest) that its manifest in schema/trusted/ does not register: counted in TRUSTED_DOCUMENTS=log, refused with DOCUMENT_NOT_REGISTERED in enforce',
    labelNames: ['application', 'mode'],
    registers: [metrics().registry],
  });
  return unregisteredCounter;
}

interface RequestParts {
  query?: string;
  documentId?: string;
  /** Apollo's automatic persisted queries: `extensions.persistedQuery.sha256Hash` (plain hex). */
  apqHash?: string;
}

function badRequest(message: string): RequestRefused {
  return new RequestRefused(400, ErrorCode.BAD_USER_INPUT, message);
}

function stringOrUndefined(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`"${name}" must be a string`);
  return value;
}

function apqHashOf(extensions: unknown): string | undefined {
  const pq = extensions && typeof extensions === 'object' ? (extensions as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery : undefined;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash.toLowerCase() : undefined;
}

function partsOfGet(search: URLSearchParams): RequestParts {
  let extensions: unknown;
  try {
    extensions = search.has('extensions') ? JSON.parse(search.get('extensions')!) : undefined;
  } catch {
    extensions = undefined; // Apollo Server answers a malformed `extensions` itself
  }
  return { query: search.get('query') ?? undefined, documentId: search.get('documentId') ?? undefined, apqHash: apqHashOf(extensions) };
}

function partsOfBody(body: Record<string, unknown>): RequestParts {
  return { query: stringOrUndefined(body.query, 'query'), documentId: stringOrUndefined(body.documentId, 'documentId'), apqHash: apqHashOf(body.extensions) };
}

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** The lib/http/server.ts prepareRequest hook. */
  prepareRequest(request: { method: string; body: unknown; search: URLSearchParams }, caller: Caller): { body: unknown; search: URLSearchParams };
}

export function trustedDocuments(options: TrustedDocumentsOptions): TrustedDocuments {
  const manifests = options.manifests ?? loadManifests(options.dir);
  const openRoles = options.openRoles ?? DEFAULT_OPEN_ROLES;
  // documentId → text over every application: an id names its text, whoever registered it.
  const texts = new Map<string, string>();
  for (const m of manifests.values()) for (const [id, text] of Object.entries(m.documents)) texts.set(id, text);

  /** The text the request runs, checked against its documentId; undefined when it names none we hold. */
  function resolveText(parts: RequestParts): { text?: string; id?: string } {
    if (parts.documentId !== undefined) {
      if (!DOCUMENT_ID.test(parts.documentId)) throw badRequest(`"documentId" must be "sha256:" followed by 64 lower-case hex digits, got "${parts.documentId.slice(0, 80)}"`);
      if (parts.query !== undefined) {
        if (documentIdOf(parts.query) !== parts.documentId) throw badRequest(`"documentId" ${parts.documentId} is not the SHA-256 of the "query" sent with it`);
        return { text: parts.query, id: parts.documentId };
      }
      const text = texts.get(parts.documentId);
      if (text === undefined) {
        throw new RequestRefused(400, ErrorCode.PERSISTED_QUERY_NOT_FOUND, `No registered document has the id ${parts.documentId}: send the full "query", or register it in the application's manifest (docs/trusted-documents.md)`, { documentId: parts.documentId });
      }
      return { text, id: parts.documentId };
    }
    if (parts.query !== undefined) return { text: parts.query };
    if (parts.apqHash !== undefined) {
      const id = `sha256:${parts.apqHash}`;
      return { text: texts.get(id), id };
    }
    return {};
  }

  /**
   * Only applications are held to their manifests: a token without `client_id` is a person or a tool
   * (an officer's evidence query through joint, the explorer), governed by the catalogue and the limits.
   */
  function heldToManifest(caller: Caller): caller is Caller & { app: string } {
    return options.mode !== 'off' && caller.app !== undefined && !caller.roles.some((r) => openRoles.includes(r));
  }

  function refuseOrCount(caller: Caller & { app: string }, id: string): void {
    const manifest = manifests.get(caller.app);
    if (manifest && manifest.documents[id] !== undefined) return;
    unregisteredDocuments().inc({ application: manifest?.application ?? 'none', mode: options.mode });
    if (options.mode !== 'enforce') return;
    const who = manifest ? `Application "${caller.app}" has not registered this document` : `Application "${caller.app}" has no manifest of trusted documents`;
    throw new RequestRefused(403, ErrorCode.DOCUMENT_NOT_REGISTERED, `${who} (documentId ${id}); this gateway runs only registered documents for applications: see docs/trusted-documents.md`, {
      documentId: id,
      application: caller.app,
    });
  }

  return {
    mode: options.mode,
    prepareRequest({ method, body, search }, caller) {
      const isGet = method === 'GET';
      if (!isGet && (!body || typeof body !== 'object' || Array.isArray(body))) return { body, search }; // Apollo Server answers these
      const parts = isGet ? partsOfGet(search) : partsOfBody(body as Record<string, unknown>);
      const { text, id } = resolveText(parts);
      if (text === undefined) {
        // An automatic persisted query we do not hold: Apollo's own cache may (off/log), but in enforce
        // mode a hash could name a document some other caller had it cache.
        if (parts.apqHash !== undefined && options.mode === 'enforce' && heldToManifest(caller)) {
          throw new RequestRefused(400, ErrorCode.PERSISTED_QUERY_NOT_FOUND, `No registered document has the id sha256:${parts.apqHash}`, { documentId: `sha256:${parts.apqHash}` });
        }
        return { body, search };
      }
      // The text is hashed only for a caller held to a manifest: not on every request of every caller.
      if (heldToManifest(caller)) refuseOrCount(caller, id ?? documentIdOf(text));
      if (parts.documentId === undefined && parts.query !== undefined) return { body, search };
      // Fill in the registered text, in the place Apollo Server reads it from.
      if (isGet) {
        const next = new URLSearchParams(search);
        next.delete('documentId');
        next.set('query', text);
        return { body, search: next };
      }
      const { documentId: _omitted, ...rest } = body as Record<string, unknown>;
      return { body: { ...rest, query: text }, search };
    },
  };
}
