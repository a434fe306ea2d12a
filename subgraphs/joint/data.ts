/** The joint subgraph's data access. It owns no department's source data; the catalogue is read once. */
import type { Connection } from 'mongoose';
import type { TokenSettings } from '../../lib/auth/keys';
import { tokenSettingsFromEnv } from '../../lib/auth/keys';
import type { DataLayer } from '../common/createSubgraph';
import { CaseStore } from './cases/caseStore';
import { CaseService } from './cases/service';
import { caseSettingsFromEnv, gatewayUrlFromEnv } from './cases/settings';
import { catalogFields, type CatalogFieldView } from './catalogView';
import { RiskEvaluator } from './risk/evaluator';
import { RiskReader } from './risk/reader';
import { RiskStore } from './risk/store';

export interface JointOptions {
  /**
   * Where evidence queries go (default GATEWAY_URL, read at each use). A function, because whoever starts
   * the gateway after the subgraphs (the test harness) learns its URL only then.
   */
  gatewayUrl?: () => string;
  /** The case file's and the risk view's clock (default: the system clock). */
  now?: () => Date;
  /**
   * The keys joint signs its own service token with (the risk evaluator reads the departments as itself);
   * default the process's JWT settings (tokenSettingsFromEnv), read at each evaluation.
   */
  tokens?: () => TokenSettings;
}

export class JointData {
  constructor(
    private readonly catalog: CatalogFieldView[],
    readonly cases: CaseService,
    readonly risk: RiskReader,
  ) {}

  catalogFields(filter: { subgraph?: string | null; type?: string | null }): CatalogFieldView[] {
    return this.catalog.filter((f) => (!filter.subgraph || f.subgraph === filter.subgraph) && (!filter.type || f.type === filter.type));
  }
}

export function createJointDataLayer(conn: Connection, options: JointOptions = {}): DataLayer<JointData> {
  const store = new CaseStore(conn);
  const now = options.now ?? (() => new Date());
  const gatewayUrl = options.gatewayUrl ?? gatewayUrlFromEnv;
  const cases = new CaseService({ store, gatewayUrl, now, settings: caseSettingsFromEnv });
  const riskStore = new RiskStore(conn);
  const evaluator = new RiskEvaluator({ store: riskStore, cases: store, gatewayUrl, tokens: options.tokens ?? tokenSettingsFromEnv, now });
  // The schedule ends with the silo's connection (the server stopping): no evaluation can be stored after it.
  conn.once('close', () => evaluator.stop());
  const catalog = catalogFields();
  return {
    // A RiskReader per request: its DataLoaders batch the entities of one request only.
    forRequest: () => new JointData(catalog, cases, new RiskReader(riskStore, evaluator)),
    // The unique (caseId, seq) index must exist before the first append: built while the server starts. The risk
    // view's schedule starts once its indexes exist; its first evaluation waits for the gateway, not the start.
    warm: async () => {
      await Promise.all([store.init(), riskStore.init()]);
      evaluator.start();
    },
  };
}
