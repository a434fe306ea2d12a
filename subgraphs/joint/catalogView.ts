/** The catalogue of every subgraph, flattened for the `catalog` query. */
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/config';
import type { SharingLevel } from '../common/catalog';
import { effectiveCatalog } from '../common/fullCatalog';

export interface CatalogFieldView {
  subgraph: SubgraphName;
  coordinate: string;
  type: string;
  field: string;
  level: SharingLevel;
  purposes: string[];
  personal: string | null;
  basis: string | null;
}

export function catalogFields(): CatalogFieldView[] {
  const out: CatalogFieldView[] = [];
  for (const name of SUBGRAPH_NAMES) {
    for (const [coordinate, e] of Object.entries(effectiveCatalog(name).fields)) {
      const [type, field] = coordinate.split('.');
      out.push({ subgraph: name, coordinate, type, field, level: e.level, purposes: e.purposes ?? [], personal: e.personal ?? null, basis: e.basis ?? null });
    }
  }
  return out.sort((a, b) => a.subgraph.localeCompare(b.subgraph) || a.coordinate.localeCompare(b.coordinate));
}
