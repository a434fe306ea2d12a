/** Resolvers of the case file: GraphQL shapes over the CaseService; no persistence here. */
import { GraphQLError, GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { badInput, ErrorCode } from '../../../lib/errors';
import { canonical } from '../cases/chain';
import { nominalDeadline, clockOf } from '../cases/clock';
import type { ChainLinkDoc } from '../cases/caseStore';
import type { CaseDoc } from '../cases/models';
import { TRANSITIONS, type CaseEvent, type DecisionRecord } from '../cases/procedure';
import { evidenceId, type EvidenceBody, type Requester } from '../cases/service';
import type { EvidenceRequest } from '../cases/evidence';
import type { Resolvers } from '../generated/resolvers';
import type { Ctx } from './context';

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

export const caseResolvers: Required<Pick<Resolvers, 'JSON' | 'Query' | 'Mutation' | 'JointCase'>> = {
  JSON: JSONScalar,
  Query: {
    case: async (_, a, ctx) => withId(await ctx.data.cases.read(ctx.caller, a.id)),
    async cases(_, a, ctx) {
      const page = await ctx.data.cases.list(ctx.caller, a.filter ?? {}, a.first ?? 20, a.after ?? null);
      return {
        edges: page.cases.map((c) => ({ cursor: c._id, node: withId(c) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cases.at(-1)?._id ?? null },
        totalCount: page.total,
      };
    },
    async verifyCase(_, a, ctx) {
      const v = await ctx.data.cases.verify(requester(ctx), a.id);
      if (!v) throw notFound(`case ${a.id}`, 'id');
      return { ...v, unavailableWitnesses: v.unavailableWitnesses.map((u) => `${u.dept}: ${u.error}`) };
    },
    compareEvidence: (_, a, ctx) => ctx.data.cases.compare(requester(ctx), a.id),
  },
  Mutation: {
    openCase: (_, a, ctx) =>
      caseOf(ctx.data.cases.openCase(requester(ctx), plain(a.input), a.idempotencyKey)),
    openCaseFromArrears: (_, a, ctx) =>
      caseOf(ctx.data.cases.openFromArrears(requester(ctx), a.projectCode, a.month, a.idempotencyKey)),
    openCaseFromExceedances: (_, a, ctx) =>
      caseOf(ctx.data.cases.openFromExceedances(requester(ctx), a.projectCode, a.from, a.to, a.idempotencyKey)),
    async attachEvidence(_, a, ctx) {
      const input: EvidenceRequest = { query: a.input.query, variables: variablesObject(a.input.variables), note: a.input.note ?? null };
      const { link } = await ctx.data.cases.attachEvidence(requester(ctx), a.caseId, input, a.idempotencyKey);
      return evidenceView(link, ctx);
    },
    advanceCase: (_, a, ctx) => {
      const { caseId, idempotencyKey, ...req } = a;
      return caseOf(ctx.data.cases.advance(requester(ctx), caseId, plain(req), idempotencyKey));
    },
    recordDecision: (_, a, ctx) =>
      caseOf(ctx.data.cases.recordDecision(requester(ctx), a.caseId, plain(a.decision), a.effectiveAt, a.idempotencyKey)),
    recordClockEvent: (_, a, ctx) =>
      caseOf(ctx.data.cases.clock(requester(ctx), a.caseId, { action: a.action, days: a.days, reason: a.reason, effectiveAt: a.effectiveAt }, a.idempotencyKey)),
  },
  JointCase: {
    id: (c) => c._id,
    leadDepartment: (c) => c.leadDept,
    allowedNext: (c) => [...TRANSITIONS[c.state]],
    deadline: (c, _, ctx) => nominalDeadline(c, ctx.data.cases.now()).toISOString(),
    overdue: (c, _, ctx) => ctx.data.cases.overdue(c),
    clockSuspended: (c) => clockOf(c).suspended,
    decisions: (c) =>
      c.decisions.map((d: DecisionRecord) => ({ department: d.dept, type: d.type, documentNumber: d.documentNumber, summary: d.summary, amount: d.amount, decidedAt: d.decidedAt, decidedBy: d.by })),
    events: async (c, _, ctx) => (await links(c, ctx)).filter((l) => l.kind === 'event').map(eventView),
    evidence: async (c, _, ctx) => (await links(c, ctx)).filter((l) => l.kind === 'evidence').map((l) => evidenceView(l, ctx)),
    chain: async (c, _, ctx) =>
      (await links(c, ctx)).map((l) => ({
        seq: l.seq, kind: l.kind, prevHash: l.prevHash, hash: l.hash,
        body: typeof l.body === 'string' ? l.body : canonical(l.body),
        answer: l.kind === 'evidence' ? answerFor(l, ctx) : null,
      })),
    chainLength: (c) => c.seq,
    headHash: (c) => c.headHash,
    warnings: (c) => c.warnings.map((w) => `${w.at}: ${w.message}`),
  },
};

/** EvidenceInput.variables is a JSON scalar (any value); a query's variables are an object or absent. */
function variablesObject(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw badInput('input.variables', 'must be a JSON object of the query\'s variables');
  return v as Record<string, unknown>;
}

/** GraphQL input objects have a null prototype; the chain hashes plain JSON. */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
