/**
 * Cursor pagination over a (time, natural key) order, newest first. The cursor is opaque to clients:
 * base64url of [ISO time, key] of the last edge; the next page starts strictly after it, so pages
 * never overlap or skip even when many records share a timestamp.
 */
import { badInput } from '../../lib/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PagePosition {
  at: Date;
  key: string;
}

export interface PageRequest {
  first: number;
  after: PagePosition | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.key])).toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition | string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return { at, key: value[1] };
    }
  } catch {
    // fall through: not a cursor of ours
  }
  return 'is not a cursor returned by this list (use pageInfo.endCursor)';
}

/** Validates `first` and `after` of a list query; throws BAD_USER_INPUT naming the argument. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`);
  }
  if (after === null || after === undefined || after === '') return { first: size, after: null };
  const position = decodeCursor(after);
  if (typeof position === 'string') throw badInput('after', position);
  return { first: size, after: position };
}
