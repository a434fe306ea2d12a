/**
 * Maintains the wage read model (models/wageReadModel.ts) from the raw facts. The hrss adapters call
 * `refreshWageFacts` after their records are written, naming the project-months they touched; each
 * of those is recomputed from the raw collections (not patched with the new records), so ingesting the
 * same file twice writes the same documents, and blocks from overlapping exports still count a day once.
 * `rebuildWageFacts` recomputes everything (npm run rebuild:wage-facts; also the first ingest into a
 * store that has no read model yet).
 */
import type { HrssModels } from './models';
import type { RegistrationDoc } from './models/registration';
import { SETTLED_NEVER, type WageProjectMonthDoc } from './models/wageReadModel';

/** Bump when the stored encoding changes: a store built in another format is rebuilt at the next ingest. */
export const WAGE_READ_MODEL_FORMAT = 1;
const STATE_ID = 'wage-facts';
/** FerretDB v1 stalls on one update command with more than about 100 upserts (see adapters/common/sink.ts). */
const OPS_PER_COMMAND = 90;
/** Up to this many projects of a month are read with `$in`; more, and the whole month is read once. */
const PROJECTS_PER_IN_QUERY = 100;

export interface StoredPayment {
  on: string;
  fen: number;
}

/** One worker of a project-month as stored: the payments keep their dates so any `asOf` can be answered. */
export interface StoredWorkerFacts {
  workerId: string;
  daysWorked: number;
  dailyWageFen: number | null;
  employerUscc: string | null;
  /** Successful transfers for the month, one per date, oldest first. */
  payments: StoredPayment[];
}

export function encodeWorkers(workers: StoredWorkerFacts[]): string {
  return workers
    .map((w) => [w.workerId, w.daysWorked, w.dailyWageFen ?? '', w.employerUscc ?? '', w.payments.map((p) => `${p.on}:${p.fen}`).join(',')].join(';'))
    .join('\n');
}

export function decodeWorkers(text: string): StoredWorkerFacts[] {
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const [workerId, days, wage, employer, payments] = line.split(';');
    return {
      workerId,
      daysWorked: Number(days),
      dailyWageFen: wage === '' ? null : Number(wage),
      employerUscc: employer === '' ? null : employer,
      payments: payments === '' ? [] : payments.split(',').map((p) => ({ on: p.slice(0, 10), fen: Number(p.slice(11)) })),
    };
  });
}

/**
 * The first date on which every worker has been paid in full with no tolerance (a worker without a
 * known daily wage: paid anything), SETTLED_NEVER if someone is not yet. Under any tolerance a worker
 * paid in full is not in arrears, and payments only add up: from this date on the project-month cannot
 * be in arrears, whatever WAGE_PAY_DAY and WAGE_SHORT_TOLERANCE say.
 */
export function settledOn(workers: StoredWorkerFacts[]): string {
  let latest = '';
  for (const w of workers) {
    const due = w.dailyWageFen === null ? null : w.daysWorked * w.dailyWageFen;
    let paid = 0;
    let on: string | null = null;
    for (const p of w.payments) {
      paid += p.fen;
      if (paid > 0 && (due === null || paid >= due)) {
        on = p.on;
        break;
      }
    }
    if (on === null) return SETTLED_NEVER;
    if (on > latest) latest = on;
  }
  return latest || SETTLED_NEVER;
}

/** Project-months touched by an ingest; a registration touches every month of its project. */
export class WageKeys {
  readonly months = new Map<string, Set<string>>();
  readonly projects = new Set<string>();

  add(month: string, projectCode: string): void {
    (this.months.get(month) ?? this.months.set(month, new Set()).get(month)!).add(projectCode);
  }

  addProject(projectCode: string): void {
    this.projects.add(projectCode);
  }

  get size(): number {
    return this.projects.size + [...this.months.values()].reduce((n, s) => n + s.size, 0);
  }
}

/** One project-month as computed: its facts document and its entry in the month's arrears index. */
interface ComputedProjectMonth {
  facts: WageProjectMonthDoc;
  settledOn: string;
}

export interface IndexEntry {
  settledOn: string;
  factCount: number;
}

export const projectMonthId = (month: string, projectCode: string) => `${month}|${projectCode}`;

export function decodeIndex(text: string): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  if (text === '') return entries;
  for (const line of text.split('\n')) {
    const [code, settled, n] = line.split(' ');
    entries.set(code, { settledOn: settled, factCount: Number(n) });
  }
  return entries;
}

function encodeIndex(entries: Map<string, IndexEntry>): string {
  return [...entries].sort(([a], [b]) => a.localeCompare(b)).map(([code, e]) => `${code} ${e.settledOn} ${e.factCount}`).join('\n');
}

type RegistrationFacts = Pick<RegistrationDoc, 'workerId' | 'projectCode' | 'dailyWageFen' | 'employerUscc' | 'enteredOn'>;
const REGISTRATION_FIELDS = { _id: 0, workerId: 1, projectCode: 1, dailyWageFen: 1, employerUscc: 1, enteredOn: 1 };

/**
 * Every registration, read once per refresh however many months need them (a registration is not
 * tied to a month, and the collection is as large as a month of attendance).
 */
function registrationsOnce(models: HrssModels): () => Promise<RegistrationFacts[]> {
  let all: Promise<RegistrationFacts[]> | null = null;
  // exec(): keep the promise of the result; a mongoose Query awaited twice would run (and fail) twice.
  return () => (all ??= models.Registration.find({}, REGISTRATION_FIELDS).lean<RegistrationFacts[]>().exec());
}

/** Recomputes project-months of one month from the raw facts (`codes` null: every project of the month). */
async function computeMonth(
  models: HrssModels, month: string, codes: string[] | null, allRegistrations: () => Promise<RegistrationFacts[]>,
): Promise<ComputedProjectMonth[]> {
  const narrow = codes !== null && codes.length <= PROJECTS_PER_IN_QUERY;
  const where: Record<string, unknown> = narrow ? { month, projectCode: { $in: codes } } : { month };
  const [blocks, lines, registrations] = await Promise.all([
    models.AttendanceBlock.find(where, { _id: 0, workerId: 1, projectCode: 1, days: 1 }).lean(),
    models.PayLine.find({ ...where, succeeded: true }, { _id: 0, workerId: 1, projectCode: 1, amountFen: 1, paidOn: 1 }).lean(),
    narrow ? models.Registration.find({ projectCode: { $in: codes } }, REGISTRATION_FIELDS).lean<RegistrationFacts[]>() : allRegistrations(),
  ]);
  const wanted = codes === null ? null : new Set(codes);
  const keep = (code: string) => wanted === null || wanted.has(code);
  const factCount = new Map<string, number>();
  const count = (code: string) => factCount.set(code, (factCount.get(code) ?? 0) + 1);
  // The same reductions as the reference computation (wageFacts.ts): days united per (worker, project),
  // the latest registration per (worker, project), whatever its month.
  const daysByPair = new Map<string, Set<string>>();
  for (const b of blocks) {
    if (!keep(b.projectCode)) continue;
    count(b.projectCode);
    const key = `${b.workerId}|${b.projectCode}`;
    const days = daysByPair.get(key) ?? daysByPair.set(key, new Set()).get(key)!;
    for (const d of b.days.split(',')) days.add(d);
  }
  const paymentsByPair = new Map<string, Map<string, number>>();
  for (const l of lines) {
    if (!keep(l.projectCode)) continue;
    count(l.projectCode);
    const key = `${l.workerId}|${l.projectCode}`;
    const byDate = paymentsByPair.get(key) ?? paymentsByPair.set(key, new Map()).get(key)!;
    byDate.set(l.paidOn, (byDate.get(l.paidOn) ?? 0) + l.amountFen);
  }
  const registrationByPair = new Map<string, RegistrationFacts>();
  for (const r of registrations) {
    if (!keep(r.projectCode)) continue;
    count(r.projectCode);
    const key = `${r.workerId}|${r.projectCode}`;
    const known = registrationByPair.get(key);
    if (!known || known.enteredOn < r.enteredOn) registrationByPair.set(key, r);
  }
  const byProject = new Map<string, StoredWorkerFacts[]>();
  for (const [key, days] of daysByPair) {
    const [workerId, projectCode] = key.split('|');
    const reg = registrationByPair.get(key);
    const payments = [...(paymentsByPair.get(key) ?? new Map<string, number>())].map(([on, fen]) => ({ on, fen })).sort((a, b) => a.on.localeCompare(b.on));
    const list = byProject.get(projectCode) ?? byProject.set(projectCode, []).get(projectCode)!;
    list.push({ workerId, daysWorked: days.size, dailyWageFen: reg?.dailyWageFen ?? null, employerUscc: reg?.employerUscc ?? null, payments });
  }
  return [...byProject].map(([projectCode, workers]) => {
    workers.sort((a, b) => a.workerId.localeCompare(b.workerId));
    const n = factCount.get(projectCode) ?? 0;
    return {
      facts: { _id: projectMonthId(month, projectCode), month, projectCode, district: projectCode.slice(5, 11), workers: encodeWorkers(workers), factCount: n },
      settledOn: settledOn(workers),
    };
  });
}

function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[] };
  const errors = err.writeErrors ?? (err.code === 11000 ? [{ code: 11000 }] : []);
  return errors.length > 0 && errors.every((w) => (w.code ?? w.err?.code) === 11000);
}

/**
 * Writes facts documents by `_id`, except where the stored one was computed from more facts (the raw
 * facts are append-only, so more facts is a later view: two ingests racing without transactions keep
 * the later one) or is already the same (a re-ingest writes nothing). The stored counts are read by
 * `_id`, concurrently: each read is one document, not a scan.
 */
async function writeFacts(models: HrssModels, docs: WageProjectMonthDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += OPS_PER_COMMAND) {
    const part = docs.slice(i, i + OPS_PER_COMMAND);
    const stored = await Promise.all(part.map((d) => models.WageProjectMonth.findById(d._id, { _id: 0, factCount: 1, workers: 1 }).lean()));
    const ops = part
      .filter((d, j) => !stored[j] || (stored[j]!.factCount < d.factCount || (stored[j]!.factCount === d.factCount && stored[j]!.workers !== d.workers)))
      .map((d) => ({ updateOne: { filter: { _id: d._id }, update: { $set: d }, upsert: true } }));
    if (ops.length) await models.WageProjectMonth.bulkWrite(ops, { ordered: true });
  }
}

/**
 * Merges entries into a month's index document: read, merge (an entry of fewer facts never replaces
 * one of more), replace if still the version read, else read again. The collection holds one small
 * document per month, so even the versioned filter scans next to nothing.
 */
async function mergeIndex(models: HrssModels, month: string, computed: ComputedProjectMonth[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const doc = await models.WageArrearsIndex.findById(month).lean();
    const entries = decodeIndex(doc?.projects ?? '');
    for (const c of computed) {
      const known = entries.get(c.facts.projectCode);
      if (!known || known.factCount <= c.facts.factCount) entries.set(c.facts.projectCode, { settledOn: c.settledOn, factCount: c.facts.factCount });
    }
    const projects = encodeIndex(entries);
    if (doc && doc.projects === projects) return;
    try {
      if (!doc) {
        await models.WageArrearsIndex.create({ _id: month, projects, version: 1 });
        return;
      }
      const res = await models.WageArrearsIndex.updateOne({ _id: month, version: doc.version }, { $set: { projects, version: doc.version + 1 } });
      if (res.matchedCount === 1) return;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw new Error(`wage arrears index of ${month}: still changing under 20 merges, gave up (npm run rebuild:wage-facts repairs it)`);
}

async function writeComputed(models: HrssModels, month: string, computed: ComputedProjectMonth[]): Promise<void> {
  // Facts first: an index entry never points at facts that are not there yet.
  await writeFacts(models, computed.map((c) => c.facts));
  if (computed.length) await mergeIndex(models, month, computed);
}

export interface WageReadModelState {
  ready: boolean;
  state: 'building' | 'ready' | 'absent';
  format: number | null;
}

export async function readWageModelState(models: HrssModels): Promise<WageReadModelState> {
  const doc = await models.WageReadModelState.findById(STATE_ID).lean();
  if (!doc) return { ready: false, state: 'absent', format: null };
  return { ready: doc.state === 'ready' && doc.format === WAGE_READ_MODEL_FORMAT, state: doc.state, format: doc.format };
}

async function setState(models: HrssModels, state: 'building' | 'ready'): Promise<void> {
  await models.WageReadModelState.updateOne(
    { _id: STATE_ID },
    { $set: { state, format: WAGE_READ_MODEL_FORMAT, at: new Date() } },
    { upsert: true },
  );
}

export interface RefreshReport {
  rebuilt: boolean;
  projectMonths: number;
  seconds: number;
}

/**
 * Recomputes the read model for every project-month of the whole store. While it runs the state is
 * `building` and the finders answer from the reference computation.
 */
export async function rebuildWageFacts(models: HrssModels): Promise<RefreshReport> {
  const started = Date.now();
  await models.WageProjectMonth.init();
  await setState(models, 'building');
  await models.WageArrearsIndex.deleteMany({});
  await models.WageProjectMonth.deleteMany({});
  const months = ((await models.AttendanceBlock.distinct('month')) as string[]).sort();
  let projectMonths = 0;
  const registrations = registrationsOnce(models);
  for (const month of months) {
    const computed = await computeMonth(models, month, null, registrations);
    await writeComputed(models, month, computed);
    projectMonths += computed.length;
  }
  await setState(models, 'ready');
  return { rebuilt: true, projectMonths, seconds: (Date.now() - started) / 1000 };
}

/**
 * Brings the read model up to date after an ingest wrote the raw facts behind `keys`. A store whose read
 * model was never built (or was built in another format) is rebuilt whole: patching part of it would
 * leave the rest missing.
 */
export async function refreshWageFacts(models: HrssModels, keys: WageKeys): Promise<RefreshReport> {
  const started = Date.now();
  const state = await readWageModelState(models);
  if (state.state === 'absent' || (state.format !== null && state.format !== WAGE_READ_MODEL_FORMAT)) return rebuildWageFacts(models);
  const months = new Map([...keys.months].map(([m, codes]) => [m, new Set(codes)]));
  if (keys.projects.size) {
    // A registration changes the daily wage or employer of its project's workers in every month: the
    // months' index documents (one per month) say which months have the project.
    for (const doc of await models.WageArrearsIndex.find({}, { _id: 1, projects: 1 }).lean()) {
      for (const code of decodeIndex(doc.projects).keys()) {
        if (keys.projects.has(code)) (months.get(doc._id) ?? months.set(doc._id, new Set()).get(doc._id)!).add(code);
      }
    }
  }
  let projectMonths = 0;
  const registrations = registrationsOnce(models);
  for (const [month, codes] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const computed = await computeMonth(models, month, [...codes], registrations);
    await writeComputed(models, month, computed);
    projectMonths += computed.length;
  }
  return { rebuilt: false, projectMonths, seconds: (Date.now() - started) / 1000 };
}
