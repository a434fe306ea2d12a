/** Resolvers of the case file: GraphQL shapes over the CaseService; no persistence here. */
import { GraphQLError, GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { ErrorCode } from '../../../lib/errors';
import type { SubgraphContext } from '../../common/context';
import { canonical } from '../cases/chain';
import { nominalDeadline, clockOf } from '../cases/clock';
import type { ChainLinkDoc } from '../cases/caseStore';
import type { CaseDoc } from '../cases/models';
import { TRANSITIONS, type CaseEvent, type CaseState, type DecisionRecord, type TransitionRequest } from '../cases/procedure';
import { evidenceId, type EvidenceBody, type Requester } from '../cases/service';
import type { ClockAction } from '../cases/clock';
import type { EvidenceRequest } from '../cases/evidence';
import type { JointData } from '../data';

type Ctx = SubgraphContext<JointData>;

function requester(ctx: Ctx): Requester {
  return { caller: ctx.caller, authorization: ctx.authorization, requestId: ctx.requestId };
}

/** One read of a case's chain per case object per request, however many of events/evidence/chain are asked. */
const chainOf = new WeakMap<CaseDoc, Promise<ChainLinkDoc[]>>();
function links(c: CaseDoc, ctx: Ctx): Promise<ChainLinkDoc[]> {
  let p = chainOf.get(c);
  if (!p) {
    p = ctx.data.cases.links(ctx.caller, c);
    chainOf.set(c, p);
  }
  return p;
}

/** The answer was read with the capturer's access: only the capturing department gets it back. */
function answerFor(link: ChainLinkDoc, ctx: Ctx): string | null {
  return (link.body as EvidenceBody).capturedBy?.dept === ctx.caller.dept ? link.answer : null;
}

function evidenceView(link: ChainLinkDoc, ctx: Ctx) {
  const b = link.body as EvidenceBody;
  const answer = answerFor(link, ctx);
  return {
    id: evidenceId(link.caseId, link.seq),
    caseId: link.caseId,
    seq: link.seq,
    operation: b.operation,
    operationName: b.operationName,
    variables: canonical(b.variables ?? {}),
    note: b.note,
    capturedBy: b.capturedBy.sub,
    capturedByDepartment: b.capturedBy.dept,
    capturedAt: b.capturedAt,
    sha256: b.answerSha256,
    answer,
    answerWithheld: answer === null,
    denied: b.denied ?? [],
  };
}

function eventView(link: ChainLinkDoc) {
  const e = link.body as CaseEvent;
  return {
    seq: link.seq,
    type: e.type,
    from: e.from ?? null,
    to: e.to ?? null,
    effectiveAt: e.effectiveAt,
    recordedAt: e.at,
    by: e.by.sub,
    department: e.by.dept,
    note: e.note ?? null,
    officers: e.officers ?? null,
    reviewPassed: e.review?.passed ?? null,
    reviewOpinion: e.review?.opinion ?? null,
    waived: e.waived ?? null,
    clockAction: e.clock?.action ?? null,
    clockDays: e.clock?.days ?? null,
    clockReason: e.clock?.reason ?? null,
    decisionDocumentNumber: e.decision?.documentNumber ?? null,
  };
}

/** JointCase's catalogue key is `id`: the audit trail records which case a department read. */
function withId<T extends CaseDoc | null>(c: T): T {
  return c ? Object.assign(c, { id: c._id }) : c;
}

async function caseOf(p: Promise<CaseDoc>): Promise<CaseDoc> {
  return withId(await p);
}

function notFound(what: string, argument: string): GraphQLError {
  return new GraphQLError(`No ${what}`, { extensions: { code: ErrorCode.NOT_FOUND, argument } });
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (evidence variables).',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export const caseResolvers = {
  JSON: JSONScalar,
  Query: {
    case: async (_: unknown, a: { id: string }, ctx: Ctx) => withId(await ctx.data.cases.read(ctx.caller, a.id)),
    async cases(_: unknown, a: { filter?: Record<string, unknown> | null; first?: number | null; after?: string | null }, ctx: Ctx) {
      const page = await ctx.data.cases.list(ctx.caller, a.filter ?? {}, a.first ?? 20, a.after ?? null);
      return {
        edges: page.cases.map((c) => ({ cursor: c._id, node: withId(c) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cases.at(-1)?._id ?? null },
        totalCount: page.total,
      };
    },
    async verifyCase(_: unknown, a: { id: string }, ctx: Ctx) {
      const v = await ctx.data.cases.verify(requester(ctx), a.id);
      if (!v) throw notFound(`case ${a.id}`, 'id');
      return { ...v, unavailableWitnesses: v.unavailableWitnesses.map((u) => `${u.dept}: ${u.error}`) };
    },
    compareEvidence: (_: unknown, a: { id: string }, ctx: Ctx) => ctx.data.cases.compare(requester(ctx), a.id),
  },
  Mutation: {
    openCase: (_: unknown, a: { input: Parameters<JointData['cases']['openCase']>[1]; idempotencyKey?: string | null }, ctx: Ctx) =>
      caseOf(ctx.data.cases.openCase(requester(ctx), plain(a.input), a.idempotencyKey)),
    openCaseFromArrears: (_: unknown, a: { projectCode: string; month: string; idempotencyKey?: string | null }, ctx: Ctx) =>
      caseOf(ctx.data.cases.openFromArrears(requester(ctx), a.projectCode, a.month, a.idempotencyKey)),
    openCaseFromExceedances: (_: unknown, a: { projectCode: string; from: string; to: string; idempotencyKey?: string | null }, ctx: Ctx) =>
      caseOf(ctx.data.cases.openFromExceedances(requester(ctx), a.projectCode, a.from, a.to, a.idempotencyKey)),
    async attachEvidence(_: unknown, a: { caseId: string; input: EvidenceRequest; idempotencyKey?: string | null }, ctx: Ctx) {
      const input: EvidenceRequest = { query: a.input.query, variables: (a.input.variables as Record<string, unknown> | null | undefined) ?? null, note: a.input.note ?? null };
      const { link } = await ctx.data.cases.attachEvidence(requester(ctx), a.caseId, input, a.idempotencyKey);
      return evidenceView(link, ctx);
    },
    advanceCase: (_: unknown, a: TransitionRequest & { caseId: string; effectiveAt?: string | null; idempotencyKey?: string | null }, ctx: Ctx) => {
      const { caseId, idempotencyKey, ...req } = a;
      return caseOf(ctx.data.cases.advance(requester(ctx), caseId, plain(req), idempotencyKey));
    },
    recordDecision: (_: unknown, a: { caseId: string; decision: NonNullable<TransitionRequest['decision']>; effectiveAt?: string | null; idempotencyKey?: string | null }, ctx: Ctx) =>
      caseOf(ctx.data.cases.recordDecision(requester(ctx), a.caseId, plain(a.decision), a.effectiveAt, a.idempotencyKey)),
    recordClockEvent: (_: unknown, a: { caseId: string; action: ClockAction; days?: number | null; reason: string; effectiveAt?: string | null; idempotencyKey?: string | null }, ctx: Ctx) =>
      caseOf(ctx.data.cases.clock(requester(ctx), a.caseId, { action: a.action, days: a.days, reason: a.reason, effectiveAt: a.effectiveAt }, a.idempotencyKey)),
  },
  JointCase: {
    id: (c: CaseDoc) => c._id,
    leadDepartment: (c: CaseDoc) => c.leadDept,
    allowedNext: (c: CaseDoc) => TRANSITIONS[c.state as CaseState],
    deadline: (c: CaseDoc, _: unknown, ctx: Ctx) => nominalDeadline(c, ctx.data.cases.now()).toISOString(),
    overdue: (c: CaseDoc, _: unknown, ctx: Ctx) => ctx.data.cases.overdue(c),
    clockSuspended: (c: CaseDoc) => clockOf(c).suspended,
    decisions: (c: CaseDoc) =>
      c.decisions.map((d: DecisionRecord) => ({ department: d.dept, type: d.type, documentNumber: d.documentNumber, summary: d.summary, amount: d.amount, decidedAt: d.decidedAt, decidedBy: d.by })),
    events: async (c: CaseDoc, _: unknown, ctx: Ctx) => (await links(c, ctx)).filter((l) => l.kind === 'event').map(eventView),
    evidence: async (c: CaseDoc, _: unknown, ctx: Ctx) => (await links(c, ctx)).filter((l) => l.kind === 'evidence').map((l) => evidenceView(l, ctx)),
    chain: async (c: CaseDoc, _: unknown, ctx: Ctx) =>
      (await links(c, ctx)).map((l) => ({
        seq: l.seq, kind: l.kind, prevHash: l.prevHash, hash: l.hash,
        body: typeof l.body === 'string' ? l.body : canonical(l.body),
        answer: l.kind === 'evidence' ? answerFor(l, ctx) : null,
      })),
    chainLength: (c: CaseDoc) => c.seq,
    headHash: (c: CaseDoc) => c.headHash,
    warnings: (c: CaseDoc) => c.warnings.map((w) => `${w.at}: ${w.message}`),
  },
};

/** GraphQL input objects have a null prototype; the chain hashes plain JSON. */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
