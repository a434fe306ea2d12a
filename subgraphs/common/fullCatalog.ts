/** A subgraph's effective catalogue: its file plus the entries every subgraph shares (its audit trail). */
import type { SubgraphName } from '../../lib/config';
import { auditCatalogEntries } from './auditApi';
import { loadCatalog, type Catalog } from './catalog';

export function effectiveCatalog(name: SubgraphName, own: Catalog = loadCatalog(name)): Catalog {
  return { ...own, fields: { ...auditCatalogEntries(name), ...own.fields } };
}
