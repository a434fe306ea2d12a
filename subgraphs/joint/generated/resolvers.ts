import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CaseDoc } from '../cases/models';
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
  /** Any JSON value (evidence variables). */
  JSON: { input: unknown; output: unknown; }
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

/** One link of a case's hash chain: hash = SHA-256 of RFC 8785 canonical JSON of { caseId, seq, kind, body, prevHash }. */
export type CaseChainLink = {
  __typename?: 'CaseChainLink';
  /** Evidence links: the answer, canonical JSON; only for the capturing department (see Evidence.answer). */
  answer?: Maybe<Scalars['String']['output']>;
  /** The link's body as canonical JSON (evidence bodies carry the answer's SHA-256, not the answer). */
  body: Scalars['String']['output'];
  /** This link's hash. */
  hash: Scalars['String']['output'];
  /** `event` or `evidence`. */
  kind: Scalars['String']['output'];
  /** Hash of the previous link (64 zeros for the first). */
  prevHash: Scalars['String']['output'];
  /** Position, from 1. */
  seq: Scalars['Int']['output'];
};

/** One department's decision on a case, under its own authority and document number. */
export type CaseDecision = {
  __typename?: 'CaseDecision';
  /** Amount in yuan (fine or order to pay), when any. */
  amount?: Maybe<Scalars['Float']['output']>;
  /** When decided (ISO 8601). */
  decidedAt: Scalars['String']['output'];
  /** Who recorded it (token subject). */
  decidedBy: Scalars['String']['output'];
  /** Deciding department. */
  department: Scalars['String']['output'];
  /** Document number (决定书文号). */
  documentNumber: Scalars['String']['output'];
  /** Summary. */
  summary: Scalars['String']['output'];
  /** Kind of decision. */
  type: DecisionType;
};

/** One procedure event of a case. */
export type CaseEvent = {
  __typename?: 'CaseEvent';
  /** Who recorded it (token subject). */
  by: Scalars['String']['output'];
  /** Clock action (CLOCK events). */
  clockAction?: Maybe<ClockAction>;
  /** Days added (EXTEND). */
  clockDays?: Maybe<Scalars['Int']['output']>;
  /** Why the clock changed. */
  clockReason?: Maybe<Scalars['String']['output']>;
  /** Document number of the decision recorded with this event. */
  decisionDocumentNumber?: Maybe<Scalars['String']['output']>;
  /** Their department. */
  department: Scalars['String']['output'];
  /** When it happened (ISO 8601). */
  effectiveAt: Scalars['String']['output'];
  /** State before (transitions). */
  from?: Maybe<CaseState>;
  /** Note. */
  note?: Maybe<Scalars['String']['output']>;
  /** Officers named (INVESTIGATING). */
  officers?: Maybe<Array<Scalars['String']['output']>>;
  /** When it was recorded (ISO 8601). */
  recordedAt: Scalars['String']['output'];
  /** Legal review opinion. */
  reviewOpinion?: Maybe<Scalars['String']['output']>;
  /** Legal review passed (LEGAL_REVIEW). */
  reviewPassed?: Maybe<Scalars['Boolean']['output']>;
  /** Position in the case's chain. */
  seq: Scalars['Int']['output'];
  /** State after (filing and transitions). */
  to?: Maybe<CaseState>;
  /** FILED, TRANSITION, CLOCK or DECISION. */
  type: Scalars['String']['output'];
  /** The party waived the 陈述申辩 window. */
  waived?: Maybe<Scalars['Boolean']['output']>;
};

/** Which cases to list. */
export type CaseFilter = {
  /** Only this kind. */
  kind?: InputMaybe<CaseKind>;
  /** true: only overdue cases; false: only cases not overdue. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only cases about this project. */
  projectCode?: InputMaybe<Scalars['String']['input']>;
  /** Only cases in this state. */
  state?: InputMaybe<CaseState>;
};

/** What a case is about. */
export type CaseKind =
  /** 超出许可建设: building beyond the permit. */
  | 'BEYOND_PERMIT'
  /** 扬尘: dust. */
  | 'DUST'
  /** 噪声: noise. */
  | 'NOISE'
  /** Anything else. */
  | 'OTHER'
  /** 拖欠农民工工资: wage arrears. */
  | 'WAGE_ARREARS';

/** Paging of a case list. */
export type CasePageInfo = {
  __typename?: 'CasePageInfo';
  /** Cursor of the last case of the page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More cases follow. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** States of a case under 行政处罚法 (2021). */
export type CaseState =
  /** 结案: closed. */
  | 'CLOSED'
  /** 决定: each department's decision recorded. */
  | 'DECIDED'
  /** 撤销立案 / 不予处罚: dismissed. */
  | 'DISMISSED'
  /** 执行: enforcement of the decisions. */
  | 'ENFORCING'
  /** 立案: the case is filed. */
  | 'FILED'
  /** 听证: a hearing was requested. */
  | 'HEARING'
  /** 调查取证: investigation by at least two officers. */
  | 'INVESTIGATING'
  /** 法制审核: legal review before the decision. */
  | 'LEGAL_REVIEW'
  /** 告知: the party is told the intended decision and may state its case (陈述申辩). */
  | 'NOTIFIED'
  /** 送达: decisions served on the party. */
  | 'SERVED'
  /** 移送: transferred, e.g. to the police for 拒不支付劳动报酬罪. */
  | 'TRANSFERRED';

/** The project or enterprise a case concerns. */
export type CaseSubject = {
  __typename?: 'CaseSubject';
  /** Project code. */
  projectCode?: Maybe<Scalars['String']['output']>;
  /** Enterprise credit code. */
  uscc?: Maybe<Scalars['String']['output']>;
};

/** The project or enterprise a new case concerns. */
export type CaseSubjectInput = {
  /** Project code. */
  projectCode?: InputMaybe<Scalars['String']['input']>;
  /** Enterprise credit code. */
  uscc?: InputMaybe<Scalars['String']['input']>;
};

/** The result of verifyCase. */
export type CaseVerification = {
  __typename?: 'CaseVerification';
  /** seq of the first broken link. */
  brokenAt?: Maybe<Scalars['Int']['output']>;
  /** Links checked before the first break (all when ok). */
  checked: Scalars['Int']['output'];
  /** Event links in the chain. */
  events: Scalars['Int']['output'];
  /** Evidence links in the chain. */
  evidence: Scalars['Int']['output'];
  /** True when the chain, every evidence answer and the witnessed heads all hold. */
  ok: Scalars['Boolean']['output'];
  /** What is wrong: edited, gap (deleted in the middle), wrong prevHash, edited evidence answer, deleted at the tail, rewritten. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Departments whose witnesses could not be read. */
  unavailableWitnesses: Array<Scalars['String']['output']>;
  /** Highest seq a department witnessed with the chain's own hash. */
  witnessedUpTo: Scalars['Int']['output'];
};

/** How one field may be shared with other departments (有条件共享 etc.). */
export type CatalogField = {
  __typename?: 'CatalogField';
  /** Why this level was chosen (law, regulation or policy), when recorded. */
  basis?: Maybe<Scalars['String']['output']>;
  /** Schema coordinate `Type.field`. */
  coordinate: Scalars['String']['output'];
  /** Field name. */
  field: Scalars['String']['output'];
  /** Sharing level. */
  level: SharingLevel;
  /** Kind of personal data, masked unless unlocked: `name`, `idNumber`, `phone` or `bankAccount`. */
  personal?: Maybe<Scalars['String']['output']>;
  /** Purposes that unlock the field (access for CONDITIONAL, clear text for personal data). */
  purposes: Array<Scalars['String']['output']>;
  /** The subgraph (department) that owns the field and enforces its level. */
  subgraph: Scalars['String']['output'];
  /** Type name. */
  type: Scalars['String']['output'];
};

/** What happens to a case's FILED → DECIDED clock. */
export type ClockAction =
  /** 延长: days are added to the limit (approved extension). */
  | 'EXTEND'
  /** The clock runs again. */
  | 'RESUME'
  /** 中止: the clock stops (e.g. an appraisal). */
  | 'SUSPEND';

/** One change of an enterprise's credit colour. */
export type CreditChange = {
  __typename?: 'CreditChange';
  /** When the evaluation that found the change ran (ISO 8601). */
  at: Scalars['String']['output'];
  /** The colour from this change on. */
  colour: CreditColour;
  /** The colour before; null for the first evaluation of the enterprise. */
  previousColour?: Maybe<CreditColour>;
  /** The reasons at the time of the change. */
  reasons: Array<RiskReason>;
  /** Version of the rules file in force at the change. */
  rulesVersion: Scalars['String']['output'];
};

/** Enterprise credit colours (红黄绿灯). */
export type CreditColour =
  /** 绿: nothing found; exempt from routine inspection by default. */
  | 'GREEN'
  /** 红: on a legal list (the arrears blacklist in force); inspected daily by default. */
  | 'RED'
  /** 黄: under closer supervision; inspected monthly by default. */
  | 'YELLOW';

/** An enterprise's credit colour (红黄绿灯), which sets how often it is inspected. */
export type CreditRating = {
  __typename?: 'CreditRating';
  /** The colour: RED only from a legal list (the arrears blacklist in force), YELLOW from the supervision rules, else GREEN. */
  colour: CreditColour;
  /** When the view was last evaluated (ISO 8601). */
  evaluatedAt: Scalars['String']['output'];
  /** How often the enterprise is inspected, an ISO 8601 duration (e.g. `P1D`, `P1M`), or `exempt`. */
  inspectionInterval: Scalars['String']['output'];
  /** The rules that hold, highest colour first (empty for GREEN). */
  reasons: Array<RiskReason>;
  /** Version of the rules file the colour was computed with. */
  rulesVersion: Scalars['String']['output'];
  /**
   * The date (YYYY-MM-DD) the colour lapses unless new facts come, when every reason has an end (a blacklisting's
   * expiry, a penalty's 12 months); null when some reason lasts until its facts change.
   */
  validUntil?: Maybe<Scalars['String']['output']>;
};

/** One department's decision. */
export type DecisionInput = {
  /** Amount in yuan, when any. */
  amount?: InputMaybe<Scalars['Float']['input']>;
  /** Document number (决定书文号). */
  documentNumber: Scalars['String']['input'];
  /** Summary. */
  summary: Scalars['String']['input'];
  /** Kind of decision. */
  type: DecisionType;
};

/** Kinds of decision a department records. */
export type DecisionType =
  /** 失信名单: a credit listing. */
  | 'CREDIT_LISTING'
  /** 不予处罚: no penalty. */
  | 'NO_PENALTY'
  /** 责令支付 / 限期改正: an order to pay or to correct. */
  | 'ORDER_TO_PAY'
  /** 行政处罚: a penalty. */
  | 'PENALTY';

/** A field an owner refused when the evidence was captured. */
export type DeniedField = {
  __typename?: 'DeniedField';
  /** Schema coordinate, when the owner named it. */
  field?: Maybe<Scalars['String']['output']>;
  /** The owner's FORBIDDEN message. */
  message: Scalars['String']['output'];
  /** Path in the answer (e.g. `project.permit.reviewNote`). */
  path: Scalars['String']['output'];
};

/**
 * An enterprise, keyed by its unified social credit code (统一社会信用代码). joint contributes its credit colour
 * (红黄绿灯), computed across departments.
 */
export type Enterprise = {
  __typename?: 'Enterprise';
  /**
   * The enterprise's credit colour in joint's risk view, with the reasons and how often it is inspected. Null when
   * the view does not know the enterprise (it takes part in no registered project, or was not evaluated yet).
   */
  credit?: Maybe<CreditRating>;
  /** Every change of the enterprise's credit colour, newest first, with the rules version and the reasons at the time. */
  creditHistory: Array<CreditChange>;
  /** Unified social credit code. */
  uscc: Scalars['String']['output'];
};


/**
 * An enterprise, keyed by its unified social credit code (统一社会信用代码). joint contributes its credit colour
 * (红黄绿灯), computed across departments.
 */
export type EnterpriseCreditHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One piece of evidence: a GraphQL operation's answer as captured through the gateway with the capturer's token. */
export type Evidence = {
  __typename?: 'Evidence';
  /**
   * The answer's `data` as RFC 8785 canonical JSON. Only for the capturing department: it was read with that
   * department's access (purposes, unmasked personal data), so other participants see the hash, the operation
   * and the denied fields, and can run the operation under their own access.
   */
  answer?: Maybe<Scalars['String']['output']>;
  /** True when the answer is withheld from the caller (another department captured it). */
  answerWithheld: Scalars['Boolean']['output'];
  /** When it was captured (ISO 8601). */
  capturedAt: Scalars['String']['output'];
  /** Who captured it (token subject). */
  capturedBy: Scalars['String']['output'];
  /** Their department. */
  capturedByDepartment: Scalars['String']['output'];
  /** Case number. */
  caseId: Scalars['ID']['output'];
  /** Fields the owners refused to the capturer, with their FORBIDDEN messages. */
  denied: Array<DeniedField>;
  /** `<case number>:<link seq>`. */
  id: Scalars['ID']['output'];
  /** Note. */
  note?: Maybe<Scalars['String']['output']>;
  /** The operation as run. */
  operation: Scalars['String']['output'];
  /** Its operation name, when given. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** Position in the case's chain. */
  seq: Scalars['Int']['output'];
  /** SHA-256 of the answer's canonical JSON (chained). */
  sha256: Scalars['String']['output'];
  /** Its variables, as JSON. */
  variables: Scalars['String']['output'];
};

/** One path whose value differs between capture and now. */
export type EvidenceChange = {
  __typename?: 'EvidenceChange';
  /** Canonical JSON now (null: absent). */
  after?: Maybe<Scalars['String']['output']>;
  /** Canonical JSON at capture (null: absent). */
  before?: Maybe<Scalars['String']['output']>;
  /** Path in the answer. */
  path: Scalars['String']['output'];
};

/** What changed at an evidence's source since capture (not tampering). */
export type EvidenceComparison = {
  __typename?: 'EvidenceComparison';
  /** When captured. */
  capturedAt: Scalars['String']['output'];
  /** SHA-256 at capture. */
  capturedSha256: Scalars['String']['output'];
  /** Paths that differ (at most 200). */
  changes: Array<EvidenceChange>;
  /** When compared. */
  comparedAt: Scalars['String']['output'];
  /** SHA-256 of the answer now. */
  currentSha256: Scalars['String']['output'];
  /** Paths denied at capture. */
  deniedBefore: Array<Scalars['String']['output']>;
  /** Paths denied now. */
  deniedNow: Array<Scalars['String']['output']>;
  /** Evidence id. */
  evidenceId: Scalars['ID']['output'];
  /** True when the source answers differently now. */
  sourceChanged: Scalars['Boolean']['output'];
  /** True when the stored answer still matches its chained hash (false = altered in joint: tampering). */
  storedIntact: Scalars['Boolean']['output'];
  /** One sentence for people. */
  summary: Scalars['String']['output'];
};

/** An evidence operation. */
export type EvidenceInput = {
  /** Why it is evidence. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** A read-only GraphQL operation (one query). */
  query: Scalars['String']['input'];
  /** Its variables (a JSON object). */
  variables?: InputMaybe<Scalars['JSON']['input']>;
};

/** A joint enforcement case (联合执法案卷): its procedure state, events and evidence, all on one hash chain. */
export type JointCase = {
  __typename?: 'JointCase';
  /** States the case may move to next. */
  allowedNext: Array<CaseState>;
  /** The whole hash chain (events and evidence), for export and offline verification. */
  chain: Array<CaseChainLink>;
  /** Number of links in the chain (its head's seq). */
  chainLength: Scalars['Int']['output'];
  /** True while the clock is suspended (中止). */
  clockSuspended: Scalars['Boolean']['output'];
  /** When the FILED → DECIDED limit runs out (ISO 8601), counting suspensions and extensions. */
  deadline: Scalars['String']['output'];
  /** The departments' own decisions, in the order recorded. */
  decisions: Array<CaseDecision>;
  /** The departments taking part (the lead included); only they see the case. */
  departments: Array<Scalars['String']['output']>;
  /** The procedure's events, oldest first. */
  events: Array<CaseEvent>;
  /** The evidence, oldest first. */
  evidence: Array<Evidence>;
  /** When the case was filed (ISO 8601). */
  filedAt: Scalars['String']['output'];
  /** Hash of the chain's head. */
  headHash: Scalars['String']['output'];
  /** Case number (`LH-<year>-<6 digits>`). */
  id: Scalars['ID']['output'];
  /** The officers who investigated. */
  investigators: Array<Scalars['String']['output']>;
  /** What the case is about. */
  kind: CaseKind;
  /** The department that opened and leads the case. */
  leadDepartment: Scalars['String']['output'];
  /** True while the clock runs and the deadline has passed without a decision. */
  overdue: Scalars['Boolean']['output'];
  /** Enforcement purpose, e.g. `wage-enforcement`. */
  purpose: Scalars['String']['output'];
  /** Current state. */
  state: CaseState;
  /** The project or enterprise concerned. */
  subject: CaseSubject;
  /** Title. */
  title: Scalars['String']['output'];
  /** Witness failures after appends (the appends stood; the heads were not recorded by every department). */
  warnings: Array<Scalars['String']['output']>;
};

/** A page of cases. */
export type JointCaseConnection = {
  __typename?: 'JointCaseConnection';
  /** The cases of this page. */
  edges: Array<JointCaseEdge>;
  /** Paging. */
  pageInfo: CasePageInfo;
  /** Cases matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** One case in a page. */
export type JointCaseEdge = {
  __typename?: 'JointCaseEdge';
  /** Cursor of this case. */
  cursor: Scalars['String']['output'];
  /** The case. */
  node: JointCase;
};

/** A legal review's conclusion (法制审核). */
export type LegalReviewInput = {
  /** The reviewer's opinion. */
  opinion?: InputMaybe<Scalars['String']['input']>;
  /** True when the intended decision passed the review. */
  passed: Scalars['Boolean']['input'];
};

/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Moves a case to its next state under the procedure (行政处罚法). A move outside the transition graph is
   * BAD_USER_INPUT naming the allowed next states; two requests racing get CONFLICT naming the current state.
   */
  advanceCase: JointCase;
  /**
   * Captures evidence: runs a read-only GraphQL operation through the gateway with the caller's own token and
   * the case id, and appends its answer (RFC 8785 canonical JSON and SHA-256) to the case's chain. Fields the
   * owners refused are stored as denied. Mutations, subscriptions, syntax errors and operations over
   * EVIDENCE_MAX_BYTES are BAD_USER_INPUT.
   */
  attachEvidence: Evidence;
  /**
   * Opens (立案) a case. The caller's department leads it and takes part with the listed departments.
   * Needs the role `enforcement-officer` or `legal-reviewer` of one of the five departments.
   */
  openCase: JointCase;
  /**
   * Opens a wage-arrears case from the hub's finding for one project and month, with hrss and housing taking
   * part, and attaches the finding and the records behind it as evidence (the project's wage status, the
   * district's arrears with their employers, the construction permit and general contractor). Refused when the
   * graph shows no arrears for the project and month.
   */
  openCaseFromArrears: JointCase;
  /**
   * Opens a dust or noise case from the project's exceedances in [from, to), with environment and housing taking
   * part, and attaches the exceedances, the readings behind them and the permit and general contractor as evidence.
   */
  openCaseFromExceedances: JointCase;
  /** Suspends (中止), resumes or extends (延长) the FILED → DECIDED clock. Needs an `enforcement-officer`. */
  recordClockEvent: JointCase;
  /**
   * Records the caller's department's own decision on a DECIDED case, with its own document number. The hub never
   * issues a joint decision.
   */
  recordDecision: JointCase;
  /**
   * Evaluates every project's risk level and every enterprise's credit colour now, from the departments' current
   * facts and the rules file, and records each change in the histories. Waits for an evaluation already running
   * to finish first. Needs the role `risk-admin` or `admin` of joint.
   */
  reevaluateRisk: RiskEvaluation;
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationAdvanceCaseArgs = {
  caseId: Scalars['ID']['input'];
  decision?: InputMaybe<DecisionInput>;
  effectiveAt?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  officers?: InputMaybe<Array<Scalars['String']['input']>>;
  review?: InputMaybe<LegalReviewInput>;
  to: CaseState;
  waived?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationAttachEvidenceArgs = {
  caseId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: EvidenceInput;
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationOpenCaseArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: OpenCaseInput;
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationOpenCaseFromArrearsArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  month: Scalars['String']['input'];
  projectCode: Scalars['String']['input'];
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationOpenCaseFromExceedancesArgs = {
  from: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  projectCode: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationRecordClockEventArgs = {
  action: ClockAction;
  caseId: Scalars['ID']['input'];
  days?: InputMaybe<Scalars['Int']['input']>;
  effectiveAt?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};


/**
 * Case file mutations (联合执法). Each may carry an `idempotencyKey`: a retry with the same key by the same
 * caller returns the first result and changes nothing.
 */
export type MutationRecordDecisionArgs = {
  caseId: Scalars['ID']['input'];
  decision: DecisionInput;
  effectiveAt?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** A new case. */
export type OpenCaseInput = {
  /** The other participating departments (the caller's department leads and is added). */
  departments: Array<Scalars['String']['input']>;
  /** When the case was filed, if recorded after the fact (ISO 8601, not in the future). */
  filedAt?: InputMaybe<Scalars['String']['input']>;
  /** What the case is about. */
  kind: CaseKind;
  /** Enforcement purpose, e.g. `wage-enforcement`. */
  purpose: Scalars['String']['input'];
  /** The project or enterprise concerned (at least one). */
  subject: CaseSubjectInput;
  /** Title. */
  title: Scalars['String']['input'];
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
 * A construction project, keyed by its national investment project code. joint contributes its risk level,
 * computed across departments.
 */
export type Project = {
  __typename?: 'Project';
  /** National investment project code (投资项目统一代码). */
  code: Scalars['String']['output'];
  /**
   * The project's risk level (风险等级) in joint's risk view, with the reasons. Null when the view does not know the
   * project (not evaluated yet, or not registered by 住建).
   */
  risk?: Maybe<ProjectRisk>;
  /** Every change of the project's risk level, newest first, with the rules version and the reasons at the time. */
  riskHistory: Array<RiskChange>;
};


/**
 * A construction project, keyed by its national investment project code. joint contributes its risk level,
 * computed across departments.
 */
export type ProjectRiskHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A project's risk level with the reasons behind it. */
export type ProjectRisk = {
  __typename?: 'ProjectRisk';
  /** When the view was last evaluated (ISO 8601): the facts are at most `RISK_REFRESH_SECONDS` older than this. */
  evaluatedAt: Scalars['String']['output'];
  /** The level: the highest level of any rule that holds, BLUE when none does. */
  level: RiskLevel;
  /** The rules that hold, highest level first (empty for BLUE). */
  reasons: Array<RiskReason>;
  /** Version of the rules file the level was computed with. */
  rulesVersion: Scalars['String']['output'];
};

/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type Query = {
  __typename?: 'Query';
  /**
   * One joint enforcement case (联合执法案卷) by its case number. Null when unknown, and also when the
   * caller's department does not take part in it (a `public` token never sees a case).
   */
  case?: Maybe<JointCase>;
  /** The cases the caller's department takes part in, by case number, one page at a time. Filters combine with AND. */
  cases: JointCaseConnection;
  /**
   * The resource catalogue (政务信息资源目录): for every field of every subgraph, its sharing level, the
   * purposes that unlock it and the personal data it carries, so that developers know what they may ask for.
   */
  catalog: Array<CatalogField>;
  /**
   * Runs an evidence operation again, with the caller's token, and reports what changed at the source since
   * capture. A changed source is not tampering. Only the capturing department compares (the answer depends on
   * its access).
   */
  compareEvidence: EvidenceComparison;
  /** The joint subgraph's audit trail. Only for joint's admins (role `admin` or `auditor`). */
  jointAuditTrail?: Maybe<Array<AuditRecord>>;
  /**
   * The risk board (风险等级一张图): how many projects are at each level per district, and the projects, paged by
   * project code, from joint's materialised risk view (re-evaluated every `RISK_REFRESH_SECONDS`, default 300, and on
   * `reevaluateRisk`; see docs/risk.md for the staleness). `district` narrows both the counts and the projects;
   * `level` narrows the projects (edges, totalCount) only, so the counts still show every level of the scope.
   */
  riskBoard: RiskBoard;
  /**
   * Checks a case's hash chain, each evidence answer against the hash chained at capture, and the chain
   * against the heads its departments witnessed in their own stores. NOT_FOUND for an unknown case and for one
   * the caller's department does not take part in.
   */
  verifyCase: CaseVerification;
  /** Checks the joint audit trail's hash chain and reports the first broken link. Only for joint's admins. */
  verifyJointAuditTrail?: Maybe<AuditVerification>;
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryCaseArgs = {
  id: Scalars['ID']['input'];
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryCatalogArgs = {
  subgraph?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryCompareEvidenceArgs = {
  id: Scalars['ID']['input'];
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryJointAuditTrailArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryRiskBoardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  district?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<RiskLevel>;
};


/** Root queries of 联合监管 (joint supervision): views across departments, and the resource catalogue. */
export type QueryVerifyCaseArgs = {
  id: Scalars['ID']['input'];
};

/** The risk board: counts per district and level, and the projects one page at a time in project-code order. */
export type RiskBoard = {
  __typename?: 'RiskBoard';
  /** Projects per district × level within the district filter (the level filter does not apply); zero counts omitted. */
  counts: Array<RiskCount>;
  /** The projects of this page, in project-code order. */
  edges: Array<RiskBoardEdge>;
  /** When the view was last evaluated (ISO 8601); null before the first evaluation. */
  evaluatedAt?: Maybe<Scalars['String']['output']>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** Version of the rules file of the view; null before the first evaluation. */
  rulesVersion?: Maybe<Scalars['String']['output']>;
  /** How many projects match both filters. */
  totalCount: Scalars['Int']['output'];
};

/** A project on the risk board, with the cursor that points at it. */
export type RiskBoardEdge = {
  __typename?: 'RiskBoardEdge';
  /** Opaque cursor of this project; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The project (select `risk` for its level and reasons). */
  node: Project;
};

/** One change of a project's risk level. */
export type RiskChange = {
  __typename?: 'RiskChange';
  /** When the evaluation that found the change ran (ISO 8601). */
  at: Scalars['String']['output'];
  /** The level from this change on. */
  level: RiskLevel;
  /** The level before; null for the first evaluation of the project. */
  previousLevel?: Maybe<RiskLevel>;
  /** The reasons at the time of the change. */
  reasons: Array<RiskReason>;
  /** Version of the rules file in force at the change. */
  rulesVersion: Scalars['String']['output'];
};

/** How many projects of one district are at one level. */
export type RiskCount = {
  __typename?: 'RiskCount';
  /** Number of projects. */
  count: Scalars['Int']['output'];
  /** GB/T 2260 district code. */
  district: Scalars['String']['output'];
  /** The level. */
  level: RiskLevel;
};

/** What one evaluation of the risk view did. */
export type RiskEvaluation = {
  __typename?: 'RiskEvaluation';
  /** Changes of level or colour recorded in the histories. */
  changes: Scalars['Int']['output'];
  /** Enterprises evaluated. */
  enterprises: Scalars['Int']['output'];
  /** When the evaluation ran (ISO 8601). */
  evaluatedAt: Scalars['String']['output'];
  /** Projects evaluated. */
  projects: Scalars['Int']['output'];
  /** Version of the rules file applied. */
  rulesVersion: Scalars['String']['output'];
};

/** Project risk levels (红橙黄蓝). */
export type RiskLevel =
  /** 蓝: nothing found. */
  | 'BLUE'
  /** 橙: serious. */
  | 'ORANGE'
  /** 红: the most serious; immediate action. */
  | 'RED'
  /** 黄: to watch. */
  | 'YELLOW';

/** Why a level or colour was given: the rule, the department that owns the fact, and the keys of the records behind it. */
export type RiskReason = {
  __typename?: 'RiskReason';
  /** The department that owns the fact (`hrss`, `environment`, `resources`, `citymgmt`, `housing`, `joint`). */
  dept: Scalars['String']['output'];
  /** What holds, with the figures when the caller may see the underlying field; otherwise the rule's own wording. */
  detail: Scalars['String']['output'];
  /**
   * Keys of the records behind the reason (wage month `2026-10`, `<station MN>@<period start>`, complaint order
   * numbers, violation and case numbers, permit numbers, decision numbers). Empty when keysHidden.
   */
  keys: Array<Scalars['String']['output']>;
  /**
   * True when the owning department's catalogue does not let the caller see the underlying field (e.g. wage arrears
   * without the `wage-enforcement` purpose): the rule is shown, the keys and figures are not.
   */
  keysHidden: Scalars['Boolean']['output'];
  /** Rule id in the rules file (e.g. `wage-arrears-any`). */
  rule: Scalars['String']['output'];
};

/** Sharing levels of the 政务信息资源目录. */
export type SharingLevel =
  /** 有条件共享: only callers whose token holds one of the listed purposes. */
  | 'CONDITIONAL'
  /** 无条件共享: any authenticated department may read it. */
  | 'OPEN'
  /** 不予共享: only the owning department. */
  | 'OWNER_ONLY';



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
  CaseChainLink: ResolverTypeWrapper<CaseChainLink>;
  CaseDecision: ResolverTypeWrapper<CaseDecision>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CaseEvent: ResolverTypeWrapper<CaseEvent>;
  CaseFilter: CaseFilter;
  CaseKind: CaseKind;
  CasePageInfo: ResolverTypeWrapper<CasePageInfo>;
  CaseState: CaseState;
  CaseSubject: ResolverTypeWrapper<CaseSubject>;
  CaseSubjectInput: CaseSubjectInput;
  CaseVerification: ResolverTypeWrapper<CaseVerification>;
  CatalogField: ResolverTypeWrapper<CatalogField>;
  ClockAction: ClockAction;
  CreditChange: ResolverTypeWrapper<CreditChange>;
  CreditColour: CreditColour;
  CreditRating: ResolverTypeWrapper<CreditRating>;
  DecisionInput: DecisionInput;
  DecisionType: DecisionType;
  DeniedField: ResolverTypeWrapper<DeniedField>;
  Enterprise: ResolverTypeWrapper<Enterprise>;
  Evidence: ResolverTypeWrapper<Evidence>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  EvidenceChange: ResolverTypeWrapper<EvidenceChange>;
  EvidenceComparison: ResolverTypeWrapper<EvidenceComparison>;
  EvidenceInput: EvidenceInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JointCase: ResolverTypeWrapper<CaseDoc>;
  JointCaseConnection: ResolverTypeWrapper<Omit<JointCaseConnection, 'edges'> & { edges: Array<ResolversTypes['JointCaseEdge']> }>;
  JointCaseEdge: ResolverTypeWrapper<Omit<JointCaseEdge, 'node'> & { node: ResolversTypes['JointCase'] }>;
  LegalReviewInput: LegalReviewInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenCaseInput: OpenCaseInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<Project>;
  ProjectRisk: ResolverTypeWrapper<ProjectRisk>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RiskBoard: ResolverTypeWrapper<RiskBoard>;
  RiskBoardEdge: ResolverTypeWrapper<RiskBoardEdge>;
  RiskChange: ResolverTypeWrapper<RiskChange>;
  RiskCount: ResolverTypeWrapper<RiskCount>;
  RiskEvaluation: ResolverTypeWrapper<RiskEvaluation>;
  RiskLevel: RiskLevel;
  RiskReason: ResolverTypeWrapper<RiskReason>;
  SharingLevel: SharingLevel;
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
  CaseChainLink: CaseChainLink;
  CaseDecision: CaseDecision;
  Float: Scalars['Float']['output'];
  CaseEvent: CaseEvent;
  CaseFilter: CaseFilter;
  CasePageInfo: CasePageInfo;
  CaseSubject: CaseSubject;
  CaseSubjectInput: CaseSubjectInput;
  CaseVerification: CaseVerification;
  CatalogField: CatalogField;
  CreditChange: CreditChange;
  CreditRating: CreditRating;
  DecisionInput: DecisionInput;
  DeniedField: DeniedField;
  Enterprise: Enterprise | FederationReferenceTypes['Enterprise'];
  Evidence: Evidence;
  ID: Scalars['ID']['output'];
  EvidenceChange: EvidenceChange;
  EvidenceComparison: EvidenceComparison;
  EvidenceInput: EvidenceInput;
  JSON: Scalars['JSON']['output'];
  JointCase: CaseDoc;
  JointCaseConnection: Omit<JointCaseConnection, 'edges'> & { edges: Array<ResolversParentTypes['JointCaseEdge']> };
  JointCaseEdge: Omit<JointCaseEdge, 'node'> & { node: ResolversParentTypes['JointCase'] };
  LegalReviewInput: LegalReviewInput;
  Mutation: Record<PropertyKey, never>;
  OpenCaseInput: OpenCaseInput;
  PageInfo: PageInfo;
  Project: Project | FederationReferenceTypes['Project'];
  ProjectRisk: ProjectRisk;
  Query: Record<PropertyKey, never>;
  RiskBoard: RiskBoard;
  RiskBoardEdge: RiskBoardEdge;
  RiskChange: RiskChange;
  RiskCount: RiskCount;
  RiskEvaluation: RiskEvaluation;
  RiskReason: RiskReason;
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

export type CaseChainLinkResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CaseChainLink'] = ResolversParentTypes['CaseChainLink']> = {
  answer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CaseDecisionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CaseDecision'] = ResolversParentTypes['CaseDecision']> = {
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DecisionType'], ParentType, ContextType>;
};

export type CaseEventResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CaseEvent'] = ResolversParentTypes['CaseEvent']> = {
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clockAction?: Resolver<Maybe<ResolversTypes['ClockAction']>, ParentType, ContextType>;
  clockDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  clockReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionDocumentNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  department?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectiveAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['CaseState']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  officers?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reviewOpinion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewPassed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['CaseState']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  waived?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type CasePageInfoResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CasePageInfo'] = ResolversParentTypes['CasePageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CaseSubjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CaseSubject'] = ResolversParentTypes['CaseSubject']> = {
  projectCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uscc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CaseVerificationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CaseVerification'] = ResolversParentTypes['CaseVerification']> = {
  brokenAt?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  checked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unavailableWitnesses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  witnessedUpTo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CatalogFieldResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CatalogField'] = ResolversParentTypes['CatalogField']> = {
  basis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['SharingLevel'], ParentType, ContextType>;
  personal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreditChangeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CreditChange'] = ResolversParentTypes['CreditChange']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  colour?: Resolver<ResolversTypes['CreditColour'], ParentType, ContextType>;
  previousColour?: Resolver<Maybe<ResolversTypes['CreditColour']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['RiskReason']>, ParentType, ContextType>;
  rulesVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreditRatingResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['CreditRating'] = ResolversParentTypes['CreditRating']> = {
  colour?: Resolver<ResolversTypes['CreditColour'], ParentType, ContextType>;
  evaluatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inspectionInterval?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['RiskReason']>, ParentType, ContextType>;
  rulesVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeniedFieldResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['DeniedField'] = ResolversParentTypes['DeniedField']> = {
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EnterpriseResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  credit?: Resolver<Maybe<ResolversTypes['CreditRating']>, ParentType, ContextType>;
  creditHistory?: Resolver<Array<ResolversTypes['CreditChange']>, ParentType, ContextType, RequireFields<EnterpriseCreditHistoryArgs, 'first'>>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EvidenceResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence']> = {
  answer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  answerWithheld?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  capturedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  capturedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  capturedByDepartment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  denied?: Resolver<Array<ResolversTypes['DeniedField']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variables?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EvidenceChangeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EvidenceChange'] = ResolversParentTypes['EvidenceChange']> = {
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EvidenceComparisonResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['EvidenceComparison'] = ResolversParentTypes['EvidenceComparison']> = {
  capturedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  capturedSha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['EvidenceChange']>, ParentType, ContextType>;
  comparedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentSha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deniedBefore?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  deniedNow?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  evidenceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceChanged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  storedIntact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JointCaseResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['JointCase'] = ResolversParentTypes['JointCase']> = {
  allowedNext?: Resolver<Array<ResolversTypes['CaseState']>, ParentType, ContextType>;
  chain?: Resolver<Array<ResolversTypes['CaseChainLink']>, ParentType, ContextType>;
  chainLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clockSuspended?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decisions?: Resolver<Array<ResolversTypes['CaseDecision']>, ParentType, ContextType>;
  departments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['CaseEvent']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  filedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  headHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  investigators?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CaseKind'], ParentType, ContextType>;
  leadDepartment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['CaseState'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['CaseSubject'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type JointCaseConnectionResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['JointCaseConnection'] = ResolversParentTypes['JointCaseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JointCaseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['CasePageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JointCaseEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['JointCaseEdge'] = ResolversParentTypes['JointCaseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  advanceCase?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType, RequireFields<MutationAdvanceCaseArgs, 'caseId' | 'to'>>;
  attachEvidence?: Resolver<ResolversTypes['Evidence'], ParentType, ContextType, RequireFields<MutationAttachEvidenceArgs, 'caseId' | 'input'>>;
  openCase?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType, RequireFields<MutationOpenCaseArgs, 'input'>>;
  openCaseFromArrears?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType, RequireFields<MutationOpenCaseFromArrearsArgs, 'month' | 'projectCode'>>;
  openCaseFromExceedances?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType, RequireFields<MutationOpenCaseFromExceedancesArgs, 'from' | 'projectCode' | 'to'>>;
  recordClockEvent?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType, RequireFields<MutationRecordClockEventArgs, 'action' | 'caseId' | 'reason'>>;
  recordDecision?: Resolver<ResolversTypes['JointCase'], ParentType, ContextType, RequireFields<MutationRecordDecisionArgs, 'caseId' | 'decision'>>;
  reevaluateRisk?: Resolver<ResolversTypes['RiskEvaluation'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  risk?: Resolver<Maybe<ResolversTypes['ProjectRisk']>, ParentType, ContextType>;
  riskHistory?: Resolver<Array<ResolversTypes['RiskChange']>, ParentType, ContextType, RequireFields<ProjectRiskHistoryArgs, 'first'>>;
};

export type ProjectRiskResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['ProjectRisk'] = ResolversParentTypes['ProjectRisk']> = {
  evaluatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['RiskReason']>, ParentType, ContextType>;
  rulesVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  case?: Resolver<Maybe<ResolversTypes['JointCase']>, ParentType, ContextType, RequireFields<QueryCaseArgs, 'id'>>;
  cases?: Resolver<ResolversTypes['JointCaseConnection'], ParentType, ContextType, RequireFields<QueryCasesArgs, 'first'>>;
  catalog?: Resolver<Array<ResolversTypes['CatalogField']>, ParentType, ContextType, Partial<QueryCatalogArgs>>;
  compareEvidence?: Resolver<ResolversTypes['EvidenceComparison'], ParentType, ContextType, RequireFields<QueryCompareEvidenceArgs, 'id'>>;
  jointAuditTrail?: Resolver<Maybe<Array<ResolversTypes['AuditRecord']>>, ParentType, ContextType, Partial<QueryJointAuditTrailArgs>>;
  riskBoard?: Resolver<ResolversTypes['RiskBoard'], ParentType, ContextType, RequireFields<QueryRiskBoardArgs, 'first'>>;
  verifyCase?: Resolver<ResolversTypes['CaseVerification'], ParentType, ContextType, RequireFields<QueryVerifyCaseArgs, 'id'>>;
  verifyJointAuditTrail?: Resolver<Maybe<ResolversTypes['AuditVerification']>, ParentType, ContextType>;
};

export type RiskBoardResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RiskBoard'] = ResolversParentTypes['RiskBoard']> = {
  counts?: Resolver<Array<ResolversTypes['RiskCount']>, ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['RiskBoardEdge']>, ParentType, ContextType>;
  evaluatedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  rulesVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RiskBoardEdgeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RiskBoardEdge'] = ResolversParentTypes['RiskBoardEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
};

export type RiskChangeResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RiskChange'] = ResolversParentTypes['RiskChange']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  previousLevel?: Resolver<Maybe<ResolversTypes['RiskLevel']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['RiskReason']>, ParentType, ContextType>;
  rulesVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RiskCountResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RiskCount'] = ResolversParentTypes['RiskCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
};

export type RiskEvaluationResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RiskEvaluation'] = ResolversParentTypes['RiskEvaluation']> = {
  changes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enterprises?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evaluatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rulesVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RiskReasonResolvers<ContextType = Ctx, ParentType extends ResolversParentTypes['RiskReason'] = ResolversParentTypes['RiskReason']> = {
  dept?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keysHidden?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Ctx> = {
  AuditRead?: AuditReadResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  AuditWitnessReport?: AuditWitnessReportResolvers<ContextType>;
  CaseChainLink?: CaseChainLinkResolvers<ContextType>;
  CaseDecision?: CaseDecisionResolvers<ContextType>;
  CaseEvent?: CaseEventResolvers<ContextType>;
  CasePageInfo?: CasePageInfoResolvers<ContextType>;
  CaseSubject?: CaseSubjectResolvers<ContextType>;
  CaseVerification?: CaseVerificationResolvers<ContextType>;
  CatalogField?: CatalogFieldResolvers<ContextType>;
  CreditChange?: CreditChangeResolvers<ContextType>;
  CreditRating?: CreditRatingResolvers<ContextType>;
  DeniedField?: DeniedFieldResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  EvidenceChange?: EvidenceChangeResolvers<ContextType>;
  EvidenceComparison?: EvidenceComparisonResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JointCase?: JointCaseResolvers<ContextType>;
  JointCaseConnection?: JointCaseConnectionResolvers<ContextType>;
  JointCaseEdge?: JointCaseEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectRisk?: ProjectRiskResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskBoard?: RiskBoardResolvers<ContextType>;
  RiskBoardEdge?: RiskBoardEdgeResolvers<ContextType>;
  RiskChange?: RiskChangeResolvers<ContextType>;
  RiskCount?: RiskCountResolvers<ContextType>;
  RiskEvaluation?: RiskEvaluationResolvers<ContextType>;
  RiskReason?: RiskReasonResolvers<ContextType>;
};

