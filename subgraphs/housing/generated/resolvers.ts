import type { GraphQLResolveInfo } from 'graphql';
import type { ProjectDoc } from '../models/project';
import type { EnterpriseDoc } from '../models/enterprise';
import type { ParticipantDoc } from '../models/participant';
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

/** A longitude/latitude box in WGS-84 degrees. */
export type BoundingBoxInput = {
  /** Northern edge, degrees north. */
  maxLat: Scalars['Float']['input'];
  /** Eastern edge, degrees east. */
  maxLng: Scalars['Float']['input'];
  /** Southern edge, degrees north. */
  minLat: Scalars['Float']['input'];
  /** Western edge, degrees east. */
  minLng: Scalars['Float']['input'];
};

/** 施工许可证: the construction permit issued by 住建 before work may start. */
export type ConstructionPermit = {
  __typename?: 'ConstructionPermit';
  /** Contract value in yuan (合同价). Shared for planning supervision and wage enforcement. */
  contractValue?: Maybe<Scalars['Float']['output']>;
  /** Date of issue (ISO `YYYY-MM-DD`). */
  issuedOn?: Maybe<Scalars['String']['output']>;
  /** Permit number. */
  permitNo: Scalars['String']['output'];
  /** Name of the general contractor's project manager (项目经理); masked unless a purpose unlocks it. */
  projectManagerName?: Maybe<Scalars['String']['output']>;
  /** Phone of the general contractor's project manager; shared for wage enforcement and complaint handling. */
  projectManagerPhone?: Maybe<Scalars['String']['output']>;
  /** Internal note of the permit reviewer (审查意见). Not shared (不予共享). */
  reviewNote?: Maybe<Scalars['String']['output']>;
};

/** The result of the GB 32100 check on a credit code. */
export type CreditCodeStatus =
  /** Well-formed but the check character is wrong: kept and flagged for manual review (some early pilot-region codes). */
  | 'CHECKSUM_MISMATCH'
  /** The check character is right. */
  | 'VALID';

/**
 * An enterprise, keyed by its unified social credit code (统一社会信用代码, GB 32100). 住建 contributes its name,
 * the credit-code check and the projects it takes part in.
 */
export type Enterprise = {
  __typename?: 'Enterprise';
  /** Result of the GB 32100 check on the credit code. */
  creditCodeStatus?: Maybe<CreditCodeStatus>;
  /** Enterprise name as last declared on a permit. */
  name?: Maybe<Scalars['String']['output']>;
  /** Whether the credit code awaits manual review (it fails the checksum). */
  needsReview?: Maybe<Scalars['Boolean']['output']>;
  /** The projects the enterprise takes part in, in every role (or in one role). */
  participations: Array<ProjectParticipant>;
  /** Unified social credit code. */
  uscc: Scalars['String']['output'];
};


/**
 * An enterprise, keyed by its unified social credit code (统一社会信用代码, GB 32100). 住建 contributes its name,
 * the credit-code check and the projects it takes part in.
 */
export type EnterpriseParticipationsArgs = {
  role?: InputMaybe<ParticipantRole>;
};

/** A point in WGS-84 longitude/latitude degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude in degrees north. */
  lat: Scalars['Float']['output'];
  /** Longitude in degrees east. */
  lng: Scalars['Float']['output'];
};

/** The kind of a supervision inspection. */
export type InspectionKind =
  /** 质量监督检查: construction quality. */
  | 'QUALITY'
  /** 安全监督检查: work safety. */
  | 'SAFETY';

/** The decision of a supervision inspection. */
export type InspectionOutcome =
  /** 合格: no action needed. */
  | 'PASSED'
  /** 责令整改: the contractor must correct the issues found. */
  | 'RECTIFICATION_ORDERED'
  /** 责令停工: work must stop until the issues are corrected. */
  | 'STOP_WORK_ORDERED';

/** Writes housing accepts through the graph: only the witness records of other services' chain heads. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records in housing's own store that `subject`'s chain had head `hash` at link `seq`. Append-only and idempotent: the same
   * head again returns the first record. A different hash for a link already witnessed is kept too and both are
   * marked `conflict` (evidence of a rewrite). For a department's enforcement team (roles `enforcement-officer`,
   * `legal-reviewer`; not `public`).
   */
  recordHousingWitness?: Maybe<WitnessRecord>;
};


/** Writes housing accepts through the graph: only the witness records of other services' chain heads. */
export type MutationRecordHousingWitnessArgs = {
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

/** The five responsible parties of a project (五方责任主体). */
export type ParticipantRole =
  /** 建设单位: the developer / owner. */
  | 'BUILDER'
  /** 施工单位: the general contractor. */
  | 'CONTRACTOR'
  /** 设计单位: the design institute. */
  | 'DESIGNER'
  /** 监理单位: the supervision firm. */
  | 'SUPERVISOR'
  /** 勘察单位: the survey firm. */
  | 'SURVEYOR';

/** A progress report (形象进度) filed by the general contractor: the REPORTED as-built state of the site. */
export type ProgressReport = {
  __typename?: 'ProgressReport';
  /** Remark of the 住建 inspector who checked the report. Not shared (不予共享). */
  inspectorRemark?: Maybe<Scalars['String']['output']>;
  /** Overall progress in percent, 0 to 100. */
  progressPercent?: Maybe<Scalars['Float']['output']>;
  /** Date of the report (ISO `YYYY-MM-DD`). */
  reportDate: Scalars['String']['output'];
  /** Built floor area so far, m². */
  reportedFloorArea?: Maybe<Scalars['Float']['output']>;
  /** Building height so far, m. */
  reportedHeight?: Maybe<Scalars['Float']['output']>;
  /** Storeys above ground built so far. */
  storeys?: Maybe<Scalars['Int']['output']>;
};

/**
 * A construction project, keyed by its national investment project code. 住建 owns the registry entry;
 * every other department contributes its own fields.
 */
export type Project = {
  __typename?: 'Project';
  /** Site address. */
  address?: Maybe<Scalars['String']['output']>;
  /** National investment project code (投资项目统一代码). */
  code: Scalars['String']['output'];
  /** GB/T 2260 code of the district the site lies in. */
  district?: Maybe<Scalars['String']['output']>;
  /** Name of the district. */
  districtName?: Maybe<Scalars['String']['output']>;
  /** Quality and safety supervision inspections of the site (质安监督检查), oldest first. */
  inspections: Array<SiteInspection>;
  /** The most recent progress report; null when none was filed. */
  latestProgress?: Maybe<ProgressReport>;
  /** Site location (WGS-84). */
  location?: Maybe<GeoPoint>;
  /** Registered project name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The enterprises taking part in the project (五方责任主体), optionally in one role only. */
  participants: Array<ProjectParticipant>;
  /** The construction permit (施工许可证); null before one is issued. */
  permit?: Maybe<ConstructionPermit>;
  /** Every progress report of the project, oldest first. */
  progressReports: Array<ProgressReport>;
  /**
   * Built floor area in m² as REPORTED by the contractor in the latest progress report (住建's side; the approved
   * area is exposed by 自然资源).
   */
  reportedFloorArea?: Maybe<Scalars['Float']['output']>;
  /** Building height in m as REPORTED in the latest progress report (the approved height is exposed by 自然资源). */
  reportedHeight?: Maybe<Scalars['Float']['output']>;
  /** Registry status: PLANNED, IN_PROGRESS, SUSPENDED or COMPLETED. */
  status?: Maybe<Scalars['String']['output']>;
};


/**
 * A construction project, keyed by its national investment project code. 住建 owns the registry entry;
 * every other department contributes its own fields.
 */
export type ProjectParticipantsArgs = {
  role?: InputMaybe<ParticipantRole>;
};

/** One page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The projects of this page, in project-code order. */
  edges: Array<ProjectEdge>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many projects match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** A project in a page, with the cursor that points at it. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Opaque cursor of this project; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The project. */
  node: Project;
};

/** Which projects `projects` lists. Every given criterion must hold. */
export type ProjectFilter = {
  /** Only sites whose location lies inside this box (edges included). */
  bbox?: InputMaybe<BoundingBoxInput>;
  /** GB/T 2260 district code (6 digits), e.g. `371302`. */
  district?: InputMaybe<Scalars['String']['input']>;
  /** Registry status: PLANNED, IN_PROGRESS, SUSPENDED or COMPLETED. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Text contained in the project name or the site address (literal, case-insensitive). */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** One enterprise taking part in one project in one role, as declared on the construction permit. */
export type ProjectParticipant = {
  __typename?: 'ProjectParticipant';
  /** The enterprise. */
  enterprise: Enterprise;
  /** Enterprise name as declared on the permit. */
  enterpriseName?: Maybe<Scalars['String']['output']>;
  /** The project. */
  project?: Maybe<Project>;
  /** Role in the project. */
  role: ParticipantRole;
};

/**
 * Root queries answered by 住建 (housing & construction): the project registry, construction permits,
 * participating enterprises and progress reports.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * An enterprise by its 18-character unified social credit code (GB 32100), as known to 住建 from the permits
   * it takes part in. Null when 住建 does not know it. A malformed code is a BAD_USER_INPUT error; a code that is
   * well-formed but fails the checksum is looked up (such codes are kept and flagged for review).
   */
  enterprise?: Maybe<Enterprise>;
  /** Every read of housing's data by another department, newest first. Only for housing's admins (role `admin` or `auditor`). */
  housingAuditTrail?: Maybe<Array<AuditRecord>>;
  /**
   * Every chain head housing witnessed for `subject`, by link number. For a department's enforcement team
   * (roles `enforcement-officer`, `legal-reviewer`; not `public`): hashes only, no personal data.
   */
  housingWitnesses?: Maybe<Array<WitnessRecord>>;
  /**
   * One project by its national investment project code (投资项目统一代码, `YYYY-RRRRRR-DD-TT-NNNNNC`).
   * Null when 住建 has not registered the code. A malformed code is a BAD_USER_INPUT error.
   */
  project?: Maybe<Project>;
  /** Registered projects in a stable order (by project code), one page at a time. Filters combine with AND. */
  projects: ProjectConnection;
  /**
   * Checks the hash chain of housing's audit trail and reports the first broken link (an edited, deleted or inserted record).
   * Only for housing's admins.
   */
  verifyHousingAuditTrail?: Maybe<AuditVerification>;
};


/**
 * Root queries answered by 住建 (housing & construction): the project registry, construction permits,
 * participating enterprises and progress reports.
 */
export type QueryEnterpriseArgs = {
  uscc: Scalars['String']['input'];
};


/**
 * Root queries answered by 住建 (housing & construction): the project registry, construction permits,
 * participating enterprises and progress reports.
 */
export type QueryHousingAuditTrailArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Root queries answered by 住建 (housing & construction): the project registry, construction permits,
 * participating enterprises and progress reports.
 */
export type QueryHousingWitnessesArgs = {
  subject: Scalars['String']['input'];
};


/**
 * Root queries answered by 住建 (housing & construction): the project registry, construction permits,
 * participating enterprises and progress reports.
 */
export type QueryProjectArgs = {
  code: Scalars['String']['input'];
};


/**
 * Root queries answered by 住建 (housing & construction): the project registry, construction permits,
 * participating enterprises and progress reports.
 */
export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A quality or safety supervision inspection of a site by 住建's supervision station (质安站). */
export type SiteInspection = {
  __typename?: 'SiteInspection';
  /** Date of the inspection (ISO `YYYY-MM-DD`). */
  inspectedOn: Scalars['String']['output'];
  /** Inspection record number. */
  inspectionNo: Scalars['String']['output'];
  /** Remark of the inspector. Not shared (不予共享). */
  inspectorRemark?: Maybe<Scalars['String']['output']>;
  /** Number of hazards or defects found (隐患数). */
  issuesFound?: Maybe<Scalars['Int']['output']>;
  /** Quality or safety inspection. */
  kind: InspectionKind;
  /** What the inspector decided. */
  outcome: InspectionOutcome;
};

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
  BoundingBoxInput: BoundingBoxInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ConstructionPermit: ResolverTypeWrapper<ConstructionPermit>;
  CreditCodeStatus: CreditCodeStatus;
  Enterprise: ResolverTypeWrapper<EnterpriseDoc>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  InspectionKind: InspectionKind;
  InspectionOutcome: InspectionOutcome;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParticipantRole: ParticipantRole;
  ProgressReport: ResolverTypeWrapper<ProgressReport>;
  Project: ResolverTypeWrapper<ProjectDoc>;
  ProjectConnection: ResolverTypeWrapper<Omit<ProjectConnection, 'edges'> & { edges: Array<ResolversTypes['ProjectEdge']> }>;
  ProjectEdge: ResolverTypeWrapper<Omit<ProjectEdge, 'node'> & { node: ResolversTypes['Project'] }>;
  ProjectFilter: ProjectFilter;
  ProjectParticipant: ResolverTypeWrapper<ParticipantDoc>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SiteInspection: ResolverTypeWrapper<SiteInspection>;
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
  BoundingBoxInput: BoundingBoxInput;
  Float: Scalars['Float']['output'];
  ConstructionPermit: ConstructionPermit;
  Enterprise: EnterpriseDoc;
  GeoPoint: GeoPoint;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  ProgressReport: ProgressReport;
  Project: ProjectDoc;
  ProjectConnection: Omit<ProjectConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProjectEdge']> };
  ProjectEdge: Omit<ProjectEdge, 'node'> & { node: ResolversParentTypes['Project'] };
  ProjectFilter: ProjectFilter;
  ProjectParticipant: ParticipantDoc;
  Query: Record<PropertyKey, never>;
  SiteInspection: SiteInspection;
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

export type ConstructionPermitResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ConstructionPermit'] = ResolversParentTypes['ConstructionPermit']> = {
  contractValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  permitNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectManagerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  projectManagerPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EnterpriseResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditCodeStatus?: Resolver<Maybe<ResolversTypes['CreditCodeStatus']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  needsReview?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  participations?: Resolver<Array<ResolversTypes['ProjectParticipant']>, ParentType, ContextType, Partial<EnterpriseParticipationsArgs>>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordHousingWitness?: Resolver<Maybe<ResolversTypes['WitnessRecord']>, ParentType, ContextType, RequireFields<MutationRecordHousingWitnessArgs, 'hash' | 'seq' | 'subject'>>;
};

export type PageInfoResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProgressReportResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ProgressReport'] = ResolversParentTypes['ProgressReport']> = {
  inspectorRemark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  progressPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reportDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reportedFloorArea?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reportedHeight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  storeys?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  district?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  districtName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inspections?: Resolver<Array<ResolversTypes['SiteInspection']>, ParentType, ContextType>;
  latestProgress?: Resolver<Maybe<ResolversTypes['ProgressReport']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['ProjectParticipant']>, ParentType, ContextType, Partial<ProjectParticipantsArgs>>;
  permit?: Resolver<Maybe<ResolversTypes['ConstructionPermit']>, ParentType, ContextType>;
  progressReports?: Resolver<Array<ResolversTypes['ProgressReport']>, ParentType, ContextType>;
  reportedFloorArea?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reportedHeight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectConnectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ProjectConnection'] = ResolversParentTypes['ProjectConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProjectEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ProjectEdge'] = ResolversParentTypes['ProjectEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
};

export type ProjectParticipantResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ProjectParticipant'] = ResolversParentTypes['ProjectParticipant']> = {
  enterprise?: Resolver<ResolversTypes['Enterprise'], ParentType, ContextType>;
  enterpriseName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ParticipantRole'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType, RequireFields<QueryEnterpriseArgs, 'uscc'>>;
  housingAuditTrail?: Resolver<Maybe<Array<ResolversTypes['AuditRecord']>>, ParentType, ContextType, Partial<QueryHousingAuditTrailArgs>>;
  housingWitnesses?: Resolver<Maybe<Array<ResolversTypes['WitnessRecord']>>, ParentType, ContextType, RequireFields<QueryHousingWitnessesArgs, 'subject'>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'code'>>;
  projects?: Resolver<ResolversTypes['ProjectConnection'], ParentType, ContextType, RequireFields<QueryProjectsArgs, 'first'>>;
  verifyHousingAuditTrail?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
};

export type SiteInspectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['SiteInspection'] = ResolversParentTypes['SiteInspection']> = {
  inspectedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inspectionNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inspectorRemark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuesFound?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InspectionKind'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['InspectionOutcome'], ParentType, ContextType>;
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
  ConstructionPermit?: ConstructionPermitResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProgressReport?: ProgressReportResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectConnection?: ProjectConnectionResolvers<ContextType>;
  ProjectEdge?: ProjectEdgeResolvers<ContextType>;
  ProjectParticipant?: ProjectParticipantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SiteInspection?: SiteInspectionResolvers<ContextType>;
  WitnessRecord?: WitnessRecordResolvers<ContextType>;
};

