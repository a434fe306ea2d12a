/** The department facts one evaluation works from (gathered through the gateway by gather.ts), and a reason as stored. */

export interface ArrearsFact {
  month: string;
  workersAffected: number;
  amountOwed: number;
  daysOverdue: number;
}

export interface ExceedanceFact {
  mn: string;
  pollutant: string;
  timeOfDay: string | null;
  /** Window start, ISO 8601 UTC. */
  periodStart: string;
}

export interface ProjectFacts {
  code: string;
  district: string | null;
  /** Participants in the BUILDER role (建设单位). */
  builders: { uscc: string; needsReview: boolean }[];
  arrears: ArrearsFact[];
  exceedances: ExceedanceFact[];
  nightWorkPermits: { permitNo: string; from: string; to: string }[];
  planning: {
    permitNo: string | null;
    approvedFloorArea: number | null;
    approvedHeight: number | null;
    reportedFloorArea: number | null;
    reportedHeight: number | null;
  };
  openCases: { caseNo: string; violationNo: string | null; filedAt: string }[];
  /** Order numbers of the 12345 work orders within the complaint window. */
  complaints: string[];
}

export interface EnterpriseFacts {
  uscc: string;
  needsReview: boolean;
  /** The arrears-blacklist listing in force today, if any. */
  blacklisting: { decisionNo: string; expiresOn: string; removedOn: string | null } | null;
  /** Fines decided against it (首违不罚 decisions excluded by the gatherer). */
  penalties: { caseNo: string; decidedAt: string; amount: number }[];
  /** Open joint cases with it as subject. */
  openJointCases: string[];
  /** Projects where it is the general contractor (施工总承包). */
  contractorOf: string[];
}

/**
 * Where a reason's keys come from: the owning subgraph and the field whose catalogue entry decides whether a
 * caller may see them (coordinate null: the owner only).
 */
export interface KeysSource {
  subgraph: string;
  coordinate: string | null;
}

export interface StoredReason {
  rule: string;
  dept: string;
  /** With the figures; shown when the keys are. */
  detail: string;
  /** The rule's own wording; shown instead of `detail` when the keys are hidden. */
  title: string;
  keys: string[];
  keysFrom: KeysSource;
  /** When this reason lapses by itself (YYYY-MM-DD), when it does. */
  validUntil?: string | null;
}
