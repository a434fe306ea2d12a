/**
 * The risk view in joint's own silo: one document per project and per enterprise with its current grade and
 * reasons, the histories (one document per change), and the view's state (rules version, when evaluated).
 * Reasons are kept as JSON text: they are only ever read whole, and arrays inside arrays of subdocuments are
 * what FerretDB v1 handles least well (DESIGN §6).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { StoredReason } from './facts';
import type { CreditColour, RiskLevel } from './rules';

export interface ProjectRiskDoc {
  _id: string;
  district: string | null;
  level: RiskLevel;
  reasons: string;
  rulesVersion: string;
}

export interface EnterpriseCreditDoc {
  _id: string;
  colour: CreditColour;
  reasons: string;
  inspectionInterval: string;
  validUntil: string | null;
  rulesVersion: string;
}

export interface RiskChangeDoc {
  kind: 'project' | 'enterprise';
  key: string;
  grade: string;
  previous: string | null;
  reasons: string;
  rulesVersion: string;
  at: string;
}

export interface RiskStateDoc {
  _id: 'view';
  rulesVersion: string;
  evaluatedAt: string;
  projects: number;
  enterprises: number;
}

const projectSchema = new Schema<ProjectRiskDoc>(
  { _id: String, district: { type: String, default: null }, level: { type: String, required: true }, reasons: String, rulesVersion: String },
  { collection: 'risk_projects', versionKey: false },
);
// The board counts district × level and pages by code within a district and level.
projectSchema.index({ district: 1, level: 1 });

const enterpriseSchema = new Schema<EnterpriseCreditDoc>(
  { _id: String, colour: { type: String, required: true }, reasons: String, inspectionInterval: String, validUntil: { type: String, default: null }, rulesVersion: String },
  { collection: 'risk_enterprises', versionKey: false },
);

const changeSchema = new Schema<RiskChangeDoc>(
  { kind: { type: String, required: true }, key: { type: String, required: true }, grade: String, previous: { type: String, default: null }, reasons: String, rulesVersion: String, at: String },
  { collection: 'risk_changes', versionKey: false },
);
changeSchema.index({ kind: 1, key: 1, at: -1 });

const stateSchema = new Schema<RiskStateDoc>(
  { _id: String, rulesVersion: String, evaluatedAt: String, projects: Number, enterprises: Number },
  { collection: 'risk_state', versionKey: false },
);

export interface RiskModels {
  Project: Model<ProjectRiskDoc>;
  Enterprise: Model<EnterpriseCreditDoc>;
  Change: Model<RiskChangeDoc>;
  State: Model<RiskStateDoc>;
}

export function riskModels(conn: Connection): RiskModels {
  return {
    Project: conn.models.RiskProject ?? conn.model<ProjectRiskDoc>('RiskProject', projectSchema),
    Enterprise: conn.models.RiskEnterprise ?? conn.model<EnterpriseCreditDoc>('RiskEnterprise', enterpriseSchema),
    Change: conn.models.RiskChange ?? conn.model<RiskChangeDoc>('RiskChange', changeSchema),
    State: conn.models.RiskState ?? conn.model<RiskStateDoc>('RiskState', stateSchema),
  };
}

export function parseReasons(text: string | undefined): StoredReason[] {
  return text ? (JSON.parse(text) as StoredReason[]) : [];
}

/** What one evaluation computed for one project or enterprise. */
export interface Graded<G extends string> {
  key: string;
  grade: G;
  reasons: StoredReason[];
  district?: string | null;
  inspectionInterval?: string;
  validUntil?: string | null;
}

const BOARD_CURSOR_PREFIX = 'risk:';

export function encodeBoardCursor(code: string): string {
  return Buffer.from(BOARD_CURSOR_PREFIX + code, 'utf8').toString('base64url');
}

export function decodeBoardCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith(BOARD_CURSOR_PREFIX) ? text.slice(BOARD_CURSOR_PREFIX.length) : null;
}

export class RiskStore {
  readonly models: RiskModels;
  private ready: Promise<unknown> | undefined;

  constructor(conn: Connection) {
    this.models = riskModels(conn);
  }

  init(): Promise<unknown> {
    this.ready ??= Promise.all(Object.values(this.models).map((m) => m.init()));
    return this.ready;
  }

  state(): Promise<RiskStateDoc | null> {
    // exec(): a promise, which a request memoises (a mongoose Query runs again each time it is awaited).
    return this.models.State.findById('view').lean<RiskStateDoc>().exec();
  }

  projects(codes: readonly string[]): Promise<ProjectRiskDoc[]> {
    return this.models.Project.find({ _id: { $in: [...codes] } }).lean<ProjectRiskDoc[]>().exec();
  }

  enterprises(usccs: readonly string[]): Promise<EnterpriseCreditDoc[]> {
    return this.models.Enterprise.find({ _id: { $in: [...usccs] } }).lean<EnterpriseCreditDoc[]>().exec();
  }

  allProjectLevels(): Promise<Pick<ProjectRiskDoc, '_id' | 'level' | 'reasons' | 'district' | 'rulesVersion'>[]> {
    return this.models.Project.find({}).lean<ProjectRiskDoc[]>().exec();
  }

  allEnterpriseColours(): Promise<EnterpriseCreditDoc[]> {
    return this.models.Enterprise.find({}).lean<EnterpriseCreditDoc[]>().exec();
  }

  history(kind: RiskChangeDoc['kind'], key: string, first: number): Promise<RiskChangeDoc[]> {
    return this.models.Change.find({ kind, key }).sort({ at: -1, _id: -1 }).limit(first).lean<RiskChangeDoc[]>().exec();
  }

  /** The newest `first` changes of each key, in one read (a history is a few changes: one per change of grade). */
  async histories(kind: RiskChangeDoc['kind'], keys: readonly string[], first: number): Promise<Map<string, RiskChangeDoc[]>> {
    const docs = await this.models.Change.find({ kind, key: { $in: [...keys] } }).sort({ at: -1, _id: -1 }).lean<RiskChangeDoc[]>().exec();
    const out = new Map<string, RiskChangeDoc[]>(keys.map((k) => [k, []]));
    for (const d of docs) {
      const list = out.get(d.key)!;
      if (list.length < first) list.push(d);
    }
    return out;
  }

  async board(filter: { district?: string | null; level?: RiskLevel | null }, first: number, after: string | null) {
    const scope: Record<string, unknown> = filter.district ? { district: filter.district } : {};
    const listed: Record<string, unknown> = filter.level ? { ...scope, level: filter.level } : scope;
    const [counts, totalCount, docs] = await Promise.all([
      this.models.Project.aggregate<{ _id: { district: string | null; level: RiskLevel }; count: number }>([
        { $match: scope },
        { $group: { _id: { district: '$district', level: '$level' }, count: { $sum: 1 } } },
      ]),
      this.models.Project.countDocuments(listed),
      this.models.Project.find(after ? { ...listed, _id: { $gt: after } } : listed, { _id: 1 }).sort({ _id: 1 }).limit(first + 1).lean<{ _id: string }[]>(),
    ]);
    return {
      counts: counts.map((c) => ({ district: c._id.district ?? '', level: c._id.level, count: c.count })),
      totalCount,
      codes: docs.slice(0, first).map((d) => d._id),
      hasNextPage: docs.length > first,
    };
  }

  /**
   * Writes one evaluation: the documents whose grade, reasons or rules version changed, one history entry per
   * changed grade (and the first grade of a newcomer), the removal of what the departments no longer list, then
   * the state. Returns the number of changes of grade.
   */
  async write(projects: Graded<RiskLevel>[], enterprises: Graded<CreditColour>[], rulesVersion: string, at: string): Promise<number> {
    await this.init();
    const changes: RiskChangeDoc[] = [];
    const old = new Map((await this.allProjectLevels()).map((d) => [d._id, d]));
    const projectOps = [];
    for (const p of projects) {
      const before = old.get(p.key);
      const reasons = JSON.stringify(p.reasons);
      if (!before || before.level !== p.grade) changes.push({ kind: 'project', key: p.key, grade: p.grade, previous: before?.level ?? null, reasons, rulesVersion, at });
      if (before && before.level === p.grade && before.reasons === reasons && before.district === (p.district ?? null) && before.rulesVersion === rulesVersion) continue;
      projectOps.push({ replaceOne: { filter: { _id: p.key }, replacement: { _id: p.key, district: p.district ?? null, level: p.grade, reasons, rulesVersion }, upsert: true } });
    }
    const oldE = new Map((await this.allEnterpriseColours()).map((d) => [d._id, d]));
    const enterpriseOps = [];
    for (const e of enterprises) {
      const before = oldE.get(e.key);
      const reasons = JSON.stringify(e.reasons);
      if (!before || before.colour !== e.grade) changes.push({ kind: 'enterprise', key: e.key, grade: e.grade, previous: before?.colour ?? null, reasons, rulesVersion, at });
      const doc = { _id: e.key, colour: e.grade, reasons, inspectionInterval: e.inspectionInterval!, validUntil: e.validUntil ?? null, rulesVersion };
      if (before && before.colour === doc.colour && before.reasons === reasons && before.inspectionInterval === doc.inspectionInterval && before.validUntil === doc.validUntil && before.rulesVersion === rulesVersion) continue;
      enterpriseOps.push({ replaceOne: { filter: { _id: e.key }, replacement: doc, upsert: true } });
    }
    // History before the view: if the process dies in between, the next evaluation finds the same change against the
    // old view and records it again — a duplicate entry rather than a lost one.
    if (changes.length) await this.models.Change.insertMany(changes);
    if (projectOps.length) await this.models.Project.bulkWrite(projectOps as never);
    if (enterpriseOps.length) await this.models.Enterprise.bulkWrite(enterpriseOps as never);
    const seenP = new Set(projects.map((p) => p.key));
    const goneP = [...old.keys()].filter((k) => !seenP.has(k));
    if (goneP.length) await this.models.Project.deleteMany({ _id: { $in: goneP } });
    const seenE = new Set(enterprises.map((e) => e.key));
    const goneE = [...oldE.keys()].filter((k) => !seenE.has(k));
    if (goneE.length) await this.models.Enterprise.deleteMany({ _id: { $in: goneE } });
    await this.models.State.replaceOne({ _id: 'view' }, { _id: 'view', rulesVersion, evaluatedAt: at, projects: projects.length, enterprises: enterprises.length }, { upsert: true });
    return changes.length;
  }
}
