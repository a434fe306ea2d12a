import type { GraphQLResolveInfo } from 'graphql';
import type { ComplaintDoc } from '../models/complaint';
import type { ViolationDoc } from '../models/violation';
import type { EnforcementCaseDoc } from '../models/enforcementCase';
import type { Ctx } from '../resolvers/context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Which audit records to return; all conditions must hold. */
export type AuditFilter = {
  /** Only the records of requests that declared this joint case id. */
  caseId?: InputMaybe<Scalars['String']['input']>;
  /** Only reads by this department. */
  dept?: InputMaybe<Scalars['String']['input']>;
  /** From this time (ISO 8601, inclusive). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Only the records of this request id. */
  requestId?: InputMaybe<Scalars['String']['input']>;
  /** Only reads by this token subject. */
  sub?: InputMaybe<Scalars['String']['input']>;
  /** Before this time (ISO 8601, exclusive). */
  to?: InputMaybe<Scalars['String']['input']>;
  /** Only reads of this type (e.g. `Project`). */
  type?: InputMaybe<Scalars['String']['input']>;
};

/** The part of one request that read one type: the keys of the objects and the fields read. */
export type AuditRead = {
  __typename?: 'AuditRead';
  /** Names of the fields read. */
  fields: Array<Scalars['String']['output']>;
  /**
   * Set when the read named more keys than one record holds (AUDIT_MAX_KEYS_PER_READ,
   * AUDIT_MAX_RECORD_BYTES): the number of keys read, of which `keys` holds the first.
   */
  keyCount?: Maybe<Scalars['Int']['output']>;
  /** Keys of the objects read (e.g. project codes), or the arguments of a root field. */
  keys: Array<Scalars['String']['output']>;
  /** With keyCount: SHA-256 (hex) of the JSON array of every key read, sorted, so the record still proves which. */
  keysSha256?: Maybe<Scalars['String']['output']>;
  /** GraphQL type name (e.g. `Project`), or `Query` for root fields. */
  type: Scalars['String']['output'];
};

/** One record of a department's audit trail (数据使用留痕): a read of its data by another department. */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  /** When the read was served (ISO 8601). */
  at: Scalars['String']['output'];
  /**
   * The joint case the request declared it worked for (header `x-xietong-case-id`, forwarded by the gateway), when
   * it declared one. What the caller declared: neither the gateway nor this department checks it against the case file.
   */
  caseId?: Maybe<Scalars['String']['output']>;
  /** Department of the caller. */
  dept: Scalars['String']['output'];
  /** SHA-256 of this record's canonical form, which includes prevHash. */
  hash: Scalars['String']['output'];
  /** GraphQL operation name, when the client gave one. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** Hash of the previous record (64 zeros for the first record). */
  prevHash: Scalars['String']['output'];
  /** Purposes declared by the caller's token. */
  purposes: Array<Scalars['String']['output']>;
  /** What was read, per type. */
  reads: Array<AuditRead>;
  /** Request id propagated from the gateway (`x-request-id`). */
  requestId: Scalars['String']['output'];
  /** Position in the hash chain, from 1. */
  seq: Scalars['Int']['output'];
  /** Subject (`sub`) of the caller's token. */
  sub: Scalars['String']['output'];
};

/** Result of checking an audit trail's hash chain. */
export type AuditVerification = {
  __typename?: 'AuditVerification';
  /** Sequence number of the first broken record, when not ok. */
  brokenAt?: Maybe<Scalars['Int']['output']>;
  /** Number of records checked before the first break (all of them when ok). */
  checked: Scalars['Int']['output'];
  /** True when every link holds. */
  ok: Scalars['Boolean']['output'];
  /** What is wrong at the first break (edited, deleted or inserted record). */
  reason?: Maybe<Scalars['String']['output']>;
  /**
   * Highest sequence number that another department witnessed with this trail's own hash (0: none yet).
   * Records after it are not covered by a witness yet (appended since the last anchoring, AUDIT_ANCHOR_SECONDS).
   */
  witnessedUpTo?: Maybe<Scalars['Int']['output']>;
  /**
   * What each other department's witness store holds for this trail's head (subject `audit:<subgraph>`),
   * read through the gateway at verification.
   */
  witnesses?: Maybe<Array<AuditWitnessReport>>;
};

/**
 * One department's witness store as read when an audit trail was verified: the heads (sequence number and
 * hash) of the trail that its subgraph recorded there, out of reach of its own database administrator.
 */
export type AuditWitnessReport = {
  __typename?: 'AuditWitnessReport';
  /** True when the department answered (through the gateway). */
  available: Scalars['Boolean']['output'];
  /** The witnessing department. */
  dept: Scalars['String']['output'];
  /** Why it could not be read, when not available. */
  error?: Maybe<Scalars['String']['output']>;
  /** Number of heads of this trail it holds. */
  heads: Scalars['Int']['output'];
  /** Newest sequence number it holds (null: none, or not available). */
  newestSeq?: Maybe<Scalars['Int']['output']>;
};

/** A 12345 hotline work order (工单) about a construction site. */
export type Complaint = {
  __typename?: 'Complaint';
  /** Address given for the incident (shared for complaint handling and pollution enforcement). */
  address?: Maybe<Scalars['String']['output']>;
  /** Caller's name (personal data; shared only for complaint handling). */
  callerName?: Maybe<Scalars['String']['output']>;
  /** Caller's phone number (personal data; shared only for complaint handling). */
  callerPhone?: Maybe<Scalars['String']['output']>;
  /** Category of the work order. */
  category: ComplaintCategory;
  /** Chinese name of the category, as the hotline writes it. */
  categoryName: Scalars['String']['output'];
  /** What the caller reported (shared for complaint handling and pollution enforcement). */
  content?: Maybe<Scalars['String']['output']>;
  /** GB/T 2260 code of the district. */
  district: Scalars['String']['output'];
  /** Location of the incident, when the caller or dispatcher gave one. */
  location?: Maybe<GeoPoint>;
  /** Work-order number in the hotline system. */
  orderNo: Scalars['String']['output'];
  /** The project the order was matched to, if any. */
  project?: Maybe<Project>;
  /** Code of the project the dispatcher matched the order to, if any. */
  projectCode?: Maybe<Scalars['String']['output']>;
  /** When the hotline received the call (city-local ISO 8601 with offset). */
  receivedAt: Scalars['String']['output'];
  /** Whether it was received in the configured night hours (default 22:00–06:00). */
  receivedAtNight: Scalars['Boolean']['output'];
  /** When the caller was answered (city-local ISO 8601 with offset). */
  repliedAt?: Maybe<Scalars['String']['output']>;
  /** The answer given to the caller (shared for complaint handling). */
  reply?: Maybe<Scalars['String']['output']>;
  /** Current status of the work order. */
  status: ComplaintStatus;
};

/** Category of a 12345 hotline work order about a construction site. */
export type ComplaintCategory =
  /** 施工噪声: construction noise in the daytime. */
  | 'CONSTRUCTION_NOISE'
  /** 扬尘: dust from a site. */
  | 'DUST'
  /** 违法建设: unauthorised building. */
  | 'ILLEGAL_CONSTRUCTION'
  /** 渣土: muck trucks, spilled or illegally dumped spoil. */
  | 'MUCK'
  /** 夜间施工扰民: construction noise at night. */
  | 'NIGHT_CONSTRUCTION_NOISE'
  /** 其他: anything else about a site. */
  | 'OTHER'
  /** 占道施工: construction occupying a road or pavement. */
  | 'ROAD_OCCUPATION';

/** A page of hotline work orders. */
export type ComplaintConnection = {
  __typename?: 'ComplaintConnection';
  /** The work orders of this page, each with its cursor. */
  edges: Array<ComplaintEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of work orders matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A hotline work order in a page. */
export type ComplaintEdge = {
  __typename?: 'ComplaintEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The work order. */
  node: Complaint;
};

/** Filter for hotline work orders. */
export type ComplaintFilter = {
  /** Only work orders of this category. */
  category?: InputMaybe<ComplaintCategory>;
  /** GB/T 2260 district code (6 digits). */
  district?: InputMaybe<Scalars['String']['input']>;
  /** Received at or after this instant (ISO 8601, or `YYYY-MM-DD[ HH:mm:ss]` city-local time). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Only work orders matched to this project code. */
  projectCode?: InputMaybe<Scalars['String']['input']>;
  /** Only work orders in this status. */
  status?: InputMaybe<ComplaintStatus>;
  /** Received before this instant (ISO 8601, or `YYYY-MM-DD[ HH:mm:ss]` city-local time). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** Status of a 12345 hotline work order. */
export type ComplaintStatus =
  /** 已办结: closed. */
  | 'CLOSED'
  /** 已派单: dispatched to the responsible unit. */
  | 'DISPATCHED'
  /** 办理中: being handled. */
  | 'IN_PROGRESS'
  /** 已受理: received by the hotline. */
  | 'RECEIVED'
  /** 已答复: the caller has been answered. */
  | 'REPLIED';

/** An administrative enforcement case (行政执法案件). */
export type EnforcementCase = {
  __typename?: 'EnforcementCase';
  /** Case number. */
  caseNo: Scalars['String']['output'];
  /** When the case was closed (结案), if it is. */
  closedAt?: Maybe<Scalars['String']['output']>;
  /** GB/T 2260 code of the district. */
  district: Scalars['String']['output'];
  /** The party when it is an enterprise. */
  enterprise?: Maybe<Enterprise>;
  /** When the case was filed (立案), city-local ISO 8601 with offset. */
  filedAt: Scalars['String']['output'];
  /** 首违不罚: a first minor violation corrected in time, decided without penalty. */
  firstViolationNoPenalty: Scalars['Boolean']['output'];
  /** Every state the case went through, oldest first. */
  history: Array<EnforcementCaseStateChange>;
  /** Investigators' working notes (不予共享: city management only). */
  internalNotes?: Maybe<Scalars['String']['output']>;
  /** Legal basis of the decision (article of the regulation applied). */
  legalBasis?: Maybe<Scalars['String']['output']>;
  /** Name of the party (personal data when the party is a person: masked unless unlocked). */
  partyName?: Maybe<Scalars['String']['output']>;
  /** Credit code of the party (当事人) when it is an enterprise. */
  partyUscc?: Maybe<Scalars['String']['output']>;
  /** Fine in yuan decided (0 when decided without penalty); null before a decision. */
  penaltyAmount?: Maybe<Scalars['Float']['output']>;
  /** The project concerned, if any. */
  project?: Maybe<Project>;
  /** Code of the project concerned, if any. */
  projectCode?: Maybe<Scalars['String']['output']>;
  /** Current state. */
  state: EnforcementCaseState;
  /** Type of violation the case is about. */
  type: ViolationType;
  /** The violation the case was opened for, if any. */
  violation?: Maybe<Violation>;
  /** Number of the violation the case was opened for, if any. */
  violationNo?: Maybe<Scalars['String']['output']>;
};

/** A page of enforcement cases. */
export type EnforcementCaseConnection = {
  __typename?: 'EnforcementCaseConnection';
  /** The cases of this page, each with its cursor. */
  edges: Array<EnforcementCaseEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of cases matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An enforcement case in a page. */
export type EnforcementCaseEdge = {
  __typename?: 'EnforcementCaseEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The case. */
  node: EnforcementCase;
};

/** Filter for enforcement cases. */
export type EnforcementCaseFilter = {
  /** GB/T 2260 district code (6 digits). */
  district?: InputMaybe<Scalars['String']['input']>;
  /** Only cases whose party is the enterprise with this unified social credit code. */
  enterpriseUscc?: InputMaybe<Scalars['String']['input']>;
  /** Filed (立案) at or after this instant (ISO 8601, or `YYYY-MM-DD[ HH:mm:ss]` city-local time). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** True: only cases not yet closed (结案); false: only closed cases. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only cases about this project. */
  projectCode?: InputMaybe<Scalars['String']['input']>;
  /** Only cases currently in this state. */
  state?: InputMaybe<EnforcementCaseState>;
  /** Filed (立案) before this instant (ISO 8601, or `YYYY-MM-DD[ HH:mm:ss]` city-local time). */
  to?: InputMaybe<Scalars['String']['input']>;
  /** Only cases about this type of violation. */
  type?: InputMaybe<ViolationType>;
};

/** State of an enforcement case: 立案 → 调查 → 决定 → 执行 → 结案 (执行 may be skipped, e.g. 首违不罚). */
export type EnforcementCaseState =
  /** 结案: closed. */
  | 'CLOSED'
  /** 决定: decision taken (penalty, or no penalty). */
  | 'DECIDED'
  /** 执行: decision being executed. */
  | 'EXECUTING'
  /** 立案: case filed. */
  | 'FILED'
  /** 调查: under investigation. */
  | 'INVESTIGATING';

/** One step in the life of an enforcement case. */
export type EnforcementCaseStateChange = {
  __typename?: 'EnforcementCaseStateChange';
  /** When it was entered (city-local ISO 8601 with offset). */
  at: Scalars['String']['output'];
  /** The state entered. */
  state: EnforcementCaseState;
};

/** A penalty decided against an enterprise in an enforcement case. */
export type EnforcementPenalty = {
  __typename?: 'EnforcementPenalty';
  /** Fine in yuan (0 when 首违不罚). */
  amount: Scalars['Float']['output'];
  /** Number of the case that decided it. */
  caseNo: Scalars['String']['output'];
  /** When the decision was taken (city-local ISO 8601 with offset). */
  decidedAt?: Maybe<Scalars['String']['output']>;
  /** Whether the decision was 首违不罚 (first minor violation, no penalty). */
  firstViolationNoPenalty: Scalars['Boolean']['output'];
  /** Legal basis of the decision. */
  legalBasis?: Maybe<Scalars['String']['output']>;
  /** Type of violation penalised. */
  type: ViolationType;
};

/**
 * An enterprise, keyed by its unified social credit code (统一社会信用代码, GB 32100). 住建 contributes its name,
 * the credit-code check and the projects it takes part in.
 */
export type Enterprise = {
  __typename?: 'Enterprise';
  /** Enforcement cases with the enterprise as party, most recently filed first. */
  enforcementCases: Array<EnforcementCase>;
  /** Penalties decided against the enterprise (including 首违不罚 decisions with amount 0). */
  penalties: Array<EnforcementPenalty>;
  /** Sum of the fines decided against the enterprise, in yuan. */
  totalPenaltyAmount: Scalars['Float']['output'];
  /** Unified social credit code. */
  uscc: Scalars['String']['output'];
  /** Violations attributed to the enterprise, newest first. */
  violations: Array<Violation>;
};

/** A point in WGS-84 longitude/latitude degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude in degrees north. */
  lat: Scalars['Float']['output'];
  /** Longitude in degrees east. */
  lng: Scalars['Float']['output'];
};

/** Writes citymgmt accepts through the graph: only the witness records of other services' chain heads. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records in citymgmt's own store that `subject`'s chain had head `hash` at link `seq`. Append-only and idempotent: the same
   * head again returns the first record. A different hash for a link already witnessed is kept too and both are
   * marked `conflict` (evidence of a rewrite). For a department's enforcement team (roles `enforcement-officer`,
   * `legal-reviewer`; not `public`).
   */
  recordCitymgmtWitness?: Maybe<WitnessRecord>;
};


/** Writes citymgmt accepts through the graph: only the witness records of other services' chain heads. */
export type MutationRecordCitymgmtWitnessArgs = {
  hash: Scalars['String']['input'];
  seq: Scalars['Int']['input'];
  subject: Scalars['String']['input'];
};

/** Cursor pagination state. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * A construction project, keyed by its national investment project code. 住建 owns the registry entry;
 * every other department contributes its own fields.
 */
export type Project = {
  __typename?: 'Project';
  /** National investment project code (投资项目统一代码). */
  code: Scalars['String']['output'];
  /** Number of 12345 work orders matched to the project, optionally within a period and category. */
  complaintCount: Scalars['Int']['output'];
  /** 12345 work orders matched to the project, newest first, optionally within a period and category. */
  complaints: Array<Complaint>;
  /** Enforcement cases about the project, most recently filed first. */
  enforcementCases: Array<EnforcementCase>;
  /** Enforcement cases about the project that are not closed yet. */
  openEnforcementCases: Array<EnforcementCase>;
  /** Violations found on the project, newest first. */
  violations: Array<Violation>;
};


/**
 * A construction project, keyed by its national investment project code. 住建 owns the registry entry;
 * every other department contributes its own fields.
 */
export type ProjectComplaintCountArgs = {
  category?: InputMaybe<ComplaintCategory>;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/**
 * A construction project, keyed by its national investment project code. 住建 owns the registry entry;
 * every other department contributes its own fields.
 */
export type ProjectComplaintsArgs = {
  category?: InputMaybe<ComplaintCategory>;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Root queries answered by 城管 (city management): 12345 hotline work orders about construction sites,
 * violations found on sites, and administrative enforcement cases.
 */
export type Query = {
  __typename?: 'Query';
  /** Every read of citymgmt's data by another department, newest first. Only for citymgmt's admins (role `admin` or `auditor`). */
  citymgmtAuditTrail?: Maybe<Array<AuditRecord>>;
  /**
   * Every chain head citymgmt witnessed for `subject`, by link number. For a department's enforcement team
   * (roles `enforcement-officer`, `legal-reviewer`; not `public`): hashes only, no personal data.
   */
  citymgmtWitnesses?: Maybe<Array<WitnessRecord>>;
  /** 12345 hotline work orders, newest first, with cursor pagination. */
  complaints: ComplaintConnection;
  /** Administrative enforcement cases, most recently filed first, with cursor pagination. */
  enforcementCases: EnforcementCaseConnection;
  /**
   * Checks the hash chain of citymgmt's audit trail and reports the first broken link (an edited, deleted or inserted record).
   * Only for citymgmt's admins.
   */
  verifyCitymgmtAuditTrail?: Maybe<AuditVerification>;
  /** Violations found on sites, newest first, with cursor pagination. */
  violations: ViolationConnection;
};


/**
 * Root queries answered by 城管 (city management): 12345 hotline work orders about construction sites,
 * violations found on sites, and administrative enforcement cases.
 */
export type QueryCitymgmtAuditTrailArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Root queries answered by 城管 (city management): 12345 hotline work orders about construction sites,
 * violations found on sites, and administrative enforcement cases.
 */
export type QueryCitymgmtWitnessesArgs = {
  subject: Scalars['String']['input'];
};


/**
 * Root queries answered by 城管 (city management): 12345 hotline work orders about construction sites,
 * violations found on sites, and administrative enforcement cases.
 */
export type QueryComplaintsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ComplaintFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Root queries answered by 城管 (city management): 12345 hotline work orders about construction sites,
 * violations found on sites, and administrative enforcement cases.
 */
export type QueryEnforcementCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EnforcementCaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Root queries answered by 城管 (city management): 12345 hotline work orders about construction sites,
 * violations found on sites, and administrative enforcement cases.
 */
export type QueryViolationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ViolationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A violation found on a site. */
export type Violation = {
  __typename?: 'Violation';
  /** Number of the 12345 work order that led to it, when found through a complaint. */
  complaintOrderNo?: Maybe<Scalars['String']['output']>;
  /** What was found (shared for enforcement and complaint handling). */
  description?: Maybe<Scalars['String']['output']>;
  /** GB/T 2260 code of the district. */
  district: Scalars['String']['output'];
  /** The enterprise responsible, if known. */
  enterprise?: Maybe<Enterprise>;
  /** Credit code of the enterprise responsible, if known. */
  enterpriseUscc?: Maybe<Scalars['String']['output']>;
  /** When it was found (city-local ISO 8601 with offset). */
  foundAt: Scalars['String']['output'];
  /** The project where it was found, if known. */
  project?: Maybe<Project>;
  /** Code of the project where it was found, if known. */
  projectCode?: Maybe<Scalars['String']['output']>;
  /** How it was found. */
  source: ViolationSource;
  /** Type of violation. */
  type: ViolationType;
  /** Chinese name of the type. */
  typeName: Scalars['String']['output'];
  /** True when the credit code fails the GB 32100 check: kept as given, flagged for manual review. */
  usccNeedsReview: Scalars['Boolean']['output'];
  /** Violation record number. */
  violationNo: Scalars['String']['output'];
};

/** A page of violations. */
export type ViolationConnection = {
  __typename?: 'ViolationConnection';
  /** The violations of this page, each with its cursor. */
  edges: Array<ViolationEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Number of violations matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A violation in a page. */
export type ViolationEdge = {
  __typename?: 'ViolationEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The violation. */
  node: Violation;
};

/** Filter for violations. */
export type ViolationFilter = {
  /** GB/T 2260 district code (6 digits). */
  district?: InputMaybe<Scalars['String']['input']>;
  /** Only violations by the enterprise with this unified social credit code. */
  enterpriseUscc?: InputMaybe<Scalars['String']['input']>;
  /** Found at or after this instant (ISO 8601, or `YYYY-MM-DD[ HH:mm:ss]` city-local time). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Only violations on this project. */
  projectCode?: InputMaybe<Scalars['String']['input']>;
  /** Only violations found this way. */
  source?: InputMaybe<ViolationSource>;
  /** Found before this instant (ISO 8601, or `YYYY-MM-DD[ HH:mm:ss]` city-local time). */
  to?: InputMaybe<Scalars['String']['input']>;
  /** Only violations of this type. */
  type?: InputMaybe<ViolationType>;
};

/** How a violation came to city management's attention. */
export type ViolationSource =
  /** 投诉举报: reported through a complaint (12345). */
  | 'COMPLAINT'
  /** 巡查发现: found on patrol. */
  | 'PATROL';

/** Type of a violation recorded by city management. */
export type ViolationType =
  /** 扬尘: dust control violations. */
  | 'DUST'
  /** 违法建设: unauthorised building. */
  | 'ILLEGAL_CONSTRUCTION'
  /** 渣土: muck transport or dumping violations. */
  | 'MUCK'
  /** 夜间施工扰民: night construction disturbing residents. */
  | 'NIGHT_CONSTRUCTION_NOISE'
  /** 占道施工: occupying a road without approval. */
  | 'ROAD_OCCUPATION';

/** A chain head witnessed by a department: another service's chain `subject` had hash `hash` at link `seq`. */
export type WitnessRecord = {
  __typename?: 'WitnessRecord';
  /** When the department first recorded this head (ISO 8601). */
  at: Scalars['String']['output'];
  /** True when another hash was also recorded for the same subject and link: the chain was rewritten. */
  conflict: Scalars['Boolean']['output'];
  /** SHA-256 of that link, as the other service reported it. */
  hash: Scalars['String']['output'];
  /** Department of the caller who had it recorded. */
  recorderDept: Scalars['String']['output'];
  /** Link number of the head. */
  seq: Scalars['Int']['output'];
  /** What was witnessed, `<namespace>:<id>` (e.g. `case:<case id>`). */
  subject: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Enterprise: Enterprise;
  Project: Project;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Enterprise:
    ( { __typename: 'Enterprise' }
    & GraphQLRecursivePick<FederationTypes['Enterprise'], {"uscc":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"code":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditFilter: AuditFilter;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditRead: ResolverTypeWrapper<AuditRead>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditRecord: ResolverTypeWrapper<AuditRecord>;
  AuditVerification: ResolverTypeWrapper<AuditVerification>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AuditWitnessReport: ResolverTypeWrapper<AuditWitnessReport>;
  Complaint: ResolverTypeWrapper<ComplaintDoc>;
  ComplaintCategory: ComplaintCategory;
  ComplaintConnection: ResolverTypeWrapper<Omit<ComplaintConnection, 'edges'> & { edges: Array<ResolversTypes['ComplaintEdge']> }>;
  ComplaintEdge: ResolverTypeWrapper<Omit<ComplaintEdge, 'node'> & { node: ResolversTypes['Complaint'] }>;
  ComplaintFilter: ComplaintFilter;
  ComplaintStatus: ComplaintStatus;
  EnforcementCase: ResolverTypeWrapper<EnforcementCaseDoc>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  EnforcementCaseConnection: ResolverTypeWrapper<Omit<EnforcementCaseConnection, 'edges'> & { edges: Array<ResolversTypes['EnforcementCaseEdge']> }>;
  EnforcementCaseEdge: ResolverTypeWrapper<Omit<EnforcementCaseEdge, 'node'> & { node: ResolversTypes['EnforcementCase'] }>;
  EnforcementCaseFilter: EnforcementCaseFilter;
  EnforcementCaseState: EnforcementCaseState;
  EnforcementCaseStateChange: ResolverTypeWrapper<EnforcementCaseStateChange>;
  EnforcementPenalty: ResolverTypeWrapper<EnforcementPenalty>;
  Enterprise: ResolverTypeWrapper<Pick<Omit<Enterprise, 'enforcementCases' | 'violations'> & { enforcementCases: Array<ResolversTypes['EnforcementCase']>, violations: Array<ResolversTypes['Violation']> }, 'uscc'>>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<Pick<Omit<Project, 'complaints' | 'enforcementCases' | 'openEnforcementCases' | 'violations'> & { complaints: Array<ResolversTypes['Complaint']>, enforcementCases: Array<ResolversTypes['EnforcementCase']>, openEnforcementCases: Array<ResolversTypes['EnforcementCase']>, violations: Array<ResolversTypes['Violation']> }, 'code'>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Violation: ResolverTypeWrapper<ViolationDoc>;
  ViolationConnection: ResolverTypeWrapper<Omit<ViolationConnection, 'edges'> & { edges: Array<ResolversTypes['ViolationEdge']> }>;
  ViolationEdge: ResolverTypeWrapper<Omit<ViolationEdge, 'node'> & { node: ResolversTypes['Violation'] }>;
  ViolationFilter: ViolationFilter;
  ViolationSource: ViolationSource;
  ViolationType: ViolationType;
  WitnessRecord: ResolverTypeWrapper<WitnessRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditFilter: AuditFilter;
  String: Scalars['String']['output'];
  AuditRead: AuditRead;
  Int: Scalars['Int']['output'];
  AuditRecord: AuditRecord;
  AuditVerification: AuditVerification;
  Boolean: Scalars['Boolean']['output'];
  AuditWitnessReport: AuditWitnessReport;
  Complaint: ComplaintDoc;
  ComplaintConnection: Omit<ComplaintConnection, 'edges'> & { edges: Array<ResolversParentTypes['ComplaintEdge']> };
  ComplaintEdge: Omit<ComplaintEdge, 'node'> & { node: ResolversParentTypes['Complaint'] };
  ComplaintFilter: ComplaintFilter;
  EnforcementCase: EnforcementCaseDoc;
  Float: Scalars['Float']['output'];
  EnforcementCaseConnection: Omit<EnforcementCaseConnection, 'edges'> & { edges: Array<ResolversParentTypes['EnforcementCaseEdge']> };
  EnforcementCaseEdge: Omit<EnforcementCaseEdge, 'node'> & { node: ResolversParentTypes['EnforcementCase'] };
  EnforcementCaseFilter: EnforcementCaseFilter;
  EnforcementCaseStateChange: EnforcementCaseStateChange;
  EnforcementPenalty: EnforcementPenalty;
  Enterprise: Pick<Omit<Enterprise, 'enforcementCases' | 'violations'> & { enforcementCases: Array<ResolversParentTypes['EnforcementCase']>, violations: Array<ResolversParentTypes['Violation']> }, 'uscc'>;
  GeoPoint: GeoPoint;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Project: Pick<Omit<Project, 'complaints' | 'enforcementCases' | 'openEnforcementCases' | 'violations'> & { complaints: Array<ResolversParentTypes['Complaint']>, enforcementCases: Array<ResolversParentTypes['EnforcementCase']>, openEnforcementCases: Array<ResolversParentTypes['EnforcementCase']>, violations: Array<ResolversParentTypes['Violation']> }, 'code'>;
  Query: Record<PropertyKey, never>;
  Violation: ViolationDoc;
  ViolationConnection: Omit<ViolationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ViolationEdge']> };
  ViolationEdge: Omit<ViolationEdge, 'node'> & { node: ResolversParentTypes['Violation'] };
  ViolationFilter: ViolationFilter;
  WitnessRecord: WitnessRecord;
};

export type AuditReadResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['AuditRead'] = ResolversParentTypes['AuditRead']> = {
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keyCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keysSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditRecordResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reads?: Resolver<Array<ResolversTypes['AuditRead']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditVerificationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['AuditVerification'] = ResolversParentTypes['AuditVerification']> = {
  brokenAt?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  checked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  witnessedUpTo?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  witnesses?: Resolver<Maybe<Array<ResolversTypes['AuditWitnessReport']>>, ParentType, ContextType>;
};

export type AuditWitnessReportResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['AuditWitnessReport'] = ResolversParentTypes['AuditWitnessReport']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  heads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newestSeq?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ComplaintResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Complaint'] = ResolversParentTypes['Complaint']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  callerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  callerPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ComplaintCategory'], ParentType, ContextType>;
  categoryName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  content?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  orderNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  projectCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAtNight?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  repliedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reply?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ComplaintStatus'], ParentType, ContextType>;
};

export type ComplaintConnectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ComplaintConnection'] = ResolversParentTypes['ComplaintConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ComplaintEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ComplaintEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ComplaintEdge'] = ResolversParentTypes['ComplaintEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Complaint'], ParentType, ContextType>;
};

export type EnforcementCaseResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EnforcementCase'] = ResolversParentTypes['EnforcementCase']> = {
  caseNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  filedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstViolationNoPenalty?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['EnforcementCaseStateChange']>, ParentType, ContextType>;
  internalNotes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalBasis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partyUscc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  penaltyAmount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  projectCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['EnforcementCaseState'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ViolationType'], ParentType, ContextType>;
  violation?: Resolver<Maybe<ResolversTypes['Violation']>, ParentType, ContextType>;
  violationNo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EnforcementCaseConnectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EnforcementCaseConnection'] = ResolversParentTypes['EnforcementCaseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EnforcementCaseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EnforcementCaseEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EnforcementCaseEdge'] = ResolversParentTypes['EnforcementCaseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EnforcementCase'], ParentType, ContextType>;
};

export type EnforcementCaseStateChangeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EnforcementCaseStateChange'] = ResolversParentTypes['EnforcementCaseStateChange']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['EnforcementCaseState'], ParentType, ContextType>;
};

export type EnforcementPenaltyResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EnforcementPenalty'] = ResolversParentTypes['EnforcementPenalty']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  caseNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstViolationNoPenalty?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  legalBasis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ViolationType'], ParentType, ContextType>;
};

export type EnterpriseResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  enforcementCases?: Resolver<Array<ResolversTypes['EnforcementCase']>, ParentType, ContextType>;
  penalties?: Resolver<Array<ResolversTypes['EnforcementPenalty']>, ParentType, ContextType>;
  totalPenaltyAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<Array<ResolversTypes['Violation']>, ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordCitymgmtWitness?: Resolver<Maybe<ResolversTypes['WitnessRecord']>, ParentType, ContextType, RequireFields<MutationRecordCitymgmtWitnessArgs, 'hash' | 'seq' | 'subject'>>;
};

export type PageInfoResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  complaintCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<ProjectComplaintCountArgs>>;
  complaints?: Resolver<Array<ResolversTypes['Complaint']>, ParentType, ContextType, Partial<ProjectComplaintsArgs>>;
  enforcementCases?: Resolver<Array<ResolversTypes['EnforcementCase']>, ParentType, ContextType>;
  openEnforcementCases?: Resolver<Array<ResolversTypes['EnforcementCase']>, ParentType, ContextType>;
  violations?: Resolver<Array<ResolversTypes['Violation']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  citymgmtAuditTrail?: Resolver<Maybe<Array<ResolversTypes['AuditRecord']>>, ParentType, ContextType, Partial<QueryCitymgmtAuditTrailArgs>>;
  citymgmtWitnesses?: Resolver<Maybe<Array<ResolversTypes['WitnessRecord']>>, ParentType, ContextType, RequireFields<QueryCitymgmtWitnessesArgs, 'subject'>>;
  complaints?: Resolver<ResolversTypes['ComplaintConnection'], ParentType, ContextType, RequireFields<QueryComplaintsArgs, 'first'>>;
  enforcementCases?: Resolver<ResolversTypes['EnforcementCaseConnection'], ParentType, ContextType, RequireFields<QueryEnforcementCasesArgs, 'first'>>;
  verifyCitymgmtAuditTrail?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['ViolationConnection'], ParentType, ContextType, RequireFields<QueryViolationsArgs, 'first'>>;
};

export type ViolationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Violation'] = ResolversParentTypes['Violation']> = {
  complaintOrderNo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  enterpriseUscc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  foundAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  projectCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ViolationSource'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ViolationType'], ParentType, ContextType>;
  typeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usccNeedsReview?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  violationNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ViolationConnectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ViolationConnection'] = ResolversParentTypes['ViolationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ViolationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ViolationEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ViolationEdge'] = ResolversParentTypes['ViolationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Violation'], ParentType, ContextType>;
};

export type WitnessRecordResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['WitnessRecord'] = ResolversParentTypes['WitnessRecord']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflict?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recorderDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Ctx> = {
  AuditRead?: AuditReadResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  AuditWitnessReport?: AuditWitnessReportResolvers<ContextType>;
  Complaint?: ComplaintResolvers<ContextType>;
  ComplaintConnection?: ComplaintConnectionResolvers<ContextType>;
  ComplaintEdge?: ComplaintEdgeResolvers<ContextType>;
  EnforcementCase?: EnforcementCaseResolvers<ContextType>;
  EnforcementCaseConnection?: EnforcementCaseConnectionResolvers<ContextType>;
  EnforcementCaseEdge?: EnforcementCaseEdgeResolvers<ContextType>;
  EnforcementCaseStateChange?: EnforcementCaseStateChangeResolvers<ContextType>;
  EnforcementPenalty?: EnforcementPenaltyResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Violation?: ViolationResolvers<ContextType>;
  ViolationConnection?: ViolationConnectionResolvers<ContextType>;
  ViolationEdge?: ViolationEdgeResolvers<ContextType>;
  WitnessRecord?: WitnessRecordResolvers<ContextType>;
};

