/**
 * The resource catalogue (政务信息资源目录): for every field a subgraph serves, its sharing level,
 * the purposes that unlock it, and the kind of personal data it carries. One JSON file per subgraph
 * beside its SDL: schema/<name>.catalog.json. The owning department always sees all of its own fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR, type SubgraphName } from '../../lib/config';

export const SHARING_LEVELS = ['OPEN', 'CONDITIONAL', 'OWNER_ONLY'] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];
export const PERSONAL_KINDS = ['name', 'idNumber', 'phone', 'bankAccount'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export interface CatalogEntry {
  /** OPEN 无条件共享 · CONDITIONAL 有条件共享 · OWNER_ONLY 不予共享 */
  level: SharingLevel;
  /**
   * Purposes that unlock the field: access for CONDITIONAL fields; clear text for personal data
   * (others see it masked).
   */
  purposes?: string[];
  /** Personal data carried by the field, masked unless unlocked. */
  personal?: PersonalKind;
  /** Why the level was chosen (law, regulation, policy) — shown to developers in `catalog`. */
  basis?: string;
}

export interface Catalog {
  subgraph: SubgraphName;
  /** Key field per entity type, recorded in the audit trail (e.g. { "Project": "code" }). */
  keys: Record<string, string>;
  /** "Type.field" → entry. */
  fields: Record<string, CatalogEntry>;
}

export function catalogPath(name: SubgraphName): string {
  return path.join(ROOT_DIR, 'schema', `${name}.catalog.json`);
}

export function loadCatalog(name: SubgraphName): Catalog {
  const raw = JSON.parse(fs.readFileSync(catalogPath(name), 'utf8')) as Catalog;
  validateCatalog(raw, catalogPath(name));
  return raw;
}

export function validateCatalog(catalog: Catalog, where: string): void {
  for (const [field, entry] of Object.entries(catalog.fields)) {
    if (!/^\w+\.\w+$/.test(field)) throw new Error(`${where}: "${field}" is not "Type.field"`);
    if (!SHARING_LEVELS.includes(entry.level)) throw new Error(`${where}: ${field} has unknown level "${entry.level}"`);
    if (entry.level === 'CONDITIONAL' && !entry.purposes?.length) {
      throw new Error(`${where}: ${field} is CONDITIONAL but lists no purposes`);
    }
    if (entry.personal && !PERSONAL_KINDS.includes(entry.personal)) {
      throw new Error(`${where}: ${field} has unknown personal kind "${entry.personal}"`);
    }
  }
}
