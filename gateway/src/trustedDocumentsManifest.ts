/**
 * Manifests of trusted documents: one JSON file per department application in schema/trusted/
 * (TRUSTED_DOCUMENTS_DIR), named after the application (the token's `client_id` claim):
 *
 *   { "application": "housing-inspection",
 *     "description": "…",
 *     "documents": { "sha256:<hex of the UTF-8 text>": "query ProjectCard($code: String!) { … }" } }
 *
 * The id is GraphQL-over-HTTP's persisted-document id: `sha256:` and the lower-case hex SHA-256 of the
 * exact text (no normalisation: the client sends the bytes it registered). Loading checks every id
 * against its text and parses every document, so a wrong manifest stops the gateway at start with the
 * file and the id, instead of refusing callers later.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { ROOT_DIR } from '../../lib/config';

export const DEFAULT_TRUSTED_DOCUMENTS_DIR = path.join(ROOT_DIR, 'schema', 'trusted');

export interface Manifest {
  application: string;
  description?: string;
  /** documentId → document text. */
  documents: Record<string, string>;
}

export function documentIdOf(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

const APPLICATION = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Checks one manifest; throws naming the file and what is wrong. */
export function checkManifest(value: unknown, where: string): Manifest {
  const fail = (why: string): never => {
    throw new Error(`trusted documents manifest ${where}: ${why}`);
  };
  if (!value || typeof value !== 'object') fail('not a JSON object');
  const m = value as Partial<Manifest>;
  if (typeof m.application !== 'string' || !APPLICATION.test(m.application)) fail('"application" must be lower-case letters, digits and "-"');
  const expectedName = `${m.application}.json`;
  if (where.endsWith('.json') && path.basename(where) !== expectedName) fail(`the file must be named ${expectedName}, after its application`);
  if (!m.documents || typeof m.documents !== 'object' || Array.isArray(m.documents)) fail('"documents" must be an object of documentId → document text');
  for (const [id, text] of Object.entries(m.documents!)) {
    if (typeof text !== 'string') fail(`document ${id} is not a string`);
    const actual = documentIdOf(text);
    if (id !== actual) fail(`document ${id} does not match its text (its id is ${actual})`);
    try {
      parse(text);
    } catch (e) {
      fail(`document ${id} is not valid GraphQL: ${(e as Error).message}`);
    }
  }
  return { application: m.application!, description: m.description, documents: m.documents! };
}

/** Every manifest in `dir` (none when the directory does not exist), by application. */
export function loadManifests(dir = DEFAULT_TRUSTED_DOCUMENTS_DIR): Map<string, Manifest> {
  const out = new Map<string, Manifest>();
  if (!fs.existsSync(dir)) return out;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const where = path.join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(where, 'utf8'));
    } catch (e) {
      throw new Error(`trusted documents manifest ${where}: not valid JSON: ${(e as Error).message}`);
    }
    const manifest = checkManifest(json, where);
    out.set(manifest.application, manifest);
  }
  return out;
}

/** A manifest for `documents` (texts as the client sends them): what an application commits to schema/trusted/. */
export function manifestFor(application: string, documents: string[], description?: string): Manifest {
  return {
    application,
    ...(description ? { description } : {}),
    documents: Object.fromEntries(documents.map((d) => [documentIdOf(d), d])),
  };
}
