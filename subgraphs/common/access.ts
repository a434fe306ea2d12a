/**
 * Enforcement of the catalogue in the owning subgraph: every field resolver is wrapped so that
 * - the owner department sees everything in clear;
 * - another department gets OPEN fields, CONDITIONAL fields only with a listed purpose, never
 *   OWNER_ONLY fields: a denied field resolves to null with a FORBIDDEN error naming the field and
 *   the purposes it needs (the rest of the response is intact);
 * - personal data is masked unless unlocked by a purpose;
 * - what another department read (type, keys, fields) is collected for the audit trail.
 */
import { defaultFieldResolver, GraphQLObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { forbidden } from '../../lib/errors';
import type { Catalog, CatalogEntry } from './catalog';
import { maskPersonal, type MaskSettings } from './masking';
import type { SubgraphContext } from './context';

const FEDERATION_FIELDS = new Set(['_service', '_entities']);

/** Reads collected during one request, grouped by type. */
export class ReadLog {
  private readonly byType = new Map<string, { keys: Set<string>; fields: Set<string> }>();

  add(type: string, key: string | undefined, field: string): void {
    let entry = this.byType.get(type);
    if (!entry) {
      entry = { keys: new Set(), fields: new Set() };
      this.byType.set(type, entry);
    }
    if (key !== undefined) entry.keys.add(key);
    entry.fields.add(field);
  }

  get empty(): boolean {
    return this.byType.size === 0;
  }

  toReads() {
    return [...this.byType].map(([type, v]) => ({ type, keys: [...v.keys].sort(), fields: [...v.fields].sort() }));
  }
}

/**
 * Purposes count only for a department's callers: a purpose is a duty of a government department
 * (有条件共享 is between departments), so a `public` token's purposes unlock nothing.
 */
export function purposesOf(caller: { dept: string; purposes: readonly string[] }): readonly string[] {
  return caller.dept === 'public' ? [] : caller.purposes;
}

export function isAllowed(entry: CatalogEntry, purposes: readonly string[]): boolean {
  if (entry.level === 'OPEN') return true;
  if (entry.level === 'OWNER_ONLY') return false;
  return (entry.purposes ?? []).some((p) => purposes.includes(p));
}

function unlocksPersonal(entry: CatalogEntry, purposes: readonly string[]): boolean {
  return (entry.purposes ?? []).some((p) => purposes.includes(p));
}

function maskValue(value: unknown, entry: CatalogEntry, mask: MaskSettings): unknown {
  if (!entry.personal || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, entry, mask));
  return typeof value === 'string' ? maskPersonal(entry.personal, value, mask) : value;
}

function keyOf(type: GraphQLObjectType, parent: unknown, args: Record<string, unknown>, catalog: Catalog): string | undefined {
  if (type.name === 'Query' || type.name === 'Mutation') {
    return Object.keys(args).length ? JSON.stringify(args) : undefined;
  }
  const keyField = catalog.keys[type.name];
  if (!keyField || parent === null || typeof parent !== 'object') return undefined;
  const v = (parent as Record<string, unknown>)[keyField];
  return v === undefined || v === null ? undefined : String(v);
}

/**
 * Wraps every field of the schema in place. Fields without a catalogue entry fail closed: they are
 * treated as OWNER_ONLY (and a test checks that every field has an entry).
 */
export function enforceCatalog(schema: GraphQLSchema, catalog: Catalog, mask: MaskSettings): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      if (type.name === 'Query' && FEDERATION_FIELDS.has(field.name)) continue;
      const coordinate = `${type.name}.${field.name}`;
      const entry: CatalogEntry = catalog.fields[coordinate] ?? { level: 'OWNER_ONLY', basis: 'no catalogue entry' };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx: SubgraphContext<unknown>, info) => {
        const caller = ctx.caller;
        if (caller.dept === catalog.subgraph) return resolve(parent, args, ctx, info);
        const purposes = purposesOf(caller);
        if (!isAllowed(entry, purposes)) {
          const needs = entry.level === 'OWNER_ONLY' ? [] : entry.purposes ?? [];
          throw forbidden(
            entry.level === 'OWNER_ONLY'
              ? `Field ${coordinate} is not shared (不予共享): only ${catalog.subgraph} may read it`
              : `Field ${coordinate} is conditionally shared (有条件共享): it needs one of the purposes ${needs.join(', ')}`,
            { field: coordinate, level: entry.level, requiredPurposes: needs, owner: catalog.subgraph },
          );
        }
        ctx.reads.add(type.name, keyOf(type, parent, args as Record<string, unknown>, catalog), field.name);
        const value = resolve(parent, args, ctx, info);
        if (!entry.personal || unlocksPersonal(entry, purposes)) return value;
        return value instanceof Promise ? value.then((v) => maskValue(v, entry, mask)) : maskValue(value, entry, mask);
      };
    }
  }
  return schema;
}
