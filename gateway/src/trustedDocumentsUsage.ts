/**
 * The registered operations as usage data for the breaking-change gate: which schema coordinates
 * (GraphQL schema coordinates: `Type`, `Type.field`, `Type.field(arg:)`, `Input.field`, `Enum.VALUE`)
 * the trusted documents of every application use. A breaking change to a coordinate no registered
 * operation touches breaks no known client (the gate may call it dangerous); one that is used breaks one.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from 'graphql';
import { loadManifests, type Manifest } from './trustedDocumentsManifest';

export interface CoordinateUse {
  /** Applications whose registered documents use the coordinate. */
  applications: Set<string>;
}

/** Coordinate → the applications using it, over every document of every manifest. */
export function schemaCoordinatesUsed(manifests: Iterable<Manifest>, schema: GraphQLSchema): Map<string, CoordinateUse> {
  const used = new Map<string, CoordinateUse>();
  for (const manifest of manifests) {
    const add = (coordinate: string) => {
      let use = used.get(coordinate);
      if (!use) used.set(coordinate, (use = { applications: new Set() }));
      use.applications.add(manifest.application);
    };
    for (const text of Object.values(manifest.documents)) {
      const typeInfo = new TypeInfo(schema);
      visit(
        parse(text),
        visitWithTypeInfo(typeInfo, {
          Field(node) {
            const parent = typeInfo.getParentType();
            if (!parent || node.name.value.startsWith('__')) return;
            add(`${parent.name}.${node.name.value}`);
            const type = typeInfo.getType();
            if (type) add(getNamedType(type).name);
          },
          Argument(node) {
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (parent && field) add(`${parent.name}.${field.name}(${node.name.value}:)`);
          },
          ObjectField(node) {
            // A field of an input object literal: its parent input type is the one being built.
            const input = typeInfo.getParentInputType();
            const named = input && getNamedType(input);
            if (named && isInputObjectType(named)) add(`${named.name}.${node.name.value}`);
          },
          EnumValue(node) {
            const input = typeInfo.getInputType();
            const named = input && getNamedType(input);
            if (named && isEnumType(named)) add(`${named.name}.${node.value}`);
          },
          VariableDefinition() {
            const input = typeInfo.getInputType();
            if (input) add(getNamedType(input).name);
          },
          InlineFragment() {
            const type = typeInfo.getType();
            if (type) add(getNamedType(type).name);
          },
          FragmentDefinition() {
            const type = typeInfo.getType();
            if (type) add(getNamedType(type).name);
          },
        }),
      );
    }
  }
  return used;
}

/**
 * Whether a change at `path` touches a used coordinate. Accepts schema coordinates and
 * graphql-inspector's dotted paths (`Type.field.arg` for an argument): a change to a type or field
 * touches it when the coordinate itself, or anything under it, is used.
 */
export function touchesUsedCoordinate(used: ReadonlyMap<string, unknown>, path: string): boolean {
  const parts = path.split('.');
  const coordinate = parts.length === 3 ? `${parts[0]}.${parts[1]}(${parts[2]}:)` : path;
  if (used.has(coordinate)) return true;
  for (const c of used.keys()) if (c.startsWith(`${coordinate}.`) || c.startsWith(`${coordinate}(`)) return true;
  return false;
}

/**
 * The set schema:check takes as `usedCoordinates`: every coordinate the manifests in `dir` use, read
 * against the RELEASED schema (the one the operations were written for: against the new one a removed
 * field could not be resolved, and its use would be missed).
 */
export function usedCoordinatesOfTrustedDocuments(releasedSchema: GraphQLSchema, dir?: string): Set<string> {
  return new Set(schemaCoordinatesUsed(loadManifests(dir).values(), releasedSchema).keys());
}
