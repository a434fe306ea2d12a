/**
 * Enforcement of the catalogue in the owning subgraph: every field resolver is wrapped so that
 * - the owner department sees everything in clear;
 * - another department gets OPEN fields, CONDITIONAL fields only with a listed purpose, never
 *   OWNER_ONLY fields: a denied field resolves to null with a FORBIDDEN error naming the field and
 *   the purposes it needs (the rest of the response is intact);
 * - personal data is masked unless unlocked by a purpose;
 * - what another department was served (type, keys, fields) is collected for the audit trail: a field
 *   whose resolver succeeded; a root field only when it found something (a refused or empty lookup
 *   serves nothing, and its arguments — any size — are not recorded); an entity another department
 *   resolved by its key (`_entities`), even when it asked for `__typename` only: that answers whether
 *   the key exists.
 */
import { defaultFieldResolver, getNamedType, GraphQLObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { forbidden } from '../../lib/errors';
import type { Catalog, CatalogEntry } from './catalog';
import { maskPersonal, type MaskSettings } from './masking';
import type { SubgraphContext } from './context';
import { isOwnAuditAnchorCall } from './witness/names';

const FEDERATION_FIELDS = new Set(['_service', '_entities']);

/** Reads collected during one request, grouped by type. */
export class ReadLog {
  private readonly byType = new Map<string, { keys: Set<string>; fields: Set<string> }>();
  /** Types whose reads are not the owner's data in this request (see isOwnAuditAnchorCall). */
  private readonly unaudited = new Set<string>();

  /** Reads of `type` in this request are not recorded. */
  skip(type: string): void {
    this.unaudited.add(type);
    this.byType.delete(type);
  }

  private entry(type: string) {
    let entry = this.byType.get(type);
    if (!entry) {
      entry = { keys: new Set(), fields: new Set() };
      this.byType.set(type, entry);
    }
    return entry;
  }

  add(type: string, key: string | undefined, field: string): void {
    if (this.unaudited.has(type)) return;
    const entry = this.entry(type);
    if (key !== undefined) entry.keys.add(key);
    entry.fields.add(field);
  }

  /** An entity resolved by its key; with no field of it read, the record says `__typename`. */
  reference(type: string, key: string): void {
    this.entry(type).keys.add(key);
  }

  get empty(): boolean {
    return this.byType.size === 0;
  }

  toReads() {
    return [...this.byType].map(([type, v]) => ({ type, keys: [...v.keys].sort(), fields: v.fields.size ? [...v.fields].sort() : ['__typename'] }));
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
        const key = keyOf(type, parent, args as Record<string, unknown>, catalog);
        const root = type.name === 'Query' || type.name === 'Mutation';
        // A subgraph's own anchor service at the witness fields: its result (hashes of its own trail) is not this department's data.
        const audited = !(root && isOwnAuditAnchorCall(caller, args as Record<string, unknown>));
        if (!audited) ctx.reads.skip(getNamedType(field.type).name);
        // Recorded once served: a resolver that throws (refused) records nothing.
        const served = (v: unknown) => {
          if (audited && (!root || found(v))) ctx.reads.add(type.name, key, field.name);
          return v;
        };
        const value = resolve(parent, args, ctx, info);
        const personal = entry.personal && !unlocksPersonal(entry, purposes);
        if (value instanceof Promise) return value.then((v) => (personal ? maskValue(served(v), entry, mask) : served(v)));
        served(value);
        return personal ? maskValue(value, entry, mask) : value;
      };
    }
    auditReferences(type, catalog);
  }
  return schema;
}

/** A root field found something: not null, not an empty list. */
function found(v: unknown): boolean {
  return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
}

type ResolveReference = (reference: Record<string, unknown>, ctx: SubgraphContext<unknown>, info: unknown) => unknown;

/**
 * An entity resolved for another department by its key is a read of that entity, whatever fields
 * follow: `_entities(representations: [{__typename: "Worker", workerId}]) { __typename }` answers
 * whether the worker exists (null or not). Recorded when it resolved (unknown keys resolve to null and
 * serve nothing). Chosen over answering every key alike, which would break the federation contract
 * (unknown keys are null, DESIGN §3) that the gateway and every other department rely on.
 */
function auditReferences(type: GraphQLObjectType, catalog: Catalog): void {
  const keyField = catalog.keys[type.name];
  if (!keyField) return;
  const ext = type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } };
  const original = ext.apollo?.subgraph?.resolveReference;
  const resolveReference: ResolveReference = (reference, ctx, info) => {
    // Without a resolver of its own, a reference resolves to itself (what @apollo/subgraph does).
    const result = original ? original(reference, ctx, info) : reference;
    if (ctx.caller.dept === catalog.subgraph) return result;
    const key = reference[keyField];
    const note = (v: unknown) => {
      if (v !== null && v !== undefined && key !== undefined && key !== null) ctx.reads.reference(type.name, String(key));
      return v;
    };
    return result instanceof Promise ? result.then(note) : note(result);
  };
  (type as { extensions: unknown }).extensions = { ...ext, apollo: { ...ext.apollo, subgraph: { ...ext.apollo?.subgraph, resolveReference } } };
}
