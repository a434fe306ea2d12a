/**
 * The breaking-change gate (DESIGN §8, issue 21): `npm run schema:check` composes the subgraph SDLs
 * afresh and compares the client-facing API schema with the last release (schema/released/schema.graphql)
 * using @graphql-inspector/core's levels:
 *   - BREAKING fails (exit 1), naming the schema coordinate and why, unless
 *     schema/released/approved-changes.json lists it with a reason;
 *   - DANGEROUS warns (e.g. a new enum value, an argument's default changed);
 *   - safe changes pass (a new field, a deprecation).
 * Retiring a field goes through deprecation (docs/deprecation-policy.md): a deprecation reason that
 * announces `removal after YYYY-MM-DD` makes the removal DANGEROUS once that date has passed; before it,
 * or without a date, the removal stays BREAKING.
 * Usage data (registered operations, trusted documents) can refine the verdict: see classifyByUsage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { diff, type Change } from '@graphql-inspector/core';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { composeApiSchema, readApiSchema } from './checkCompose';
import { usedCoordinatesOfTrustedDocuments } from '../gateway/src/trustedDocumentsUsage';

export const SCHEMA_DIR = __dirname;
export const RELEASED_DIR = path.join(__dirname, 'released');

export type Level = 'BREAKING' | 'DANGEROUS' | 'SAFE';

export interface Finding {
  /** Schema coordinate as graphql-inspector paths it: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`. */
  coordinate: string;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  change: string;
  level: Level;
  message: string;
  /** Why this level: graphql-inspector's reason, or ours (deprecation date, approval, usage). */
  why: string;
}

export interface Approval {
  coordinate: string;
  /** Only this change type at the coordinate; any change there when absent. */
  change?: string;
  reason: string;
}

export interface CheckResult {
  breaking: Finding[];
  dangerous: Finding[];
  safe: Finding[];
  /** Breaking changes that approved-changes.json accepts, with its reason. */
  approved: Finding[];
  /** Approvals that match no change (stale entries: remove them). */
  unusedApprovals: Approval[];
}

export interface CheckOptions {
  /** Folder with subgraphs.json and <name>.graphql (default: schema/). */
  schemaDir?: string;
  /** Folder with schema.graphql and approved-changes.json (default: schema/released/). */
  releasedDir?: string;
  /** The schema to check instead of composing schemaDir. */
  current?: GraphQLSchema;
  /** Coordinates used by registered operations; when given, breaking changes none of them touch are dangerous. */
  usedCoordinates?: ReadonlySet<string>;
  /** The day the deprecation dates are compared with (default: today, UTC). */
  today?: string;
}

/** Why, for the breaking changes graphql-inspector gives no reason for. */
const DEFAULT_WHY: Record<string, string> = {
  FIELD_TYPE_CHANGED: 'clients reading the field get a value of another type than the one they were written for',
  INPUT_FIELD_TYPE_CHANGED: 'clients sending the field may send a value the new type refuses',
  TYPE_KIND_CHANGED: 'every selection or value of this type was written for the other kind',
};

const REMOVAL_DATE = /removal after (\d{4}-\d{2}-\d{2})/i;
const REMOVALS = new Set(['FIELD_REMOVED', 'ENUM_VALUE_REMOVED', 'INPUT_FIELD_REMOVED', 'FIELD_ARGUMENT_REMOVED']);

export function readApprovals(releasedDir: string): Approval[] {
  const file = path.join(releasedDir, 'approved-changes.json');
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { approved?: unknown };
  if (!Array.isArray(parsed.approved)) throw new Error(`${file}: expected { "approved": [ { "coordinate", "change"?, "reason" } ] }`);
  return parsed.approved.map((a: Partial<Approval>, i) => {
    if (typeof a.coordinate !== 'string' || !a.coordinate) throw new Error(`${file}: approved[${i}] has no "coordinate"`);
    if (typeof a.reason !== 'string' || !a.reason.trim()) throw new Error(`${file}: approved[${i}] (${a.coordinate}) has no "reason": say why the break is acceptable`);
    if (a.change !== undefined && typeof a.change !== 'string') throw new Error(`${file}: approved[${i}] (${a.coordinate}): "change" must be a change type such as FIELD_REMOVED`);
    return { coordinate: a.coordinate, change: a.change, reason: a.reason };
  });
}

/** The deprecation reason of the element at a coordinate in the released schema, if it was deprecated. */
function deprecationAt(schema: GraphQLSchema, coordinate: string): string | undefined {
  const [typeName, member, argument] = coordinate.split('.');
  const type = schema.getType(typeName);
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? undefined;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return undefined;
    if (argument) return field.args.find((a) => a.name === argument)?.deprecationReason ?? undefined;
    return field.deprecationReason ?? undefined;
  }
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason ?? undefined;
  return undefined;
}

function levelOf(change: Change): Level {
  const level = String(change.criticality.level);
  return level === 'BREAKING' ? 'BREAKING' : level === 'DANGEROUS' ? 'DANGEROUS' : 'SAFE';
}

/** graphql-inspector's verdict, with our deprecation policy applied to removals. */
function findingOf(change: Change, released: GraphQLSchema, today: string): Finding {
  const coordinate = change.path ?? '(schema)';
  const finding: Finding = {
    coordinate,
    change: String(change.type),
    level: levelOf(change),
    message: change.message,
    why: change.criticality.reason ?? DEFAULT_WHY[String(change.type)] ?? (levelOf(change) === 'BREAKING' ? 'a client written against the released schema can fail on this change' : ''),
  };
  if (!REMOVALS.has(finding.change)) return finding;
  const deprecation = deprecationAt(released, coordinate);
  if (deprecation === undefined) return finding;
  const announced = REMOVAL_DATE.exec(deprecation)?.[1];
  if (announced && today > announced) {
    return { ...finding, level: 'DANGEROUS', why: `deprecated ("${deprecation}") and removed after its announced date ${announced}: clients had notice` };
  }
  return {
    ...finding,
    level: 'BREAKING',
    why: announced
      ? `deprecated, but its announced removal date ${announced} has not passed (today ${today}): keep it until after then`
      : `deprecated without an announced removal date ("${deprecation}"): announce one (\`removal after YYYY-MM-DD\`, docs/deprecation-policy.md) and remove it after that date`,
  };
}

/** Schema coordinates (`Type.field(arg:)` or `Type.field.arg`) in graphql-inspector's dotted form. */
function dotted(coordinate: string): string {
  return coordinate.replace(/\((\w+):\)$/, '.$1');
}

/**
 * Usage data for the gate (C2's trusted documents feed it): a breaking change that no registered
 * operation touches is reported as DANGEROUS, one that does stays BREAKING. A change touches an
 * operation that uses its coordinate, an element inside it (a removed type touches every use of its
 * fields) or the field it belongs to (a new required argument of `Query.projects` breaks every
 * operation that selects `Query.projects`). Coordinates: `Type.field`, `Type.field(arg:)` or
 * `Type.field.arg`, `Enum.VALUE`, `Type`.
 */
export function classifyByUsage(breaking: readonly Finding[], usedCoordinates: ReadonlySet<string>): { breaking: Finding[]; dangerous: Finding[] } {
  const used = [...usedCoordinates].map(dotted);
  const touched = (coordinate: string) =>
    used.some((u) => u === coordinate || u.startsWith(`${coordinate}.`) || (u.split('.').length >= 2 && coordinate.startsWith(`${u}.`)));
  const out = { breaking: [] as Finding[], dangerous: [] as Finding[] };
  for (const f of breaking) {
    if (touched(f.coordinate)) out.breaking.push({ ...f, why: `${f.why} (used by a registered operation)` });
    else out.dangerous.push({ ...f, level: 'DANGEROUS', why: `${f.why} (no registered operation uses ${f.coordinate})` });
  }
  return out;
}

/** Compares a schema with the released one. Throws when either cannot be read or composed. */
export async function checkSchema(options: CheckOptions = {}): Promise<CheckResult> {
  const releasedDir = options.releasedDir ?? RELEASED_DIR;
  const releasedFile = path.join(releasedDir, 'schema.graphql');
  if (!fs.existsSync(releasedFile)) throw new Error(`no released schema at ${releasedFile}: make the first release with \`npm run schema:release -- 0.1.0\``);
  const released = readApiSchema(releasedFile);
  const current = options.current ?? composeApiSchema(options.schemaDir ?? SCHEMA_DIR);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const approvals = readApprovals(releasedDir);
  const findings = (await diff(released, current)).map((c) => findingOf(c, released, today));

  const result: CheckResult = { breaking: [], dangerous: [], safe: [], approved: [], unusedApprovals: [] };
  const usedApprovals = new Set<Approval>();
  let breaking: Finding[] = [];
  for (const f of findings) {
    if (f.level === 'SAFE') result.safe.push(f);
    else if (f.level === 'DANGEROUS') result.dangerous.push(f);
    else {
      const approval = approvals.find((a) => a.coordinate === f.coordinate && (!a.change || a.change === f.change));
      if (approval) {
        usedApprovals.add(approval);
        result.approved.push({ ...f, why: `${f.why} — approved: ${approval.reason}` });
      } else breaking.push(f);
    }
  }
  if (options.usedCoordinates) {
    const byUsage = classifyByUsage(breaking, options.usedCoordinates);
    breaking = byUsage.breaking;
    result.dangerous.push(...byUsage.dangerous);
  }
  result.breaking = breaking;
  result.unusedApprovals = approvals.filter((a) => !usedApprovals.has(a));
  return result;
}

export function releasedVersion(releasedDir = RELEASED_DIR): string | undefined {
  const file = path.join(releasedDir, 'release.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
}

/** The report `npm run schema:check` prints: one line per change, worst first. */
export function formatReport(result: CheckResult, against: string): string {
  const line = (tag: string, f: Finding) => `${tag} ${f.coordinate} (${f.change}): ${f.message}${f.why ? `\n    why: ${f.why}` : ''}`;
  const lines = [
    ...result.breaking.map((f) => line('BREAKING ', f)),
    ...result.dangerous.map((f) => line('dangerous', f)),
    ...result.approved.map((f) => line('approved ', f)),
    ...result.safe.map((f) => line('safe     ', f)),
    ...result.unusedApprovals.map((a) => `warning   approved-changes.json lists ${a.coordinate}${a.change ? ` (${a.change})` : ''}, which matches no change: remove the entry`),
  ];
  const verdict = result.breaking.length
    ? `FAILED: ${result.breaking.length} breaking change(s) against ${against}. Deprecate instead of removing or changing (docs/deprecation-policy.md), or list the change with a reason in schema/released/approved-changes.json.`
    : `passed against ${against}: ${result.dangerous.length} dangerous, ${result.approved.length} approved, ${result.safe.length} safe change(s).`;
  return [...lines, verdict].join('\n') + '\n';
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const schemaDir = argValue(argv, '--schema-dir') ?? SCHEMA_DIR;
  const releasedDir = argValue(argv, '--released-dir') ?? RELEASED_DIR;
  // --trusted-documents-usage: the registered operations (schema/trusted/) as usage data, read against the release.
  const withUsage = argv.includes('--trusted-documents-usage');
  Promise.resolve()
    .then(() => ({ usedCoordinates: withUsage ? usedCoordinatesOfTrustedDocuments(readApiSchema(path.join(releasedDir, 'schema.graphql')), argValue(argv, '--trusted-dir')) : undefined }))
    .then(({ usedCoordinates }) => checkSchema({ schemaDir, releasedDir, usedCoordinates }))
    .then((result) => {
      const report = formatReport(result, `release ${releasedVersion(releasedDir) ?? '(unversioned)'}`);
      (result.breaking.length ? process.stderr : process.stdout).write(report);
      process.exit(result.breaking.length ? 1 : 0);
    })
    .catch((e: Error) => {
      process.stderr.write(`schema:check could not run: ${e.message}\n`);
      process.exit(2);
    });
}
