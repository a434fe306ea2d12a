import type { GraphQLResolveInfo } from 'graphql';
import type { RegistrationDoc } from '../models/registration';
import type { PayLineDoc } from '../models/payLine';
import type { WorkerAssessment } from '../wageRule';
import type { WageArrearsView, ProjectWageStatusView } from '../resolvers/wage';
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

/**
 * A listing on the arrears blacklist: the employer failed to pay wages after an order to pay, to the
 * level of the crime of refusing to pay (or with a serious incident). Listed for a term (3 years by
 * default) unless removed early.
 */
export type ArrearsBlacklisting = {
  __typename?: 'ArrearsBlacklisting';
  /** Decision number (决定文书号). */
  decisionNo: Scalars['String']['output'];
  /** End of the listing term, `YYYY-MM-DD`. */
  expiresOn: Scalars['String']['output'];
  /** Date listed, `YYYY-MM-DD`. */
  listedOn: Scalars['String']['output'];
  /** Reason given in the decision. */
  reason: Scalars['String']['output'];
  /** Early removal date, when removed. */
  removedOn?: Maybe<Scalars['String']['output']>;
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

/**
 * An enterprise, keyed by its unified social credit code; hrss contributes its registered workforce and
 * wage arrears.
 */
export type Enterprise = {
  __typename?: 'Enterprise';
  /**
   * The arrears-blacklist listing (拖欠农民工工资失信联合惩戒对象名单) in force on a date, or null.
   * The list is published, so it is shared unconditionally.
   */
  arrearsBlacklisting?: Maybe<ArrearsBlacklisting>;
  /** Unified social credit code (GB 32100). */
  uscc: Scalars['String']['output'];
  /** Projects where workers of this employer are in arrears for a month. Conditionally shared: `wage-enforcement`. */
  wageArrears?: Maybe<Array<WageArrears>>;
  /** Number of workers registered with this employer. */
  workforce?: Maybe<Scalars['Int']['output']>;
};


/**
 * An enterprise, keyed by its unified social credit code; hrss contributes its registered workforce and
 * wage arrears.
 */
export type EnterpriseArrearsBlacklistingArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
};


/**
 * An enterprise, keyed by its unified social credit code; hrss contributes its registered workforce and
 * wage arrears.
 */
export type EnterpriseWageArrearsArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  month: Scalars['String']['input'];
};

/** Writes hrss accepts through the graph: only the witness records of other services' chain heads. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records in hrss's own store that `subject`'s chain had head `hash` at link `seq`. Append-only and idempotent: the same
   * head again returns the first record. A different hash for a link already witnessed is kept too and both are
   * marked `conflict` (evidence of a rewrite). For a department's enforcement team (roles `enforcement-officer`,
   * `legal-reviewer`; not `public`).
   */
  recordHrssWitness?: Maybe<WitnessRecord>;
};


/** Writes hrss accepts through the graph: only the witness records of other services' chain heads. */
export type MutationRecordHrssWitnessArgs = {
  hash: Scalars['String']['input'];
  seq: Scalars['Int']['input'];
  subject: Scalars['String']['input'];
};

/**
 * A construction project, keyed by its national investment project code; hrss contributes its workforce
 * and wage payment status.
 */
export type Project = {
  __typename?: 'Project';
  /** National investment project code (投资项目统一代码). */
  code: Scalars['String']['output'];
  /** Wage payment status for a month. Conditionally shared: `wage-enforcement`. */
  wageStatus?: Maybe<ProjectWageStatus>;
  /** Number of workers registered on the project under the real-name system. */
  workforce?: Maybe<Scalars['Int']['output']>;
};


/**
 * A construction project, keyed by its national investment project code; hrss contributes its workforce
 * and wage payment status.
 */
export type ProjectWageStatusArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  month: Scalars['String']['input'];
};

/** Wage payment status of a project for one month. */
export type ProjectWageStatus = {
  __typename?: 'ProjectWageStatus';
  /**
   * The workers unpaid or paid short (empty before the pay date), largest amount owed first. Conditionally shared:
   * `wage-enforcement`; names masked for other departments.
   */
  affectedWorkers?: Maybe<Array<WorkerInArrears>>;
  /** Amount owed in yuan. */
  amountOwed: Scalars['Float']['output'];
  /** Days between the pay date and the evaluation date (0 or less: not yet due). */
  daysOverdue: Scalars['Int']['output'];
  /** Wage month, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /** Date by which the month's wages are due, `YYYY-MM-DD`. */
  payDeadline: Scalars['String']['output'];
  /** Workers paid in full (or not yet due). */
  workersPaid: Scalars['Int']['output'];
  /** Workers paid short after the pay date. */
  workersShort: Scalars['Int']['output'];
  /** Workers with attendance and no payment after the pay date. */
  workersUnpaid: Scalars['Int']['output'];
  /** Workers with attendance in the month. */
  workersWithAttendance: Scalars['Int']['output'];
};


/** Wage payment status of a project for one month. */
export type ProjectWageStatusAffectedWorkersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Root queries answered by 人社 (human resources & social security): real-name workers, attendance and
 * wage payment under the 保障农民工工资支付条例.
 */
export type Query = {
  __typename?: 'Query';
  /** Every read of hrss's data by another department, newest first. Only for hrss's admins (role `admin` or `auditor`). */
  hrssAuditTrail?: Maybe<Array<AuditRecord>>;
  /**
   * Every chain head hrss witnessed for `subject`, by link number. For a department's enforcement team
   * (roles `enforcement-officer`, `legal-reviewer`; not `public`): hashes only, no personal data.
   */
  hrssWitnesses?: Maybe<Array<WitnessRecord>>;
  /**
   * Checks the hash chain of hrss's audit trail and reports the first broken link (an edited, deleted or inserted record).
   * Only for hrss's admins.
   */
  verifyHrssAuditTrail?: Maybe<AuditVerification>;
  /**
   * Projects whose workers had attendance in `month` but were not paid, or paid short, by the pay date
   * (pay day of the following month, default the 15th). One entry per project in arrears, largest amount
   * owed first. Conditionally shared: needs the `wage-enforcement` purpose.
   */
  wageArrears?: Maybe<Array<WageArrears>>;
  /**
   * One worker by pseudonym. Null when hrss has no registration for it. Personal fields are masked
   * unless the caller is hrss or holds the `wage-enforcement` purpose.
   */
  worker?: Maybe<Worker>;
};


/**
 * Root queries answered by 人社 (human resources & social security): real-name workers, attendance and
 * wage payment under the 保障农民工工资支付条例.
 */
export type QueryHrssAuditTrailArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Root queries answered by 人社 (human resources & social security): real-name workers, attendance and
 * wage payment under the 保障农民工工资支付条例.
 */
export type QueryHrssWitnessesArgs = {
  subject: Scalars['String']['input'];
};


/**
 * Root queries answered by 人社 (human resources & social security): real-name workers, attendance and
 * wage payment under the 保障农民工工资支付条例.
 */
export type QueryWageArrearsArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  district?: InputMaybe<Scalars['String']['input']>;
  month: Scalars['String']['input'];
};


/**
 * Root queries answered by 人社 (human resources & social security): real-name workers, attendance and
 * wage payment under the 保障农民工工资支付条例.
 */
export type QueryWorkerArgs = {
  workerId: Scalars['String']['input'];
};

/**
 * Wage arrears of one project for one month: workers with attendance who were not paid, or paid short,
 * after the pay date.
 */
export type WageArrears = {
  __typename?: 'WageArrears';
  /**
   * The workers in arrears (`workersAffected` of them), largest amount owed first: days attended, amount due, paid
   * and owed. Conditionally shared: `wage-enforcement`; names masked for other departments.
   */
  affectedWorkers?: Maybe<Array<WorkerInArrears>>;
  /** Amount owed in yuan (days worked × agreed daily wage − amount paid). */
  amountOwed: Scalars['Float']['output'];
  /** Days between the pay date and the evaluation date. */
  daysOverdue: Scalars['Int']['output'];
  /** Employers of the workers in arrears. */
  employers: Array<Enterprise>;
  /** Wage month, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /** Date by which the month's wages were due, `YYYY-MM-DD`. */
  payDeadline: Scalars['String']['output'];
  /** The project. */
  project: Project;
  /** Workers unpaid or paid short. */
  workersAffected: Scalars['Int']['output'];
  /** Workers paid less than days worked × agreed daily wage (beyond the tolerance). */
  workersShort: Scalars['Int']['output'];
  /** Workers with attendance and no payment at all. */
  workersUnpaid: Scalars['Int']['output'];
};


/**
 * Wage arrears of one project for one month: workers with attendance who were not paid, or paid short,
 * after the pay date.
 */
export type WageArrearsAffectedWorkersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One wage transfer from a project's wage account (工资专用账户) to a worker, as reported by the bank. */
export type WagePayment = {
  __typename?: 'WagePayment';
  /** Amount in yuan. */
  amount: Scalars['Float']['output'];
  /** Wage month the transfer pays for, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /** Transfer date, `YYYY-MM-DD`. */
  paidOn: Scalars['String']['output'];
  /** Account the transfer was paid into. */
  payeeAccount?: Maybe<Scalars['String']['output']>;
  /** The project whose wage account paid. */
  project: Project;
  /** Bank transaction serial (交易流水号). */
  serialNo: Scalars['String']['output'];
  /** False when the bank reported the transfer as failed (it then pays nothing). */
  succeeded: Scalars['Boolean']['output'];
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

/**
 * A worker registered under the real-name system (实名制), keyed by a pseudonym: the ID number itself
 * never leaves hrss.
 */
export type Worker = {
  __typename?: 'Worker';
  /** Number of days with attendance in a month. */
  attendanceDays?: Maybe<Scalars['Int']['output']>;
  /** Wage card number the wages are paid into. Not shared. */
  bankAccount?: Maybe<Scalars['String']['output']>;
  /** Agreed daily wage in yuan. */
  dailyWage?: Maybe<Scalars['Float']['output']>;
  /** The employing (sub)contractor. */
  employer?: Maybe<Enterprise>;
  /** Date the worker entered the site (`YYYY-MM-DD`). */
  enteredOn?: Maybe<Scalars['String']['output']>;
  /** Citizen ID number (GB 11643); the birth date is always masked for other departments. */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** Name (masked unless hrss or `wage-enforcement`). */
  name?: Maybe<Scalars['String']['output']>;
  /** Wage transfers received (总包代发), oldest first. */
  payments?: Maybe<Array<WagePayment>>;
  /** Mobile phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The project the worker is registered on (latest registration). */
  project?: Maybe<Project>;
  /** Trade (工种), e.g. 木工, 钢筋工. */
  trade?: Maybe<Scalars['String']['output']>;
  /** Pseudonym: `W` + 20 hex characters of a keyed HMAC of the ID number. */
  workerId: Scalars['String']['output'];
};


/**
 * A worker registered under the real-name system (实名制), keyed by a pseudonym: the ID number itself
 * never leaves hrss.
 */
export type WorkerAttendanceDaysArgs = {
  month: Scalars['String']['input'];
};


/**
 * A worker registered under the real-name system (实名制), keyed by a pseudonym: the ID number itself
 * never leaves hrss.
 */
export type WorkerPaymentsArgs = {
  month?: InputMaybe<Scalars['String']['input']>;
};

/** Why a worker is in arrears for a month. */
export type WorkerArrearsState =
  /** Paid less than days worked × agreed daily wage, beyond the tolerance. */
  | 'SHORT'
  /** Attendance in the month and no successful transfer by the evaluation date. */
  | 'UNPAID';

/**
 * One worker unpaid or paid short for a month on one project, as the wage rule saw it on the evaluation date:
 * the attendance and pay behind a project's arrears.
 */
export type WorkerInArrears = {
  __typename?: 'WorkerInArrears';
  /** Amount due in yuan (days worked × agreed daily wage); null without a registration. */
  amountDue?: Maybe<Scalars['Float']['output']>;
  /** Amount owed in yuan (due − paid). */
  amountOwed?: Maybe<Scalars['Float']['output']>;
  /** Successful transfers for the month made by the evaluation date, in yuan. */
  amountPaid?: Maybe<Scalars['Float']['output']>;
  /** Agreed daily wage in yuan; null when the worker has no registration on the project. */
  dailyWage?: Maybe<Scalars['Float']['output']>;
  /** Days with attendance on the project in the month. */
  daysWorked?: Maybe<Scalars['Int']['output']>;
  /** The employing (sub)contractor on the project, when the worker is registered on it. */
  employer?: Maybe<Enterprise>;
  /**
   * Name from the worker's latest registration. Masked for every other department whatever its purposes: the list
   * travels into case files and printed dossiers; the clear name stays one audited `worker(workerId)` read away.
   */
  name?: Maybe<Scalars['String']['output']>;
  /** Unpaid (no transfer at all) or paid short. */
  state: WorkerArrearsState;
  /** Pseudonym of the worker (the key of `Worker`). */
  workerId: Scalars['String']['output'];
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
  Worker: Worker;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Enterprise:
    ( { __typename: 'Enterprise' }
    & GraphQLRecursivePick<FederationTypes['Enterprise'], {"uscc":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"code":true}> );
  Worker:
    ( { __typename: 'Worker' }
    & GraphQLRecursivePick<FederationTypes['Worker'], {"workerId":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ArrearsBlacklisting: ResolverTypeWrapper<ArrearsBlacklisting>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditFilter: AuditFilter;
  AuditRead: ResolverTypeWrapper<AuditRead>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditRecord: ResolverTypeWrapper<AuditRecord>;
  AuditVerification: ResolverTypeWrapper<AuditVerification>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AuditWitnessReport: ResolverTypeWrapper<AuditWitnessReport>;
  Enterprise: ResolverTypeWrapper<Pick<Omit<Enterprise, 'wageArrears'> & { wageArrears?: Maybe<Array<ResolversTypes['WageArrears']>> }, 'uscc'>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Project: ResolverTypeWrapper<Pick<Omit<Project, 'wageStatus'> & { wageStatus?: Maybe<ResolversTypes['ProjectWageStatus']> }, 'code'>>;
  ProjectWageStatus: ResolverTypeWrapper<ProjectWageStatusView>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  WageArrears: ResolverTypeWrapper<WageArrearsView>;
  WagePayment: ResolverTypeWrapper<PayLineDoc>;
  WitnessRecord: ResolverTypeWrapper<WitnessRecord>;
  Worker: ResolverTypeWrapper<RegistrationDoc>;
  WorkerArrearsState: WorkerArrearsState;
  WorkerInArrears: ResolverTypeWrapper<WorkerAssessment>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ArrearsBlacklisting: ArrearsBlacklisting;
  String: Scalars['String']['output'];
  AuditFilter: AuditFilter;
  AuditRead: AuditRead;
  Int: Scalars['Int']['output'];
  AuditRecord: AuditRecord;
  AuditVerification: AuditVerification;
  Boolean: Scalars['Boolean']['output'];
  AuditWitnessReport: AuditWitnessReport;
  Enterprise: Pick<Omit<Enterprise, 'wageArrears'> & { wageArrears?: Maybe<Array<ResolversParentTypes['WageArrears']>> }, 'uscc'>;
  Mutation: Record<PropertyKey, never>;
  Project: Pick<Omit<Project, 'wageStatus'> & { wageStatus?: Maybe<ResolversParentTypes['ProjectWageStatus']> }, 'code'>;
  ProjectWageStatus: ProjectWageStatusView;
  Float: Scalars['Float']['output'];
  Query: Record<PropertyKey, never>;
  WageArrears: WageArrearsView;
  WagePayment: PayLineDoc;
  WitnessRecord: WitnessRecord;
  Worker: RegistrationDoc;
  WorkerInArrears: WorkerAssessment;
};

export type ArrearsBlacklistingResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ArrearsBlacklisting'] = ResolversParentTypes['ArrearsBlacklisting']> = {
  decisionNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  listedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  removedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type EnterpriseResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arrearsBlacklisting?: Resolver<Maybe<ResolversTypes['ArrearsBlacklisting']>, ParentType, ContextType, Partial<EnterpriseArrearsBlacklistingArgs>>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  wageArrears?: Resolver<Maybe<Array<ResolversTypes['WageArrears']>>, ParentType, ContextType, RequireFields<EnterpriseWageArrearsArgs, 'month'>>;
  workforce?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordHrssWitness?: Resolver<Maybe<ResolversTypes['WitnessRecord']>, ParentType, ContextType, RequireFields<MutationRecordHrssWitnessArgs, 'hash' | 'seq' | 'subject'>>;
};

export type ProjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  wageStatus?: Resolver<Maybe<ResolversTypes['ProjectWageStatus']>, ParentType, ContextType, RequireFields<ProjectWageStatusArgs, 'month'>>;
  workforce?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ProjectWageStatusResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ProjectWageStatus'] = ResolversParentTypes['ProjectWageStatus']> = {
  affectedWorkers?: Resolver<Maybe<Array<ResolversTypes['WorkerInArrears']>>, ParentType, ContextType, RequireFields<ProjectWageStatusAffectedWorkersArgs, 'first'>>;
  amountOwed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  daysOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payDeadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workersPaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workersShort?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workersUnpaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workersWithAttendance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  hrssAuditTrail?: Resolver<Maybe<Array<ResolversTypes['AuditRecord']>>, ParentType, ContextType, Partial<QueryHrssAuditTrailArgs>>;
  hrssWitnesses?: Resolver<Maybe<Array<ResolversTypes['WitnessRecord']>>, ParentType, ContextType, RequireFields<QueryHrssWitnessesArgs, 'subject'>>;
  verifyHrssAuditTrail?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
  wageArrears?: Resolver<Maybe<Array<ResolversTypes['WageArrears']>>, ParentType, ContextType, RequireFields<QueryWageArrearsArgs, 'month'>>;
  worker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType, RequireFields<QueryWorkerArgs, 'workerId'>>;
};

export type WageArrearsResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['WageArrears'] = ResolversParentTypes['WageArrears']> = {
  affectedWorkers?: Resolver<Maybe<Array<ResolversTypes['WorkerInArrears']>>, ParentType, ContextType, RequireFields<WageArrearsAffectedWorkersArgs, 'first'>>;
  amountOwed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  daysOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  employers?: Resolver<Array<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payDeadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  workersAffected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workersShort?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workersUnpaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WagePaymentResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['WagePayment'] = ResolversParentTypes['WagePayment']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paidOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payeeAccount?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  serialNo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type WitnessRecordResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['WitnessRecord'] = ResolversParentTypes['WitnessRecord']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflict?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recorderDept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WorkerResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Worker'] = ResolversParentTypes['Worker'], FederationReferenceType extends FederationReferenceTypes['Worker'] = FederationReferenceTypes['Worker']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Worker']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attendanceDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType, RequireFields<WorkerAttendanceDaysArgs, 'month'>>;
  bankAccount?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dailyWage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  employer?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  enteredOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  idNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payments?: Resolver<Maybe<Array<ResolversTypes['WagePayment']>>, ParentType, ContextType, Partial<WorkerPaymentsArgs>>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  trade?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  workerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WorkerInArrearsResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['WorkerInArrears'] = ResolversParentTypes['WorkerInArrears']> = {
  amountDue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  amountOwed?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  amountPaid?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  dailyWage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  daysWorked?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  employer?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WorkerArrearsState'], ParentType, ContextType>;
  workerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Ctx> = {
  ArrearsBlacklisting?: ArrearsBlacklistingResolvers<ContextType>;
  AuditRead?: AuditReadResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  AuditWitnessReport?: AuditWitnessReportResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectWageStatus?: ProjectWageStatusResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  WageArrears?: WageArrearsResolvers<ContextType>;
  WagePayment?: WagePaymentResolvers<ContextType>;
  WitnessRecord?: WitnessRecordResolvers<ContextType>;
  Worker?: WorkerResolvers<ContextType>;
  WorkerInArrears?: WorkerInArrearsResolvers<ContextType>;
};

