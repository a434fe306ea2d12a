/**
 * A subgraph's effective catalogue: its file plus the entries every subgraph shares (its audit trail)
 * and, for a department, its witness fields.
 */
import { DEPARTMENTS, type Department, type SubgraphName } from '../../lib/config';
import { auditCatalogEntries } from './auditApi';
import { loadCatalog, type Catalog } from './catalog';
import { witnessCatalogEntries } from './witness/api';

export function isDepartment(name: SubgraphName): name is Department {
  return (DEPARTMENTS as readonly string[]).includes(name);
}

export function effectiveCatalog(name: SubgraphName, own: Catalog = loadCatalog(name)): Catalog {
  const shared = { ...auditCatalogEntries(name), ...(isDepartment(name) ? witnessCatalogEntries(name) : {}) };
  return { ...own, fields: { ...shared, ...own.fields } };
}
