/** The joint subgraph's data access. It owns no department's source data; the catalogue is read once. */
import type { Connection } from 'mongoose';
import type { DataLayer } from '../common/createSubgraph';
import { CaseStore } from './cases/caseStore';
import { CaseService } from './cases/service';
import { caseSettingsFromEnv, gatewayUrlFromEnv } from './cases/settings';
import { catalogFields, type CatalogFieldView } from './catalogView';

export interface JointOptions {
  /**
   * Where evidence queries go (default GATEWAY_URL, read at each use). A function, because whoever starts
   * the gateway after the subgraphs (the test harness) learns its URL only then.
   */
  gatewayUrl?: () => string;
  /** The case file's clock (default: the system clock). */
  now?: () => Date;
}

export class JointData {
  constructor(
    private readonly catalog: CatalogFieldView[],
    readonly cases: CaseService,
  ) {}

  catalogFields(filter: { subgraph?: string | null; type?: string | null }): CatalogFieldView[] {
    return this.catalog.filter((f) => (!filter.subgraph || f.subgraph === filter.subgraph) && (!filter.type || f.type === filter.type));
  }
}

export function createJointDataLayer(conn: Connection, options: JointOptions = {}): DataLayer<JointData> {
  const store = new CaseStore(conn);
  const cases = new CaseService({
    store,
    gatewayUrl: options.gatewayUrl ?? gatewayUrlFromEnv,
    now: options.now ?? (() => new Date()),
    settings: caseSettingsFromEnv,
  });
  const data = new JointData(catalogFields(), cases);
  // The unique (caseId, seq) index must exist before the first append: built while the server starts.
  return { forRequest: () => data, warm: () => store.init() };
}
