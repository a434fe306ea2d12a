/**
 * One request's reads of the risk view: the project and enterprise documents batched (one `$in` per type,
 * however many entities the gateway resolves), the view's state read once.
 */
import DataLoader from 'dataloader';
import type { Caller } from '../../../lib/auth/claims';
import { badInput, forbidden } from '../../../lib/errors';
import { evaluationFailed, RISK_ADMIN_ROLES, type RiskEvaluationResult, type RiskEvaluator } from './evaluator';
import { decodeBoardCursor, encodeBoardCursor, parseReasons, type EnterpriseCreditDoc, type ProjectRiskDoc, type RiskChangeDoc, type RiskStateDoc, type RiskStore } from './store';
import { visibleReason, type VisibleReason } from './visibility';
import { RISK_LEVELS, type CreditColour, type RiskLevel } from './rules';

const MAX_BOARD_PAGE = 500;
const MAX_HISTORY = 200;

export interface ProjectRiskView {
  level: RiskLevel;
  reasons: VisibleReason[];
  rulesVersion: string;
  evaluatedAt: string;
}

export interface CreditRatingView {
  colour: CreditColour;
  reasons: VisibleReason[];
  inspectionInterval: string;
  validUntil: string | null;
  rulesVersion: string;
  evaluatedAt: string;
}

export class RiskReader {
  private stateRead: Promise<RiskStateDoc | null> | undefined;
  private readonly projectDocs = new DataLoader<string, ProjectRiskDoc | null>(async (codes) => {
    const found = new Map((await this.store.projects(codes)).map((d) => [d._id, d]));
    return codes.map((c) => found.get(c) ?? null);
  });
  private readonly enterpriseDocs = new DataLoader<string, EnterpriseCreditDoc | null>(async (usccs) => {
    const found = new Map((await this.store.enterprises(usccs)).map((d) => [d._id, d]));
    return usccs.map((u) => found.get(u) ?? null);
  });

  /** Histories batched per kind and page size: the gateway resolves many entities' histories in one request. */
  private readonly historyDocs = new DataLoader<string, RiskChangeDoc[]>(async (ids) => {
    const groups = new Map<string, string[]>();
    for (const id of ids) {
      const [kind, first, key] = id.split('|');
      groups.set(`${kind}|${first}`, [...(groups.get(`${kind}|${first}`) ?? []), key]);
    }
    const found = new Map<string, RiskChangeDoc[]>();
    for (const [group, keys] of groups) {
      const [kind, first] = group.split('|');
      for (const [key, docs] of await this.store.histories(kind as RiskChangeDoc['kind'], keys, Number(first))) found.set(`${group}|${key}`, docs);
    }
    return ids.map((id) => found.get(id) ?? []);
  });

  constructor(
    private readonly store: RiskStore,
    private readonly evaluator: RiskEvaluator,
  ) {}

  private state(): Promise<RiskStateDoc | null> {
    this.stateRead ??= this.store.state();
    return this.stateRead;
  }

  async projectRisk(caller: Caller, code: string): Promise<ProjectRiskView | null> {
    const [doc, state] = await Promise.all([this.projectDocs.load(code), this.state()]);
    if (!doc || !state) return null;
    return { level: doc.level, reasons: parseReasons(doc.reasons).map((r) => visibleReason(caller, r)), rulesVersion: doc.rulesVersion, evaluatedAt: state.evaluatedAt };
  }

  async credit(caller: Caller, uscc: string): Promise<CreditRatingView | null> {
    const [doc, state] = await Promise.all([this.enterpriseDocs.load(uscc), this.state()]);
    if (!doc || !state) return null;
    return {
      colour: doc.colour,
      reasons: parseReasons(doc.reasons).map((r) => visibleReason(caller, r)),
      inspectionInterval: doc.inspectionInterval,
      validUntil: doc.validUntil,
      rulesVersion: doc.rulesVersion,
      evaluatedAt: state.evaluatedAt,
    };
  }

  private async changes(kind: RiskChangeDoc['kind'], caller: Caller, key: string, first: number) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_HISTORY) throw badInput('first', `must be 1 to ${MAX_HISTORY}`);
    const docs = await this.historyDocs.load(`${kind}|${first}|${key}`);
    return docs.map((d) => ({ grade: d.grade, previous: d.previous, reasons: parseReasons(d.reasons).map((r) => visibleReason(caller, r)), rulesVersion: d.rulesVersion, at: d.at }));
  }

  async riskHistory(caller: Caller, code: string, first: number) {
    return (await this.changes('project', caller, code, first)).map((c) => ({ level: c.grade as RiskLevel, previousLevel: c.previous as RiskLevel | null, reasons: c.reasons, rulesVersion: c.rulesVersion, at: c.at }));
  }

  async creditHistory(caller: Caller, uscc: string, first: number) {
    return (await this.changes('enterprise', caller, uscc, first)).map((c) => ({ colour: c.grade as CreditColour, previousColour: c.previous as CreditColour | null, reasons: c.reasons, rulesVersion: c.rulesVersion, at: c.at }));
  }

  async board(args: { district?: string | null; level?: RiskLevel | null; first: number; after?: string | null }) {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_BOARD_PAGE) throw badInput('first', `must be 1 to ${MAX_BOARD_PAGE}`);
    if (args.district && !/^\d{6}$/.test(args.district)) throw badInput('district', 'must be a 6-digit GB/T 2260 code');
    if (args.level && !RISK_LEVELS.includes(args.level)) throw badInput('level', `must be one of ${RISK_LEVELS.join(', ')}`);
    let after: string | null = null;
    if (args.after) {
      after = decodeBoardCursor(args.after);
      if (after === null) throw badInput('after', 'not a cursor returned by riskBoard');
    }
    const [page, state] = await Promise.all([this.store.board({ district: args.district, level: args.level }, args.first, after), this.state()]);
    const edges = page.codes.map((code) => ({ cursor: encodeBoardCursor(code), node: { code } }));
    return {
      counts: page.counts.sort((a, b) => a.district.localeCompare(b.district) || RISK_LEVELS.indexOf(a.level) - RISK_LEVELS.indexOf(b.level)),
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      evaluatedAt: state?.evaluatedAt ?? null,
      rulesVersion: state?.rulesVersion ?? null,
    };
  }

  async reevaluate(caller: Caller): Promise<RiskEvaluationResult> {
    if (caller.dept !== 'joint' || !caller.roles.some((r) => (RISK_ADMIN_ROLES as readonly string[]).includes(r))) {
      throw forbidden(`reevaluateRisk needs the role ${RISK_ADMIN_ROLES.join(' or ')} of joint`, { field: 'Mutation.reevaluateRisk' });
    }
    try {
      return await this.evaluator.evaluate();
    } catch (e) {
      throw evaluationFailed(e);
    }
  }
}
