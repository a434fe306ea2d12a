import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ParcelDoc } from '../models/parcel';
import type { PlanningPermitDoc } from '../models/planningPermit';
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
  /**
   * A GeoJSON geometry object (RFC 7946), here always a `Polygon` or `MultiPolygon` in WGS-84
   * longitude/latitude degrees, e.g. `{"type": "Polygon", "coordinates": [[[118.30, 35.00], …]]}`.
   * Served as a JSON value (not a string) so clients can hand it straight to a map library.
   */
  GeoJSON: { input: unknown; output: unknown; }
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

/** A point in WGS-84 longitude/latitude degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude in degrees north. */
  lat: Scalars['Float']['output'];
  /** Longitude in degrees east. */
  lng: Scalars['Float']['output'];
};

/** Writes resources accepts through the graph: only the witness records of other services' chain heads. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records in resources's own store that `subject`'s chain had head `hash` at link `seq`. Append-only and idempotent: the same
   * head again returns the first record. A different hash for a link already witnessed is kept too and both are
   * marked `conflict` (evidence of a rewrite). For a department's enforcement team (roles `enforcement-officer`,
   * `legal-reviewer`; not `public`).
   */
  recordResourcesWitness?: Maybe<WitnessRecord>;
};


/** Writes resources accepts through the graph: only the witness records of other services' chain heads. */
export type MutationRecordResourcesWitnessArgs = {
  hash: Scalars['String']['input'];
  seq: Scalars['Int']['input'];
  subject: Scalars['String']['input'];
};

/** Cursor-pagination state of a page. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A land parcel (宗地) registered by 自然资源, with its red line (用地红线). */
export type Parcel = {
  __typename?: 'Parcel';
  /** Land area in square metres. */
  area?: Maybe<Scalars['Float']['output']>;
  /** Bounding box of the red line. */
  bounds?: Maybe<RedLineBounds>;
  /** Centre of the red line's bounding box: a point to put a marker on. */
  center?: Maybe<GeoPoint>;
  /** GB/T 2260 code of the district the parcel lies in. */
  district?: Maybe<Scalars['String']['output']>;
  /** Number of the land-grant contract (出让合同编号). Not shared (不予共享). */
  grantContractNo?: Maybe<Scalars['String']['output']>;
  /** Land price paid under the grant contract (出让价款), in yuan. Not shared (不予共享). */
  grantPrice?: Maybe<Scalars['Float']['output']>;
  /** Land use (土地用途), e.g. 住宅用地, 工业用地. */
  landUse?: Maybe<Scalars['String']['output']>;
  /** Parcel code (宗地代码). */
  parcelCode: Scalars['String']['output'];
  /** Planning permits issued on this parcel, oldest first. */
  permits: Array<PlanningPermit>;
  /** The red line as a GeoJSON Polygon or MultiPolygon. */
  redLine?: Maybe<Scalars['GeoJSON']['output']>;
  /** Holder of the land-use right (土地使用权人). */
  rightHolder?: Maybe<Scalars['String']['output']>;
};

/** A page of parcels. */
export type ParcelConnection = {
  __typename?: 'ParcelConnection';
  /** The parcels of this page, each with its cursor. */
  edges: Array<ParcelEdge>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** Number of parcels matching the query, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One parcel in a page, with the cursor that points at it. */
export type ParcelEdge = {
  __typename?: 'ParcelEdge';
  /** Opaque cursor: pass it as `after` to continue after this parcel. */
  cursor: Scalars['String']['output'];
  /** The parcel. */
  node: Parcel;
};

/**
 * A planning permit issued by 自然资源: the APPROVED side of the post-approval check (批后管理/规划核实);
 * 住建 exposes the reported as-built side.
 */
export type PlanningPermit = {
  __typename?: 'PlanningPermit';
  /** The construction unit (建设单位) named on the permit. */
  applicant?: Maybe<Scalars['String']['output']>;
  /** Approved total floor area in m² (engineering permits; null on land-use permits). */
  approvedFloorArea?: Maybe<Scalars['Float']['output']>;
  /** Approved building height in metres (engineering permits). */
  approvedHeight?: Maybe<Scalars['Float']['output']>;
  /** Approved use of the land or building. */
  approvedUse?: Maybe<Scalars['String']['output']>;
  /** The applicant's contact person (personal data: masked unless unlocked). */
  contactName?: Maybe<Scalars['String']['output']>;
  /** The applicant's contact phone (personal data). */
  contactPhone?: Maybe<Scalars['String']['output']>;
  /** Date of issue (ISO 8601, YYYY-MM-DD). */
  issuedOn?: Maybe<Scalars['String']['output']>;
  /** Land-use or engineering planning permit. */
  kind: PlanningPermitKind;
  /** The parcel the permit covers. */
  parcel?: Maybe<Parcel>;
  /** Certificate number; since 2024 the 电子监管号 of the national land-use supervision system. */
  permitNo: Scalars['String']['output'];
  /** Maximum plot ratio (容积率). */
  plotRatio?: Maybe<Scalars['Float']['output']>;
  /** The project the permit was issued for. */
  project: Project;
  /** Approved number of storeys above ground. */
  storeys?: Maybe<Scalars['Int']['output']>;
};

/** The kind of a planning permit. */
export type PlanningPermitKind =
  /** 建设工程规划许可证: permits the building (floor area, height, storeys, use). */
  | 'ENGINEERING'
  /** 建设用地规划许可证: permits the land use (location, area, use, planning conditions such as 容积率). */
  | 'LAND_USE';

/**
 * A construction project, keyed by its national investment project code; 自然资源 contributes the
 * parcel and the planning permits, i.e. the approved values of the post-approval check.
 */
export type Project = {
  __typename?: 'Project';
  /**
   * Approved total floor area in m²: the sum over the project's engineering planning permits (phased
   * projects hold one per phase). Null when none has been issued.
   */
  approvedFloorArea?: Maybe<Scalars['Float']['output']>;
  /** Approved building height in metres: the highest over the project's engineering planning permits. */
  approvedHeight?: Maybe<Scalars['Float']['output']>;
  /** Approved use, from the latest engineering (else land-use) planning permit. */
  approvedUse?: Maybe<Scalars['String']['output']>;
  /** National investment project code (投资项目统一代码). */
  code: Scalars['String']['output'];
  /** The project's 建设工程规划许可证 (the latest, when re-issued; see `planningPermits` for phases). */
  engineeringPlanningPermit?: Maybe<PlanningPermit>;
  /** The project's 建设用地规划许可证 (the latest, when re-issued). */
  landUsePlanningPermit?: Maybe<PlanningPermit>;
  /** The land parcel the project is built on (from its planning permits). */
  parcel?: Maybe<Parcel>;
  /** Every planning permit of the project, oldest first. */
  planningPermits: Array<PlanningPermit>;
};

/** Root queries answered by 自然资源 (natural resources and planning). */
export type Query = {
  __typename?: 'Query';
  /**
   * One land parcel (宗地) by its parcel code (宗地代码). Null when 自然资源 has no such parcel. A malformed
   * code is a BAD_USER_INPUT error.
   */
  parcel?: Maybe<Parcel>;
  /**
   * Parcels whose red-line bounding box intersects the given box, ordered by parcel code, with cursor
   * pagination. Coordinates are WGS-84 degrees; the box must have min ≤ max.
   */
  parcelsInBox: ParcelConnection;
  /** Every read of resources's data by another department, newest first. Only for resources's admins (role `admin` or `auditor`). */
  resourcesAuditTrail?: Maybe<Array<AuditRecord>>;
  /**
   * Every chain head resources witnessed for `subject`, by link number. For a department's enforcement team
   * (roles `enforcement-officer`, `legal-reviewer`; not `public`): hashes only, no personal data.
   */
  resourcesWitnesses?: Maybe<Array<WitnessRecord>>;
  /**
   * Checks the hash chain of resources's audit trail and reports the first broken link (an edited, deleted or inserted record).
   * Only for resources's admins.
   */
  verifyResourcesAuditTrail?: Maybe<AuditVerification>;
};


/** Root queries answered by 自然资源 (natural resources and planning). */
export type QueryParcelArgs = {
  parcelCode: Scalars['String']['input'];
};


/** Root queries answered by 自然资源 (natural resources and planning). */
export type QueryParcelsInBoxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  maxLat: Scalars['Float']['input'];
  maxLng: Scalars['Float']['input'];
  minLat: Scalars['Float']['input'];
  minLng: Scalars['Float']['input'];
};


/** Root queries answered by 自然资源 (natural resources and planning). */
export type QueryResourcesAuditTrailArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Root queries answered by 自然资源 (natural resources and planning). */
export type QueryResourcesWitnessesArgs = {
  subject: Scalars['String']['input'];
};

/** The bounding box of a red line, in WGS-84 degrees. */
export type RedLineBounds = {
  __typename?: 'RedLineBounds';
  /** Northern edge (largest latitude). */
  maxLat: Scalars['Float']['output'];
  /** Eastern edge (largest longitude). */
  maxLng: Scalars['Float']['output'];
  /** Southern edge (smallest latitude). */
  minLat: Scalars['Float']['output'];
  /** Western edge (smallest longitude). */
  minLng: Scalars['Float']['output'];
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
  Parcel: Parcel;
  Project: Project;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Parcel:
    ( { __typename: 'Parcel' }
    & GraphQLRecursivePick<FederationTypes['Parcel'], {"parcelCode":true}> );
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
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Parcel: ResolverTypeWrapper<ParcelDoc>;
  ParcelConnection: ResolverTypeWrapper<Omit<ParcelConnection, 'edges'> & { edges: Array<ResolversTypes['ParcelEdge']> }>;
  ParcelEdge: ResolverTypeWrapper<Omit<ParcelEdge, 'node'> & { node: ResolversTypes['Parcel'] }>;
  PlanningPermit: ResolverTypeWrapper<PlanningPermitDoc>;
  PlanningPermitKind: PlanningPermitKind;
  Project: ResolverTypeWrapper<Pick<Omit<Project, 'engineeringPlanningPermit' | 'landUsePlanningPermit' | 'parcel' | 'planningPermits'> & { engineeringPlanningPermit?: Maybe<ResolversTypes['PlanningPermit']>, landUsePlanningPermit?: Maybe<ResolversTypes['PlanningPermit']>, parcel?: Maybe<ResolversTypes['Parcel']>, planningPermits: Array<ResolversTypes['PlanningPermit']> }, 'code'>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RedLineBounds: ResolverTypeWrapper<RedLineBounds>;
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
  GeoJSON: Scalars['GeoJSON']['output'];
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Parcel: ParcelDoc;
  ParcelConnection: Omit<ParcelConnection, 'edges'> & { edges: Array<ResolversParentTypes['ParcelEdge']> };
  ParcelEdge: Omit<ParcelEdge, 'node'> & { node: ResolversParentTypes['Parcel'] };
  PlanningPermit: PlanningPermitDoc;
  Project: Pick<Omit<Project, 'engineeringPlanningPermit' | 'landUsePlanningPermit' | 'parcel' | 'planningPermits'> & { engineeringPlanningPermit?: Maybe<ResolversParentTypes['PlanningPermit']>, landUsePlanningPermit?: Maybe<ResolversParentTypes['PlanningPermit']>, parcel?: Maybe<ResolversParentTypes['Parcel']>, planningPermits: Array<ResolversParentTypes['PlanningPermit']> }, 'code'>;
  Query: Record<PropertyKey, never>;
  RedLineBounds: RedLineBounds;
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

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type GeoPointResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordResourcesWitness?: Resolver<Maybe<ResolversTypes['WitnessRecord']>, ParentType, ContextType, RequireFields<MutationRecordResourcesWitnessArgs, 'hash' | 'seq' | 'subject'>>;
};

export type PageInfoResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ParcelResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Parcel'] = ResolversParentTypes['Parcel'], FederationReferenceType extends FederationReferenceTypes['Parcel'] = FederationReferenceTypes['Parcel']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Parcel']> | FederationReferenceType, FederationReferenceType, ContextType>;
  area?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bounds?: Resolver<Maybe<ResolversTypes['RedLineBounds']>, ParentType, ContextType>;
  center?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  district?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  grantContractNo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  grantPrice?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  landUse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parcelCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permits?: Resolver<Array<ResolversTypes['PlanningPermit']>, ParentType, ContextType>;
  redLine?: Resolver<Maybe<ResolversTypes['GeoJSON']>, ParentType, ContextType>;
  rightHolder?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ParcelConnectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ParcelConnection'] = ResolversParentTypes['ParcelConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ParcelEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ParcelEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ParcelEdge'] = ResolversParentTypes['ParcelEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Parcel'], ParentType, ContextType>;
};

export type PlanningPermitResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['PlanningPermit'] = ResolversParentTypes['PlanningPermit']> = {
  applicant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  approvedFloorArea?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  approvedHeight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  approvedUse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PlanningPermitKind'], ParentType, ContextType>;
  parcel?: Resolver<Maybe<ResolversTypes['Parcel']>, ParentType, ContextType>;
  permitNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plotRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  storeys?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  approvedFloorArea?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  approvedHeight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  approvedUse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  engineeringPlanningPermit?: Resolver<Maybe<ResolversTypes['PlanningPermit']>, ParentType, ContextType>;
  landUsePlanningPermit?: Resolver<Maybe<ResolversTypes['PlanningPermit']>, ParentType, ContextType>;
  parcel?: Resolver<Maybe<ResolversTypes['Parcel']>, ParentType, ContextType>;
  planningPermits?: Resolver<Array<ResolversTypes['PlanningPermit']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  parcel?: Resolver<Maybe<ResolversTypes['Parcel']>, ParentType, ContextType, RequireFields<QueryParcelArgs, 'parcelCode'>>;
  parcelsInBox?: Resolver<ResolversTypes['ParcelConnection'], ParentType, ContextType, RequireFields<QueryParcelsInBoxArgs, 'first' | 'maxLat' | 'maxLng' | 'minLat' | 'minLng'>>;
  resourcesAuditTrail?: Resolver<Maybe<Array<ResolversTypes['AuditRecord']>>, ParentType, ContextType, Partial<QueryResourcesAuditTrailArgs>>;
  resourcesWitnesses?: Resolver<Maybe<Array<ResolversTypes['WitnessRecord']>>, ParentType, ContextType, RequireFields<QueryResourcesWitnessesArgs, 'subject'>>;
  verifyResourcesAuditTrail?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
};

export type RedLineBoundsResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RedLineBounds'] = ResolversParentTypes['RedLineBounds']> = {
  maxLat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  maxLng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minLat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minLng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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
  GeoJSON?: GraphQLScalarType;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Parcel?: ParcelResolvers<ContextType>;
  ParcelConnection?: ParcelConnectionResolvers<ContextType>;
  ParcelEdge?: ParcelEdgeResolvers<ContextType>;
  PlanningPermit?: PlanningPermitResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RedLineBounds?: RedLineBoundsResolvers<ContextType>;
  WitnessRecord?: WitnessRecordResolvers<ContextType>;
};

