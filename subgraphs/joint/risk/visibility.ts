/**
 * A reason as one caller may see it: the rule always, the keys and figures only when the owning department's
 * catalogue lets the caller read the field they come from (the owner always; OPEN; CONDITIONAL with a listed
 * purpose). joint evaluated with its own service identity, so the view holds everything; this is where each
 * caller gets back to what the departments would show it directly.
 */
import type { Caller } from '../../../lib/auth/claims';
import type { SubgraphName } from '../../../lib/config';
import { isAllowed, purposesOf } from '../../common/access';
import type { CatalogEntry } from '../../common/catalog';
import { effectiveCatalog } from '../../common/fullCatalog';
import type { KeysSource, StoredReason } from './facts';

export interface VisibleReason {
  rule: string;
  dept: string;
  detail: string;
  keys: string[];
  keysHidden: boolean;
}

const catalogs = new Map<string, Record<string, CatalogEntry>>();

function entryFor(source: KeysSource): CatalogEntry | undefined {
  if (!source.coordinate) return undefined;
  let fields = catalogs.get(source.subgraph);
  if (!fields) {
    fields = effectiveCatalog(source.subgraph as SubgraphName).fields;
    catalogs.set(source.subgraph, fields);
  }
  return fields[source.coordinate];
}

type Viewer = { dept: Caller['dept']; purposes: readonly string[] };

export function maySeeKeys(caller: Viewer, source: KeysSource): boolean {
  if (caller.dept === source.subgraph) return true;
  const entry = entryFor(source);
  // No entry (or an owner-only source): fail closed, as the departments do for a field without an entry.
  return entry !== undefined && isAllowed(entry, purposesOf(caller));
}

export function visibleReason(caller: Viewer, r: StoredReason): VisibleReason {
  if (maySeeKeys(caller, r.keysFrom)) return { rule: r.rule, dept: r.dept, detail: r.detail, keys: r.keys, keysHidden: false };
  return { rule: r.rule, dept: r.dept, detail: r.title, keys: [], keysHidden: true };
}
