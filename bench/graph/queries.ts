/**
 * Builds the two benchmark queries from the subgraph SDL files present at run time:
 * - `project`: the unified view of ONE project, with the fields every subgraph contributes to
 *   `Project` (leaves, and one level of nested objects);
 * - `list`: `projects(first: 50)` with the leaf fields of every subgraph.
 * Only fields the benchmark caller may read are taken (catalogue: OPEN, or CONDITIONAL with a purpose
 * the caller's token carries; never OWNER_ONLY); @external and @requires fields are left out, and so
 * are fields with required arguments, except in the one-project view when the demo city gives the
 * values (KnownArgs). Also builds each subgraph's own part of a query, to drive it directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type TypeNode } from 'graphql';
import type { SubgraphName } from '../../lib/config';
import type { Catalog } from '../../subgraphs/common/catalog';
import { effectiveCatalog } from '../../subgraphs/common/fullCatalog';
import { loadSubgraphSdl } from '../../subgraphs/common/createSubgraph';

const BUILTIN_SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];
const SKIPPED_DIRECTIVES = new Set(['external', 'requires', 'inaccessible']);
export const LIST_SIZE = 50;

export interface SubgraphModel {
  name: string;
  /** Object type → its fields (definitions and extensions merged). */
  types: Map<string, FieldDefinitionNode[]>;
  /** Scalars and enums. */
  leaves: Set<string>;
  catalog: Catalog | undefined;
  /** `Type.field` coordinates left out on request (--exclude). */
  excluded: Set<string>;
}

export function modelFromSdl(name: string, sdl: string, catalog: Catalog | undefined, excluded: Iterable<string> = []): SubgraphModel {
  const types = new Map<string, FieldDefinitionNode[]>();
  const leaves = new Set(BUILTIN_SCALARS);
  for (const d of parse(sdl).definitions) {
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) {
      types.set(d.name.value, [...(types.get(d.name.value) ?? []), ...(d.fields ?? [])]);
    } else if (d.kind === Kind.SCALAR_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_DEFINITION) {
      leaves.add(d.name.value);
    }
  }
  return { name, types, leaves, catalog, excluded: new Set(excluded) };
}

function namedType(t: TypeNode): string {
  return t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type);
}

function readable(m: SubgraphModel, coordinate: string): boolean {
  const entry = m.catalog?.fields[coordinate];
  return entry !== undefined && entry.level !== 'OWNER_ONLY';
}

/**
 * Values for required String arguments, by argument name, from the demo city (e.g. `month` of the
 * wage data, `from`/`to` of the monitoring window). A field with a required argument not in here is
 * left out; with `args` undefined, every field with a required argument is.
 */
export type KnownArgs = Record<string, string>;

/** The field's required arguments as `(a: "v", …)`, '' when it has none, undefined when one is unknown. */
function requiredArgs(f: FieldDefinitionNode, args: KnownArgs | undefined): string | undefined {
  const required = (f.arguments ?? []).filter((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue);
  if (!required.length) return '';
  if (!args || required.some((a) => args[a.name.value] === undefined || namedType(a.type) !== 'String')) return undefined;
  return `(${required.map((a) => `${a.name.value}: ${JSON.stringify(args[a.name.value])}`).join(', ')})`;
}

/** Selections of `type` in subgraph m, `depth` levels deep; records the coordinates taken. */
function selection(m: SubgraphModel, type: string, depth: number, taken: Set<string>, args?: KnownArgs): string[] {
  const out: string[] = [];
  for (const f of m.types.get(type) ?? []) {
    if (f.directives?.some((d) => SKIPPED_DIRECTIVES.has(d.name.value))) continue;
    const argText = requiredArgs(f, args);
    if (argText === undefined) continue;
    const coordinate = `${type}.${f.name.value}`;
    if (!readable(m, coordinate) || m.excluded.has(coordinate)) continue;
    const target = namedType(f.type);
    if (m.leaves.has(target)) {
      out.push(f.name.value + argText);
      taken.add(`${m.name}:${coordinate}`);
    } else if (depth > 1 && m.types.has(target) && target !== 'Project' && target !== 'Query') {
      const sub = selection(m, target, depth - 1, taken, args);
      if (sub.length) {
        out.push(`${f.name.value}${argText} { ${sub.join(' ')} }`);
        taken.add(`${m.name}:${coordinate}`);
      }
    }
  }
  return out;
}

const topName = (s: string) => s.split(/[\s({]/)[0];

export interface BuiltQueries {
  rootSubgraph: string;
  /** Subgraph → the Project fields it contributes to each query. */
  projectFields: Record<string, string[]>;
  listFields: Record<string, string[]>;
  project: string;
  list: string;
  /** The purposes the caller needs for the CONDITIONAL fields taken. */
  purposes: string[];
  /** Subgraphs that contribute nothing readable to Project. */
  contributesNothing: string[];
}

function findRoot(models: SubgraphModel[]): SubgraphModel {
  const root = models.find((m) => {
    const q = m.types.get('Query') ?? [];
    return q.some((f) => f.name.value === 'project') && q.some((f) => f.name.value === 'projects');
  });
  if (!root) throw new Error('no subgraph serves Query.project and Query.projects');
  const projects = root.types.get('Query')!.find((f) => f.name.value === 'projects')!;
  const conn = namedType(projects.type);
  const edges = root.types.get(conn)?.find((f) => f.name.value === 'edges');
  const node = edges && root.types.get(namedType(edges.type))?.find((f) => f.name.value === 'node');
  if (!projects.arguments?.some((a) => a.name.value === 'first') || !node || namedType(node.type) !== 'Project') {
    throw new Error(`${root.name}: Query.projects is not projects(first:) { edges { node: Project } }`);
  }
  return root;
}

function indent(lines: string[], n: number): string {
  return lines.map((l) => ' '.repeat(n) + l).join('\n');
}

function section(fieldsBySubgraph: Record<string, string[]>): string[] {
  return Object.entries(fieldsBySubgraph).flatMap(([s, fields]) => (fields.length ? [`# ${s}`, ...fields] : []));
}

/** `args`: values for required arguments in the one-project query (the list query takes no such field). */
export function buildQueries(models: SubgraphModel[], args?: KnownArgs): BuiltQueries {
  const root = findRoot(models);
  const ordered = [root, ...models.filter((m) => m !== root)];
  const taken = new Set<string>();
  const projectFields: Record<string, string[]> = {};
  const listFields: Record<string, string[]> = {};
  const seenProject = new Set(['code']);
  const seenList = new Set(['code']);
  for (const m of ordered) {
    projectFields[m.name] = selection(m, 'Project', 2, taken, args).filter((s) => !seenProject.has(topName(s)));
    projectFields[m.name].forEach((s) => seenProject.add(topName(s)));
    let leaves = selection(m, 'Project', 1, new Set()).filter((s) => !seenList.has(topName(s)));
    if (!leaves.length) leaves = selection(m, 'Project', 2, new Set()).filter((s) => !seenList.has(topName(s))).slice(0, 1);
    listFields[m.name] = leaves;
    leaves.forEach((s) => seenList.add(topName(s)));
  }
  const contributesNothing = ordered.filter((m) => !projectFields[m.name].length).map((m) => m.name);
  const purposes = new Set<string>();
  for (const m of ordered) {
    for (const [coordinate, entry] of Object.entries(m.catalog?.fields ?? {})) {
      if (entry.level === 'CONDITIONAL' && taken.has(`${m.name}:${coordinate}`)) purposes.add(entry.purposes![0]);
    }
  }
  const header = `# Generated by bench/graph/run.ts from schema/*.graphql (subgraphs: ${ordered.map((m) => m.name).join(', ')}).\n# Regenerated at every run; fields the benchmark caller may read (catalogue), no OWNER_ONLY fields.\n`;
  const hasTotal = root.types.get(namedTypeOfProjects(root))?.some((f) => f.name.value === 'totalCount');
  const project = `${header}query BenchProject($code: String!) {\n  project(code: $code) {\n    code\n${indent(section(projectFields), 4)}\n  }\n}\n`;
  const list =
    `${header}query BenchProjectList($first: Int!) {\n  projects(first: $first) {\n${hasTotal ? '    totalCount\n' : ''}    edges {\n      node {\n        code\n` +
    `${indent(section(listFields), 8)}\n      }\n    }\n  }\n}\n`;
  return { rootSubgraph: root.name, projectFields, listFields, project, list, purposes: [...purposes].sort(), contributesNothing };
}

function namedTypeOfProjects(root: SubgraphModel): string {
  return namedType(root.types.get('Query')!.find((f) => f.name.value === 'projects')!.type);
}

/** The query a subgraph answers alone for its part of `query`: the root query, or `_entities`. */
export function subgraphPart(built: BuiltQueries, which: 'project' | 'list', subgraph: string): string {
  const fields = (which === 'project' ? built.projectFields : built.listFields)[subgraph] ?? [];
  if (subgraph === built.rootSubgraph) {
    return which === 'project'
      ? `query BenchDirectProject($code: String!) { project(code: $code) { code ${fields.join(' ')} } }`
      : `query BenchDirectList($first: Int!) { projects(first: $first) { edges { node { code ${fields.join(' ')} } } } }`;
  }
  return `query BenchDirectEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Project { code ${fields.join(' ')} } } }`;
}

/** `exclude`: coordinates `Type.field` (any subgraph) or `subgraph:Type.field`. */
export function loadModels(names: SubgraphName[], exclude: string[] = []): SubgraphModel[] {
  return names.map((n) => {
    const excluded = exclude.filter((e) => !e.includes(':') || e.startsWith(`${n}:`)).map((e) => e.replace(/^\w+:/, ''));
    let catalog: Catalog | undefined;
    try {
      catalog = effectiveCatalog(n);
    } catch {
      catalog = undefined;
    }
    return modelFromSdl(n, loadSubgraphSdl(n), catalog, excluded);
  });
}

/** Writes the queries to bench/graph/queries/ (kept in git: they show what was measured). */
export function writeQueryFiles(built: BuiltQueries): { project: string; list: string } {
  const dir = path.join(__dirname, 'queries');
  fs.mkdirSync(dir, { recursive: true });
  const files = { project: path.join(dir, 'project.graphql'), list: path.join(dir, 'projects-list.graphql') };
  fs.writeFileSync(files.project, built.project);
  fs.writeFileSync(files.list, built.list);
  return files;
}
