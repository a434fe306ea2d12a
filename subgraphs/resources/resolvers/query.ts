import { badInput } from '../../../lib/errors';
import { validateParcelCode } from '../codes';
import type { QueryParcelsInBoxArgs, QueryResolvers } from '../generated/resolvers';

type Box = Pick<QueryParcelsInBoxArgs, 'minLng' | 'minLat' | 'maxLng' | 'maxLat'>;

const CURSOR_PREFIX = 'parcel:';

export function parcelCursor(parcelCode: string): string {
  return Buffer.from(CURSOR_PREFIX + parcelCode, 'utf8').toString('base64url');
}

function parcelCodeFromCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const code = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (validateParcelCode(code) !== null) throw badInput('after', 'is not a cursor returned by parcelsInBox');
  return code;
}

function checkBox(args: Box): void {
  for (const name of ['minLng', 'maxLng'] as const) {
    if (!(args[name] >= -180 && args[name] <= 180)) throw badInput(name, 'must be a longitude between -180 and 180');
  }
  for (const name of ['minLat', 'maxLat'] as const) {
    if (!(args[name] >= -90 && args[name] <= 90)) throw badInput(name, 'must be a latitude between -90 and 90');
  }
  if (args.minLng > args.maxLng) throw badInput('minLng', 'must not exceed maxLng');
  if (args.minLat > args.maxLat) throw badInput('minLat', 'must not exceed maxLat');
}

export const Query: QueryResolvers = {
  parcel(_, args, ctx) {
    const problem = validateParcelCode(args.parcelCode);
    if (problem) throw badInput('parcelCode', problem);
    return ctx.data.parcelByCode.load(args.parcelCode);
  },

  async parcelsInBox(_, args, ctx) {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    checkBox(args);
    const afterCode = args.after ? parcelCodeFromCursor(args.after) : null;
    const { parcels, hasNextPage, totalCount } = await ctx.data.parcelsInBox(args, first, afterCode);
    const edges = parcels.map((node) => ({ cursor: parcelCursor(node.parcelCode), node }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  },
};
