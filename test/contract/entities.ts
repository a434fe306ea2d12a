/**
 * The entities of the graph and what the suite knows about each: its key, the subgraph that owns it
 * (holds its registry: DESIGN §3), a well-formed key that no deployment holds, and how to find real
 * keys through the gateway. The types and keys actually checked are read from each subgraph's served
 * SDL; an entity missing from this table is a failing check, so a new entity cannot go unchecked.
 */
import { parse, type DocumentNode, type FieldDefinitionNode, type TypeNode } from 'graphql';
import { usccCheckChar } from '../../domain/uscc';

export interface EntitySpec {
  type: string;
  key: string;
  owner: string;
  /** Well-formed (it passes the key's format rules), held by no deployment. */
  unknownKey: string;
  /** A gateway query listing real keys, and how to read them; absent when the graph lists none (give --key). */
  sample?: { query: string; keys(data: any): unknown[] };
}

const edges = (data: any) => (data?.projects?.edges ?? []) as { node: any }[];
const unknownUscc = (() => {
  const first17 = '91110000000000000';
  return first17 + usccCheckChar(first17);
})();

export const ENTITIES: EntitySpec[] = [
  {
    type: 'Project',
    key: 'code',
    owner: 'housing',
    unknownKey: '1999-000000-00-00-000000',
    sample: { query: '{ projects(first: 10) { edges { node { code } } } }', keys: (d) => edges(d).map((e) => e.node.code) },
  },
  {
    type: 'Enterprise',
    key: 'uscc',
    owner: 'housing',
    unknownKey: unknownUscc,
    sample: {
      query: '{ projects(first: 10) { edges { node { participants { enterprise { uscc } } } } } }',
      keys: (d) => edges(d).flatMap((e) => (e.node.participants ?? []).map((p: any) => p.enterprise?.uscc)),
    },
  },
  {
    type: 'Worker',
    key: 'workerId',
    owner: 'hrss',
    unknownKey: `W${'0'.repeat(20)}`,
    // No query lists workers (the pseudonyms are personal data): testers pass --key Worker=W….
  },
  {
    type: 'Parcel',
    key: 'parcelCode',
    owner: 'resources',
    unknownKey: '110000000GB00000',
    sample: { query: '{ projects(first: 30) { edges { node { parcel { parcelCode } } } } }', keys: (d) => edges(d).map((e) => e.node.parcel?.parcelCode) },
  },
  {
    type: 'MonitoringStation',
    key: 'mn',
    owner: 'environment',
    unknownKey: '00000000000000',
    sample: { query: '{ projects(first: 30) { edges { node { stations { mn } } } } }', keys: (d) => edges(d).flatMap((e) => (e.node.stations ?? []).map((s: any) => s.mn)) },
  },
];

/** One entity as a subgraph declares it in its served SDL. */
export interface DeclaredEntity {
  type: string;
  key: string;
  /** The subgraph's own fields of the entity with no required argument, each with the selection to ask for it. */
  ownFields: string[];
}

function namedType(t: TypeNode): string {
  return t.kind === 'NamedType' ? t.name.value : namedType(t.type);
}

function selectionOf(field: FieldDefinitionNode, composite: Set<string>): string {
  return composite.has(namedType(field.type)) ? `${field.name.value} { __typename }` : field.name.value;
}

/** The entities (`@key`) a served subgraph SDL declares, with its own fields of each. */
export function declaredEntities(sdl: string): DeclaredEntity[] {
  const doc: DocumentNode = parse(sdl);
  const composite = new Set<string>();
  for (const d of doc.definitions) {
    if (d.kind === 'ObjectTypeDefinition' || d.kind === 'InterfaceTypeDefinition' || d.kind === 'UnionTypeDefinition' || d.kind === 'ObjectTypeExtension') {
      composite.add(d.name.value);
    }
  }
  const out: DeclaredEntity[] = [];
  for (const d of doc.definitions) {
    if (d.kind !== 'ObjectTypeDefinition' && d.kind !== 'ObjectTypeExtension') continue;
    const keyDirective = d.directives?.find((x) => x.name.value === 'key');
    const fieldsArg = keyDirective?.arguments?.find((a) => a.name.value === 'fields');
    if (!fieldsArg || fieldsArg.value.kind !== 'StringValue') continue;
    const key = fieldsArg.value.value.trim();
    const ownFields = (d.fields ?? [])
      .filter((f) => f.name.value !== key && !f.name.value.startsWith('_'))
      .filter((f) => !f.directives?.some((x) => ['external', 'requires'].includes(x.name.value)))
      .filter((f) => !(f.arguments ?? []).some((a) => a.type.kind === 'NonNullType' && !a.defaultValue))
      .map((f) => selectionOf(f, composite));
    out.push({ type: d.name.value, key, ownFields });
  }
  return out;
}
