/**
 * Persistence of the case file: cases, their hash chain and idempotency keys, in joint's own database.
 * Resolvers call this through JointData; nothing here knows about GraphQL requests.
 *
 * Appending is link first: the unique (caseId, seq) index lets exactly one writer store link n+1 (the
 * other gets CONFLICT naming the state the winner moved the case to), then the case projection moves
 * from seq n to n+1 with a compare-and-set. FerretDB v1 has no transactions: if the projection update
 * fails, the link just stored is removed again, so a failed request leaves nothing behind.
 */
import { GraphQLError } from 'graphql';
import { conflict, ErrorCode } from '../../../lib/errors';
import { canonical, nextLink, sha256Hex, type ChainLink, type LinkKind } from './chain';
import { clockOf } from './clock';
import { caseModels, type CaseDoc, type CaseModels, type LinkDoc } from './models';
import { applyEvent, type CaseEvent, type CaseState } from './procedure';

function isDuplicateKey(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: number }).code === 11000;
}

/** A pending idempotency claim older than this belongs to a request that died: a retry takes it over. */
const PENDING_CLAIM_TAKEOVER_MS = 120_000;

export interface CaseListFilter {
  departmentsOf: string;
  state?: CaseState | null;
  kind?: string | null;
  projectCode?: string | null;
  overdueAt?: Date | null;
}

export interface ChainLinkDoc extends ChainLink {
  answer: string | null;
}

export function toChainLink(d: LinkDoc): ChainLinkDoc {
  let body: unknown;
  try {
    body = JSON.parse(d.body);
  } catch {
    // A body that is no longer JSON was edited: keep the text, so that its hash check names the link.
    body = d.body;
  }
  return { caseId: d.caseId, seq: d.seq, kind: d.kind, body, prevHash: d.prevHash, hash: d.hash, answer: d.answer ?? null };
}

export class CaseStore {
  readonly models: CaseModels;
  private ready: Promise<unknown> | undefined;

  constructor(conn: import('mongoose').Connection) {
    this.models = caseModels(conn);
  }

  /** The unique (caseId, seq) index is what makes appends exclusive: built before the first write. */
  init(): Promise<unknown> {
    this.ready ??= Promise.all(Object.values(this.models).map((m) => m.init()));
    return this.ready;
  }

  async nextCaseId(year: number): Promise<string> {
    await this.init();
    const c = await this.models.Counter.findOneAndUpdate({ _id: `case-${year}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    return `LH-${year}-${String(c!.value).padStart(6, '0')}`;
  }

  async get(id: string): Promise<CaseDoc | null> {
    return this.models.Case.findById(id).lean<CaseDoc>();
  }

  async getMany(ids: readonly string[]): Promise<CaseDoc[]> {
    return this.models.Case.find({ _id: { $in: [...ids] } }).lean<CaseDoc[]>();
  }

  async list(filter: CaseListFilter, first: number, after: string | null): Promise<{ cases: CaseDoc[]; hasNextPage: boolean; total: number }> {
    const q: Record<string, unknown> = { departments: filter.departmentsOf };
    if (filter.state) q.state = filter.state;
    if (filter.kind) q.kind = filter.kind;
    if (filter.projectCode) q['subject.projectCode'] = filter.projectCode;
    if (filter.overdueAt) q.deadlineAt = { $ne: null, $lt: filter.overdueAt };
    const total = await this.models.Case.countDocuments(q);
    const page = after ? { ...q, _id: { $gt: after } } : q;
    const cases = await this.models.Case.find(page).sort({ _id: 1 }).limit(first + 1).lean<CaseDoc[]>();
    return { cases: cases.slice(0, first), hasNextPage: cases.length > first, total };
  }

  async links(caseId: string): Promise<ChainLinkDoc[]> {
    const docs = await this.models.Link.find({ caseId }).sort({ seq: 1 }).lean<LinkDoc[]>();
    return docs.map(toChainLink);
  }

  async evidenceLink(caseId: string, seq: number): Promise<ChainLinkDoc | null> {
    const d = await this.models.Link.findOne({ caseId, seq, kind: 'evidence' }).lean<LinkDoc>();
    return d ? toChainLink(d) : null;
  }

  /** Files a new case: link 1 (FILED), then the case document built from it. */
  async create(initial: Omit<CaseDoc, 'seq' | 'headHash' | 'updatedAt' | 'deadlineAt' | 'warnings'>, filed: CaseEvent): Promise<CaseDoc> {
    await this.init();
    const link = nextLink(initial._id, undefined, 'event', filed);
    await this.models.Link.create(this.linkDoc(link, null));
    const doc: CaseDoc = { ...initial, seq: 1, headHash: link.hash, warnings: [], updatedAt: new Date(), deadlineAt: null };
    doc.deadlineAt = clockOf(doc).deadlineAt;
    try {
      await this.models.Case.create(doc);
    } catch (e) {
      await this.models.Link.deleteOne({ caseId: link.caseId, seq: 1 }).catch(() => undefined);
      throw e;
    }
    return doc;
  }

  /**
   * Appends one link to a case read at `current` and moves the projection. CONFLICT when another request
   * appended first; the message names the state the case is in now.
   */
  async append(current: CaseDoc, kind: LinkKind, body: unknown, answer: string | null = null): Promise<{ doc: CaseDoc; link: ChainLink }> {
    await this.init();
    const link = nextLink(current._id, { seq: current.seq, hash: current.headHash }, kind, body);
    try {
      await this.models.Link.create(this.linkDoc(link, answer));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      throw await this.conflictFor(current);
    }
    const next = kind === 'event' ? applyEvent(current, body as CaseEvent) : { ...current };
    const doc: CaseDoc = { ...next, seq: link.seq, headHash: link.hash, updatedAt: new Date() };
    doc.deadlineAt = clockOf(doc).deadlineAt;
    const { _id, ...fields } = doc;
    let moved: CaseDoc | null = null;
    try {
      moved = await this.models.Case.findOneAndUpdate({ _id, seq: current.seq }, { $set: fields }, { returnDocument: 'after' }).lean<CaseDoc>();
    } finally {
      if (!moved) await this.models.Link.deleteOne({ caseId: _id, seq: link.seq, hash: link.hash }).catch(() => undefined);
    }
    if (!moved) throw await this.conflictFor(current);
    return { doc: moved, link };
  }

  private async conflictFor(current: CaseDoc): Promise<GraphQLError> {
    // The winner's link is stored before its projection moves: read the state from the chain itself.
    const latest = await this.models.Link.find({ caseId: current._id }).sort({ seq: -1 }).limit(1).lean<LinkDoc[]>();
    let state: string = current.state;
    let seq = current.seq;
    if (latest[0]) {
      seq = latest[0].seq;
      const body = toChainLink(latest[0]).body as Partial<CaseEvent>;
      const fresh = await this.get(current._id);
      state = (latest[0].kind === 'event' && body.type === 'TRANSITION' && body.to) || fresh?.state || current.state;
    }
    return conflict(`Case ${current._id} was changed by another request: it is now ${state} (link ${seq}); read it again and retry`, {
      caseId: current._id,
      currentState: state,
      seq,
    });
  }

  async addWarning(caseId: string, warning: { at: string; seq: number; message: string }): Promise<void> {
    await this.models.Case.updateOne({ _id: caseId }, { $push: { warnings: warning } });
  }

  private linkDoc(link: ChainLink, answer: string | null): LinkDoc {
    return { caseId: link.caseId, seq: link.seq, kind: link.kind, body: canonical(link.body), prevHash: link.prevHash, hash: link.hash, answer };
  }

  // ---- idempotency keys: one per caller; a retry returns the first result and appends nothing ----

  /** Claims a key; returns the stored result when the request already ran. */
  async claim(key: string, operation: string, args: unknown): Promise<{ caseId: string; evidenceId?: string } | null> {
    await this.init();
    const argsHash = sha256Hex(canonical({ operation, args }));
    try {
      await this.models.Request.create({ _id: key, operation, argsHash, status: 'pending', result: null, createdAt: new Date() });
      return null;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const prior = await this.models.Request.findById(key).lean();
    if (!prior) throw conflict('The idempotency key was released by a failed attempt at the same moment; retry');
    if (prior.argsHash !== argsHash) {
      throw new GraphQLError(`Invalid argument "idempotencyKey": this key was already used by you for a different request (${prior.operation})`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'idempotencyKey' },
      });
    }
    if (prior.status !== 'done' || !prior.result) {
      // A claim left by a process that died mid-request would block its key for ever: after a while it is taken over.
      const stale = Date.now() - new Date(prior.createdAt).getTime() > PENDING_CLAIM_TAKEOVER_MS;
      if (stale && (await this.models.Request.updateOne({ _id: key, status: 'pending', createdAt: prior.createdAt }, { $set: { createdAt: new Date() } })).modifiedCount === 1) return null;
      throw conflict('A request with this idempotency key is still running; retry in a moment', { idempotencyKey: key });
    }
    return { caseId: prior.result.caseId, ...(prior.result.evidenceId ? { evidenceId: prior.result.evidenceId } : {}) };
  }

  async complete(key: string, result: { caseId: string; evidenceId?: string }): Promise<void> {
    await this.models.Request.updateOne({ _id: key }, { $set: { status: 'done', result } });
  }

  async release(key: string): Promise<void> {
    await this.models.Request.deleteOne({ _id: key, status: 'pending' });
  }
}
