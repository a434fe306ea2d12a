import type { GraphQLResolveInfo } from 'graphql';
import type { StationDoc } from '../models/station';
import type { ExceedanceView } from '../resolvers/exceedance';
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

/** One averaging window of one station that broke a local rule. */
export type Exceedance = {
  __typename?: 'Exceedance';
  /** Averaging window: 5min, 15min or 1h. */
  averaging: Scalars['String']['output'];
  /** Mean of the other stations of the district in the window (BACKGROUND rules). */
  background?: Maybe<Scalars['Float']['output']>;
  /** Legal basis of the rule (local standard and clause). */
  basis?: Maybe<Scalars['String']['output']>;
  /** GB/T 2260 district code of the station. */
  district: Scalars['String']['output'];
  /** The limit that applied (for BACKGROUND rules: the allowed difference). */
  limit: Scalars['Float']['output'];
  /** The station's MN. */
  mn: Scalars['String']['output'];
  /** Window end (exclusive), ISO-8601 UTC. */
  periodEnd: Scalars['String']['output'];
  /** Window start, ISO-8601 UTC. */
  periodStart: Scalars['String']['output'];
  /** HJ 212 factor code of the pollutant. */
  pollutant: Scalars['String']['output'];
  /** Common name of the pollutant (PM10, noise…). */
  pollutantName?: Maybe<Scalars['String']['output']>;
  /** The project the station monitors. */
  project?: Maybe<Project>;
  /** Id of the rule broken (see the rules file). */
  rule: Scalars['String']['output'];
  /** ABSOLUTE limit, BACKGROUND difference or NOISE day/night limit. */
  ruleKind: ExceedanceRuleKind;
  /** The station. */
  station: MonitoringStation;
  /** DAY or NIGHT, for noise rules. */
  timeOfDay?: Maybe<TimeOfDay>;
  /** Unit of value and limit. */
  unit?: Maybe<Scalars['String']['output']>;
  /** The measured window mean (an energy mean for noise). */
  value?: Maybe<Scalars['Float']['output']>;
};

/** How a rule compares a window mean. */
export type ExceedanceRuleKind =
  /** The window mean above a fixed limit. */
  | 'ABSOLUTE'
  /** The window mean minus the district background above the allowed difference. */
  | 'BACKGROUND'
  /** GB 12523 noise limit, depending on day or night. */
  | 'NOISE';

/** Counts of a project's exceedances in a period. */
export type ExceedanceSummary = {
  __typename?: 'ExceedanceSummary';
  /** Noise exceedances by day. */
  dayNoise: Scalars['Int']['output'];
  /** Local days with at least one exceedance. */
  daysWithExceedances: Scalars['Int']['output'];
  /** Dust (particulate) exceedances. */
  dust: Scalars['Int']['output'];
  /** Start of the period, ISO-8601 UTC. */
  from: Scalars['String']['output'];
  /** Noise exceedances at night. */
  nightNoise: Scalars['Int']['output'];
  /** End of the period (exclusive), ISO-8601 UTC. */
  to: Scalars['String']['output'];
  /** All exceeding windows. */
  total: Scalars['Int']['output'];
};

/** The value of one factor (pollutant or noise) in one reading. */
export type FactorReading = {
  __typename?: 'FactorReading';
  /** HJ 212 factor code, e.g. `a34002` (PM10), `LA` (A-weighted sound level). */
  code: Scalars['String']['output'];
  /** Other values that conflicting packets for the same slot carried for this factor (empty when none; see `Reading.conflicting`). */
  conflictingValues: Array<Scalars['Float']['output']>;
  /** HJ 212 data flag: N normal, F stopped, M maintenance, S set value, D fault, C calibration, T over range, B comms fault. */
  flag?: Maybe<Scalars['String']['output']>;
  /** Common name of the factor, e.g. PM10, when known. */
  name?: Maybe<Scalars['String']['output']>;
  /** Unit of the value, when known (µg/m³, dB(A)). */
  unit?: Maybe<Scalars['String']['output']>;
  /** The period average, or the real-time value for real-time data. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** A point in WGS-84 longitude/latitude degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude in degrees north. */
  lat: Scalars['Float']['output'];
  /** Longitude in degrees east. */
  lng: Scalars['Float']['output'];
};

/** A dust and noise monitoring station (HJ 212 device) on a construction site, keyed by its MN. */
export type MonitoringStation = {
  __typename?: 'MonitoringStation';
  /** GB/T 2260 code of the district the station stands in. */
  district?: Maybe<Scalars['String']['output']>;
  /** Local date the station was installed, `YYYY-MM-DD`. */
  installedOn?: Maybe<Scalars['String']['output']>;
  /** The most recent packet received from the station. */
  latestReading?: Maybe<Reading>;
  /** Station location (WGS-84). */
  location?: Maybe<GeoPoint>;
  /** HJ 212 device id (MN). */
  mn: Scalars['String']['output'];
  /** The construction project whose site the station monitors. */
  project?: Maybe<Project>;
  /** Readings in [from, to), oldest first (at most 92 days). */
  readings?: Maybe<Array<Reading>>;
  /** HJ 212 system code the device reports under (39 = construction-site dust). */
  systemCode?: Maybe<Scalars['String']['output']>;
  /** Device vendor (procurement record; not shared). */
  vendor?: Maybe<Scalars['String']['output']>;
};


/** A dust and noise monitoring station (HJ 212 device) on a construction site, keyed by its MN. */
export type MonitoringStationReadingsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

/** Writes environment accepts through the graph: only the witness records of other services' chain heads. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records in environment's own store that `subject`'s chain had head `hash` at link `seq`. Append-only and idempotent: the same
   * head again returns the first record. A different hash for a link already witnessed is kept too and both are
   * marked `conflict` (evidence of a rewrite). For a department's enforcement team (roles `enforcement-officer`,
   * `legal-reviewer`; not `public`).
   */
  recordEnvironmentWitness?: Maybe<WitnessRecord>;
};


/** Writes environment accepts through the graph: only the witness records of other services' chain heads. */
export type MutationRecordEnvironmentWitnessArgs = {
  hash: Scalars['String']['input'];
  seq: Scalars['Int']['input'];
  subject: Scalars['String']['input'];
};

/** A night-work permit (夜间施工许可): work allowed between nightFrom and nightTo on the days from..to. */
export type NightWorkPermit = {
  __typename?: 'NightWorkPermit';
  /** Site contact phone for residents (personal data: masked unless unlocked). */
  contactPhone?: Maybe<Scalars['String']['output']>;
  /** First day, local date `YYYY-MM-DD`. */
  from: Scalars['String']['output'];
  /** Issuing authority. */
  issuer: Scalars['String']['output'];
  /** Start of the permitted night work, local `HH:MM`. */
  nightFrom: Scalars['String']['output'];
  /** End of the permitted night work, local `HH:MM`. */
  nightTo: Scalars['String']['output'];
  /** Permit number. */
  permitNo: Scalars['String']['output'];
  /** Last day (inclusive), local date `YYYY-MM-DD`. */
  to: Scalars['String']['output'];
};

/** A construction project; 生态环境 contributes its monitoring stations, night-work permits and exceedances. */
export type Project = {
  __typename?: 'Project';
  /** National investment project code (投资项目统一代码). */
  code: Scalars['String']['output'];
  /** Counts of the site's exceedances in [from, to). */
  exceedanceSummary?: Maybe<ExceedanceSummary>;
  /** The site's exceedances in [from, to), ordered by station, time and rule. */
  exceedances?: Maybe<Array<Exceedance>>;
  /** Night-work permits issued for the site. */
  nightWorkPermits?: Maybe<Array<NightWorkPermit>>;
  /** Monitoring stations on the site. */
  stations?: Maybe<Array<MonitoringStation>>;
};


/** A construction project; 生态环境 contributes its monitoring stations, night-work permits and exceedances. */
export type ProjectExceedanceSummaryArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/** A construction project; 生态环境 contributes its monitoring stations, night-work permits and exceedances. */
export type ProjectExceedancesArgs = {
  from: Scalars['String']['input'];
  pollutant?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['String']['input'];
};

/**
 * Root queries answered by 生态环境 (ecology & environment): site monitoring stations (HJ 212) and
 * exceedances of the local dust and noise rules.
 */
export type Query = {
  __typename?: 'Query';
  /** Every read of environment's data by another department, newest first. Only for environment's admins (role `admin` or `auditor`). */
  environmentAuditTrail?: Maybe<Array<AuditRecord>>;
  /**
   * Every chain head environment witnessed for `subject`, by link number. For a department's enforcement team
   * (roles `enforcement-officer`, `legal-reviewer`; not `public`): hashes only, no personal data.
   */
  environmentWitnesses?: Maybe<Array<WitnessRecord>>;
  /**
   * Exceedances per station and averaging window in the period [from, to), under the local rules in
   * force (absolute limits, difference from the district background, GB 12523 noise limits by day and
   * night, tolerated exceedances per day). Ordered by station, time and rule.
   */
  exceedances: Array<Exceedance>;
  /**
   * One monitoring station by its HJ 212 device id (MN). Null when unknown; a malformed MN is a
   * BAD_USER_INPUT error.
   */
  station?: Maybe<MonitoringStation>;
  /**
   * Checks the hash chain of environment's audit trail and reports the first broken link (an edited, deleted or inserted record).
   * Only for environment's admins.
   */
  verifyEnvironmentAuditTrail?: Maybe<AuditVerification>;
};


/**
 * Root queries answered by 生态环境 (ecology & environment): site monitoring stations (HJ 212) and
 * exceedances of the local dust and noise rules.
 */
export type QueryEnvironmentAuditTrailArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Root queries answered by 生态环境 (ecology & environment): site monitoring stations (HJ 212) and
 * exceedances of the local dust and noise rules.
 */
export type QueryEnvironmentWitnessesArgs = {
  subject: Scalars['String']['input'];
};


/**
 * Root queries answered by 生态环境 (ecology & environment): site monitoring stations (HJ 212) and
 * exceedances of the local dust and noise rules.
 */
export type QueryExceedancesArgs = {
  district?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['String']['input'];
  pollutant?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['String']['input'];
};


/**
 * Root queries answered by 生态环境 (ecology & environment): site monitoring stations (HJ 212) and
 * exceedances of the local dust and noise rules.
 */
export type QueryStationArgs = {
  mn: Scalars['String']['input'];
};

/** One packet of measurements of a station at one time. */
export type Reading = {
  __typename?: 'Reading';
  /** HJ 212 command the data came with: 2011 real-time, 2051 minute, 2061 hourly, 2031 daily. */
  command: Scalars['String']['output'];
  /**
   * True when another packet for the same station, time and command carried different values (a conflict:
   * both packets are kept; the first received is the one shown and evaluated, the others are listed in
   * each factor's `conflictingValues`). To be checked before the reading is used as evidence.
   */
  conflicting: Scalars['Boolean']['output'];
  /** Measurement time (the packet's DataTime), ISO-8601 in UTC. */
  dataTime: Scalars['String']['output'];
  /** One value per factor. */
  values: Array<FactorReading>;
};

/** Day or night under the configured night hours (default 22:00–06:00 local time). */
export type TimeOfDay =
  /** Daytime (GB 12523: 70 dB(A)). */
  | 'DAY'
  /** Night-time (GB 12523: 55 dB(A)). */
  | 'NIGHT';

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
  MonitoringStation: MonitoringStation;
  Project: Project;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  MonitoringStation:
    ( { __typename: 'MonitoringStation' }
    & GraphQLRecursivePick<FederationTypes['MonitoringStation'], {"mn":true}> );
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
  Exceedance: ResolverTypeWrapper<ExceedanceView>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ExceedanceRuleKind: ExceedanceRuleKind;
  ExceedanceSummary: ResolverTypeWrapper<ExceedanceSummary>;
  FactorReading: ResolverTypeWrapper<FactorReading>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  MonitoringStation: ResolverTypeWrapper<StationDoc>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NightWorkPermit: ResolverTypeWrapper<NightWorkPermit>;
  Project: ResolverTypeWrapper<Pick<Omit<Project, 'exceedances' | 'stations'> & { exceedances?: Maybe<Array<ResolversTypes['Exceedance']>>, stations?: Maybe<Array<ResolversTypes['MonitoringStation']>> }, 'code'>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reading: ResolverTypeWrapper<Reading>;
  TimeOfDay: TimeOfDay;
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
  Exceedance: ExceedanceView;
  Float: Scalars['Float']['output'];
  ExceedanceSummary: ExceedanceSummary;
  FactorReading: FactorReading;
  GeoPoint: GeoPoint;
  MonitoringStation: StationDoc;
  Mutation: Record<PropertyKey, never>;
  NightWorkPermit: NightWorkPermit;
  Project: Pick<Omit<Project, 'exceedances' | 'stations'> & { exceedances?: Maybe<Array<ResolversParentTypes['Exceedance']>>, stations?: Maybe<Array<ResolversParentTypes['MonitoringStation']>> }, 'code'>;
  Query: Record<PropertyKey, never>;
  Reading: Reading;
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

export type ExceedanceResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Exceedance'] = ResolversParentTypes['Exceedance']> = {
  averaging?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  background?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  basis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pollutant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pollutantName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleKind?: Resolver<ResolversTypes['ExceedanceRuleKind'], ParentType, ContextType>;
  station?: Resolver<ResolversTypes['MonitoringStation'], ParentType, ContextType>;
  timeOfDay?: Resolver<Maybe<ResolversTypes['TimeOfDay']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ExceedanceSummaryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ExceedanceSummary'] = ResolversParentTypes['ExceedanceSummary']> = {
  dayNoise?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  daysWithExceedances?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dust?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nightNoise?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FactorReadingResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['FactorReading'] = ResolversParentTypes['FactorReading']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflictingValues?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  flag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MonitoringStationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['MonitoringStation'] = ResolversParentTypes['MonitoringStation'], FederationReferenceType extends FederationReferenceTypes['MonitoringStation'] = FederationReferenceTypes['MonitoringStation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MonitoringStation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  district?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  installedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latestReading?: Resolver<Maybe<ResolversTypes['Reading']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  mn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  readings?: Resolver<Maybe<Array<ResolversTypes['Reading']>>, ParentType, ContextType, RequireFields<MonitoringStationReadingsArgs, 'from' | 'to'>>;
  systemCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vendor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordEnvironmentWitness?: Resolver<Maybe<ResolversTypes['WitnessRecord']>, ParentType, ContextType, RequireFields<MutationRecordEnvironmentWitnessArgs, 'hash' | 'seq' | 'subject'>>;
};

export type NightWorkPermitResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['NightWorkPermit'] = ResolversParentTypes['NightWorkPermit']> = {
  contactPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nightFrom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nightTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permitNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exceedanceSummary?: Resolver<Maybe<ResolversTypes['ExceedanceSummary']>, ParentType, ContextType, RequireFields<ProjectExceedanceSummaryArgs, 'from' | 'to'>>;
  exceedances?: Resolver<Maybe<Array<ResolversTypes['Exceedance']>>, ParentType, ContextType, RequireFields<ProjectExceedancesArgs, 'from' | 'to'>>;
  nightWorkPermits?: Resolver<Maybe<Array<ResolversTypes['NightWorkPermit']>>, ParentType, ContextType>;
  stations?: Resolver<Maybe<Array<ResolversTypes['MonitoringStation']>>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  environmentAuditTrail?: Resolver<Maybe<Array<ResolversTypes['AuditRecord']>>, ParentType, ContextType, Partial<QueryEnvironmentAuditTrailArgs>>;
  environmentWitnesses?: Resolver<Maybe<Array<ResolversTypes['WitnessRecord']>>, ParentType, ContextType, RequireFields<QueryEnvironmentWitnessesArgs, 'subject'>>;
  exceedances?: Resolver<Array<ResolversTypes['Exceedance']>, ParentType, ContextType, RequireFields<QueryExceedancesArgs, 'from' | 'to'>>;
  station?: Resolver<Maybe<ResolversTypes['MonitoringStation']>, ParentType, ContextType, RequireFields<QueryStationArgs, 'mn'>>;
  verifyEnvironmentAuditTrail?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
};

export type ReadingResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Reading'] = ResolversParentTypes['Reading']> = {
  command?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflicting?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dataTime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['FactorReading']>, ParentType, ContextType>;
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
  Exceedance?: ExceedanceResolvers<ContextType>;
  ExceedanceSummary?: ExceedanceSummaryResolvers<ContextType>;
  FactorReading?: FactorReadingResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  MonitoringStation?: MonitoringStationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NightWorkPermit?: NightWorkPermitResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reading?: ReadingResolvers<ContextType>;
  WitnessRecord?: WitnessRecordResolvers<ContextType>;
};

