import type { Caller } from '../../lib/auth/claims';
import type { SubgraphName } from '../../lib/config';
import type { ReadLog } from './access';
import type { CaseIdHeader } from '../../lib/http/caseIdHeader';

/** What every resolver of every subgraph receives. `data` is the subgraph's own per-request data source. */
export interface SubgraphContext<Data> {
  caller: Caller;
  /**
   * This subgraph's id for the request, recorded in the audit trail: the gateway's when it came signed
   * (x-xietong-request-id-signature), else one of its own — never an id a client chose (lib/http/requestId.ts).
   */
  requestId: string;
  /** The client's operation name as the gateway received it (x-client-operation), for the audit trail. */
  clientOperation?: string;
  subgraph: SubgraphName;
  data: Data;
  /** Reads of this subgraph's data by another department, for the audit trail. */
  reads: ReadLog;
  /**
   * The caller's own Authorization header, as received: joint forwards it to the gateway when it captures
   * evidence, so every owner applies its catalogue, masking and audit to the caller, not to joint.
   */
  authorization?: string;
  /** The joint case the request declared (x-xietong-case-id), recorded in the audit trail; see caseIdHeader.ts. */
  caseIdHeader: CaseIdHeader;
}
