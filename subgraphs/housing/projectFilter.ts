/**
 * Arguments of `projects(filter, first, after)` → a MongoDB filter on the registry. Pure, so every
 * BAD_USER_INPUT case is tested without a server. Cursors are opaque (base64url of a versioned
 * payload) so clients cannot come to rely on them being project codes.
 */
import { validateProjectCode } from '../../domain/projectCode';
import { badInput } from '../../lib/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const CURSOR_PREFIX = 'p1:';

export interface ProjectFilterInput {
  district?: string | null;
  status?: string | null;
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number } | null;
  text?: string | null;
}

export interface ProjectsArgs {
  filter?: ProjectFilterInput | null;
  first?: number | null;
  after?: string | null;
}

export const PROJECT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'SUSPENDED', 'COMPLETED'];

export function encodeProjectCursor(code: string): string {
  return Buffer.from(CURSOR_PREFIX + code, 'utf8').toString('base64url');
}

export function decodeProjectCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const code = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : null;
  if (code === null || validateProjectCode(code) !== null) throw badInput('after', 'not a cursor returned by projects');
  return code;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${n}`);
  }
  return n;
}

function inRange(v: number, min: number, max: number): boolean {
  return Number.isFinite(v) && v >= min && v <= max;
}

/** The filter part only (no cursor): also what totalCount counts. */
export function projectMatch(filter: ProjectFilterInput | null | undefined): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  if (!filter) return match;
  if (filter.district != null) {
    if (!/^\d{6}$/.test(filter.district)) throw badInput('filter', `district must be a 6-digit GB/T 2260 code, got "${filter.district}"`);
    match.district = filter.district;
  }
  if (filter.status != null) {
    if (!PROJECT_STATUSES.includes(filter.status)) throw badInput('filter', `status must be one of ${PROJECT_STATUSES.join(', ')}`);
    match.status = filter.status;
  }
  if (filter.bbox != null) {
    const b = filter.bbox;
    if (!inRange(b.minLng, -180, 180) || !inRange(b.maxLng, -180, 180) || !inRange(b.minLat, -90, 90) || !inRange(b.maxLat, -90, 90)) {
      throw badInput('filter', 'bbox longitudes must lie in -180..180 and latitudes in -90..90');
    }
    if (b.minLng > b.maxLng || b.minLat > b.maxLat) throw badInput('filter', 'bbox minimum exceeds its maximum');
    match.lng = { $gte: b.minLng, $lte: b.maxLng };
    match.lat = { $gte: b.minLat, $lte: b.maxLat };
  }
  if (filter.text != null && filter.text.trim() !== '') {
    if (filter.text.length > 100) throw badInput('filter', 'text is longer than 100 characters');
    const pattern = escapeRegex(filter.text.trim());
    match.$or = [{ name: { $regex: pattern, $options: 'i' } }, { address: { $regex: pattern, $options: 'i' } }];
  }
  return match;
}

/**
 * The same filter as `projectMatch`, as a predicate over stored projects (for the in-memory copy of
 * the registry); validates exactly as `projectMatch` does.
 */
export function projectPredicate(filter: ProjectFilterInput | null | undefined): (p: { district: string; status: string; lng: number; lat: number; name: string; address: string }) => boolean {
  projectMatch(filter);
  if (!filter) return () => true;
  const text = filter.text != null && filter.text.trim() !== '' ? new RegExp(escapeRegex(filter.text.trim()), 'i') : null;
  const b = filter.bbox ?? null;
  return (p) =>
    (filter.district == null || p.district === filter.district) &&
    (filter.status == null || p.status === filter.status) &&
    (b === null || (p.lng >= b.minLng && p.lng <= b.maxLng && p.lat >= b.minLat && p.lat <= b.maxLat)) &&
    (text === null || text.test(p.name) || text.test(p.address));
}

export interface ProjectPageQuery {
  /** Filter plus the cursor condition. */
  pageFilter: Record<string, unknown>;
  countFilter: Record<string, unknown>;
  limit: number;
  afterCode: string | null;
}

export function projectPageQuery(args: ProjectsArgs): ProjectPageQuery {
  const limit = pageSize(args.first);
  const countFilter = projectMatch(args.filter);
  const pageFilter = args.after != null ? { ...countFilter, code: { $gt: decodeProjectCursor(args.after) } } : countFilter;
  return { pageFilter, countFilter, limit, afterCode: args.after != null ? decodeProjectCursor(args.after) : null };
}
