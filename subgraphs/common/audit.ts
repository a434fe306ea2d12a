/**
 * The audit trail (数据使用留痕): every read of a department's data by another department, recorded by
 * the owning subgraph before the response leaves. Append-only hash chain: each record carries the
 * hash of the previous one and a sequence number, so an edit, a deletion or an insertion shows up in
 * verify().
 */
import { createHash } from 'node:crypto';
import type { Collection, Model } from 'mongoose';
import { criticalWriteConcern } from '../../lib/store/writeConcern';
import { fromStored, toStored, UnreadableAuditRecord, type StoredAuditRecord } from './auditStorage';

export interface AuditRead {
  type: string;
  keys: string[];
  fields: string[];
  /**
   * Set when the read named more keys than one record holds (AUDIT_MAX_KEYS_PER_READ,
   * AUDIT_MAX_RECORD_BYTES; auditBounds in auditPlugin.ts): the number of keys read, of which `keys`
   * holds the first; and the SHA-256 of the full sorted list (JSON), so the record still proves which.
   */
  keyCount?: number;
  keysSha256?: string;
}

export interface AuditEntry {
  sub: string;
  dept: string;
  purposes: string[];
  operationName: string | null;
  requestId: string;
  reads: AuditRead[];
  at: Date;
  /**
   * The joint case the request declared (header x-xietong-case-id, caseIdHeader.ts): what the caller
   * declared, not checked against the case file. Absent when none was declared.
   */
  caseId?: string;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

interface Head {
  seq: number;
  hash: string;
}

/** The head hint (collection `audit_head`, one document): see AuditTrail.loadHead. */
interface HeadDoc {
  _id: string;
  seq: number;
  hash: string;
}
const HEAD_ID = 'head';
/** Inserts retried after another replica took the sequence number (each re-reads the head). */
const MAX_APPEND_ATTEMPTS = 50;

export { createAuditModel } from './auditStorage';

/**
 * Canonical JSON of the hashed part of a record: fixed key order, dates as ISO strings. The case id
 * (added with issue 19) is one more element only when the record has one, so records written before,
 * and records without a case, hash exactly as they always did; adding, removing or changing a case id
 * in the store breaks the record's hash.
 */
export function canonicalAudit(r: Omit<AuditRecord, 'hash'>): string {
  const fields: unknown[] = [
    r.seq, r.at.toISOString(), r.sub, r.dept, [...r.purposes], r.operationName ?? null, r.requestId,
    // A bounded read (keyCount set) adds its count and list hash; every other read hashes as before.
    r.reads.map((x) => (x.keyCount === undefined ? [x.type, [...x.keys], [...x.fields]] : [x.type, [...x.keys], [...x.fields], x.keyCount, x.keysSha256 ?? null])), r.prevHash,
  ];
  if (r.caseId !== undefined && r.caseId !== null) fields.push(r.caseId);
  return JSON.stringify(fields);
}

export function hashAudit(r: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalAudit(r)).digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Sequence number of the first broken link, and why. */
  brokenAt: number | null;
  reason: string | null;
}

interface PendingAppend {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** A request that may append to the trail; see AuditTrail.expect. Settled once: append or release. */
export interface AuditTicket {
  append(entries: AuditEntry[]): Promise<void>;
  release(): void;
}

export interface AuditTrailOptions {
  /**
   * Commit delay (ms): before a write, wait this long at most for the other requests in flight that
   * expect to append, so that they share the insert. 0 writes at once. Like PostgreSQL's commit_delay
   * with commit_siblings = 1: a lone request never waits. Env AUDIT_COMMIT_DELAY_MS.
   */
  commitDelayMs?: number;
}

export const DEFAULT_COMMIT_DELAY_MS = 3;

export function commitDelayFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_COMMIT_DELAY_MS;
  if (raw === undefined || raw === '') return DEFAULT_COMMIT_DELAY_MS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1000) throw new Error(`AUDIT_COMMIT_DELAY_MS must be a number of milliseconds from 0 to 1000, got "${raw}"`);
  return n;
}

export class AuditTrail {
  private readonly queue: PendingAppend[] = [];
  private writing = false;
  private head: { seq: number; hash: string } | null = null;
  /** Requests in flight that may still append (tickets not yet settled). */
  private expected = 0;
  private wakeWriter: (() => void) | null = null;
  private readonly commitDelayMs: number;
  /**
   * Counters since start: appends received, inserts made, records written; `appendMs`: the time
   * appends waited, from the call until stored (their sum; divide by `appends` for the mean);
   * `delayMs`: the time writes spent in the commit delay; `insertMs`: the time from the end of the
   * delay until stored (records built and hashed, then the insert's round trip, nearly all of it)
   * (sums over successful writes; divide by `inserts`).
   */
  readonly stats = { appends: 0, inserts: 0, records: 0, appendMs: 0, delayMs: 0, insertMs: 0 };

  constructor(readonly model: Model<StoredAuditRecord>, options: AuditTrailOptions = {}) {
    this.commitDelayMs = options.commitDelayMs ?? 0;
  }

  /** Tickets taken and not yet settled (requests that may still append). */
  get outstanding(): number {
    return this.expected;
  }

  /**
   * Announces a request that may append (a read by another department is being answered). Until the
   * ticket is settled, a write about to start waits (at most the commit delay) for its entries.
   */
  expect(): AuditTicket {
    this.expected++;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      this.expected--;
      // The writer resumes in a later microtask: entries appended right after this are in its batch.
      if (this.expected === 0) this.wakeWriter?.();
    };
    return {
      append: (entries) => {
        settle();
        return this.append(entries);
      },
      release: settle,
    };
  }

  /**
   * Appends entries in order and resolves once they are stored. One write is in flight at a time, so
   * the chain never forks; the entries of requests that arrive meanwhile go together in the next write
   * (group commit: under load, one insert serves many requests).
   */
  append(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return Promise.resolve();
    this.stats.appends++;
    const t0 = performance.now();
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        this.stats.appendMs += performance.now() - t0;
        resolve();
      };
      this.queue.push({ entries, resolve: done, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Waits until no ticket is outstanding, or the commit delay has passed. */
  private waitForExpected(): Promise<void> {
    if (this.expected === 0 || this.commitDelayMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWriter = null;
        resolve();
      };
      const timer = setTimeout(done, this.commitDelayMs);
      this.wakeWriter = done;
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const t0 = performance.now();
        await this.waitForExpected();
        const t1 = performance.now();
        const batch = this.queue.splice(0);
        const entries = batch.flatMap((p) => p.entries);
        try {
          await this.appendNow(entries);
          this.stats.delayMs += t1 - t0;
          this.stats.insertMs += performance.now() - t1;
          this.stats.inserts++;
          this.stats.records += entries.length;
          for (const p of batch) p.resolve();
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
        // After the requests are answered: the hint costs the next write a round trip, not this one.
        const due = this.hintDue;
        this.hintDue = null;
        if (due) await this.saveHeadHint(due).catch(() => undefined);
      }
    } finally {
      this.writing = false;
    }
  }

  private indexesReady: Promise<unknown> | null = null;

  /**
   * The unique index on seq is what keeps two replicas from forking the chain: it must exist before the
   * first insert (mongoose builds it in the background otherwise).
   */
  private ensureIndexes(): Promise<unknown> {
    this.indexesReady ??= this.model.init().catch((e) => {
      this.indexesReady = null;
      throw e;
    });
    return this.indexesReady;
  }

  private headCollection(): Collection<HeadDoc> {
    return this.model.db.collection<HeadDoc>('audit_head');
  }

  /** The last record by a sorted query: on the embedded store a sort of the whole collection, so only as a fallback. */
  private async scanHead(): Promise<Head> {
    const last = await this.model.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS };
  }

  /**
   * Follows the chain from `start` by point lookups while records follow it: on `_id` (= seq since
   * issue 22, auditStorage.ts), as text: the one lookup the embedded store answers without a scan.
   */
  private async headFrom(start: Head): Promise<Head> {
    let head = start;
    for (let i = 0; i < 64; i++) {
      const next = await this.model.collection.findOne({ _id: String(head.seq + 1) } as never, { projection: { seq: 1, hash: 1 } });
      if (!next) return head;
      head = { seq: next.seq, hash: next.hash };
    }
    return this.scanHead();
  }

  /**
   * The head, cheaply: the `audit_head` hint (updated after each insert by whichever replica made it,
   * only ever forward), then point lookups for records written after it (a replica that has not updated
   * the hint yet, or crashed before it did). A hint beyond the last record (the tail deleted in the
   * store) is kept: the next record then follows the hint, and the gap shows in verify().
   */
  private async loadHead(): Promise<Head> {
    const hint = await this.headCollection().findOne({ _id: HEAD_ID });
    return hint ? this.headFrom({ seq: hint.seq, hash: hint.hash }) : this.scanHead();
  }

  /** Moves the hint forward (never back: the filter fails, and the upsert's duplicate _id is ignored). */
  private async saveHeadHint(head: Head): Promise<void> {
    const wc = criticalWriteConcern();
    try {
      await this.headCollection().updateOne(
        { _id: HEAD_ID, seq: { $lt: head.seq } },
        { $set: { seq: head.seq, hash: head.hash } },
        { upsert: true, ...(wc ? { writeConcern: wc } : {}) },
      );
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e;
    }
  }

  /** The trail's head as stored (for anchoring): seq 0 when the trail is empty. */
  async currentHead(): Promise<Head> {
    return this.loadHead();
  }

  /** The hint's head (null when none was written yet). */
  async headHint(): Promise<Head | null> {
    const hint = await this.headCollection().findOne({ _id: HEAD_ID });
    return hint ? { seq: hint.seq, hash: hint.hash } : null;
  }

  private async appendNow(entries: AuditEntry[]): Promise<void> {
    await this.ensureIndexes();
    let rest = entries;
    let collided: { seq: number; error: Error } | null = null;
    for (let attempt = 0; rest.length; attempt++) {
      const head = this.head ?? (await this.loadHead());
      // A duplicate that was not another replica's record at that seq (a unique index of the
      // deployment's own, say): retrying would collide again.
      if (collided && head.seq < collided.seq) throw collided.error;
      const docs: AuditRecord[] = [];
      let prev = head;
      for (const e of rest) {
        const base = { ...e, seq: prev.seq + 1, prevHash: prev.hash };
        const rec = { ...base, hash: hashAudit(base) };
        docs.push(rec);
        prev = { seq: rec.seq, hash: rec.hash };
      }
      // The plain `insert` command: the records are built and typed here, so mongoose's casting and
      // the driver's bulk-write machinery would only cost time (they doubled the cost of an append).
      const reply = await this.insertCommand(docs.map(toStored));
      const stored = reply.n ?? 0;
      if (!reply.writeErrors?.length) {
        this.head = prev;
        this.hintDue = prev;
        return;
      }
      // Ordered: the first `stored` records are in; the rest failed at the first error.
      this.head = stored ? { seq: docs[stored - 1].seq, hash: docs[stored - 1].hash } : null;
      rest = rest.slice(stored);
      const error = reply.writeErrors[0];
      if (stored) this.hintDue = this.head;
      // Another replica appended meanwhile (unique seq): re-read the head and retry the rest, after a
      // short random pause so that two replicas racing for every seq do not keep colliding.
      const failure = Object.assign(new Error(`audit trail insert failed: ${error.errmsg ?? `code ${error.code}`}`), { code: error.code });
      if (error.code !== 11000 || attempt >= MAX_APPEND_ATTEMPTS) throw failure;
      collided = { seq: docs[stored].seq, error: failure };
      this.head = null;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(20, 1 + attempt * 2)));
    }
  }

  /** A head stored by this process and not yet in the hint. */
  private hintDue: Head | null = null;

  private async insertCommand(docs: StoredAuditRecord[]): Promise<{ n?: number; writeErrors?: { code: number; errmsg?: string }[] }> {
    const db = this.model.db.db;
    if (!db) throw new Error('audit trail: the database connection is not open');
    const wc = criticalWriteConcern();
    return (await db.command({ insert: this.model.collection.collectionName, documents: docs, ordered: true, ...(wc ? { writeConcern: wc } : {}) })) as {
      n?: number;
      writeErrors?: { code: number; errmsg?: string }[];
    };
  }

  /** Records as appended (reads parsed), newest first; `filter` is a store query on the stored form. */
  async records(filter: Record<string, unknown> = {}, limit = 0): Promise<AuditRecord[]> {
    const docs = await this.model.find(filter).sort({ seq: -1 }).limit(limit).lean<StoredAuditRecord[]>();
    return docs.map(fromStored);
  }

  async verify(): Promise<AuditVerification> {
    return (await this.verifyChain()).verification;
  }

  /**
   * Checks the chain; also returns the stored hashes at the sequence numbers in `want` (the heads other
   * departments witnessed, auditAnchorCheck.ts) and the last seq of the unbroken chain.
   */
  async verifyChain(want: ReadonlySet<number> = new Set()): Promise<{ verification: AuditVerification; hashes: Map<number, string>; end: number }> {
    const hashes = new Map<number, string>();
    const verification = await this.walk(want, hashes);
    return { verification, hashes, end: verification.ok ? verification.checked : (verification.brokenAt ?? 1) - 1 };
  }

  private async walk(want: ReadonlySet<number>, hashes: Map<number, string>): Promise<AuditVerification> {
    let expected = { seq: 0, hash: GENESIS };
    let checked = 0;
    const cursor = this.model.find({}).sort({ seq: 1 }).lean().cursor();
    for await (const raw of cursor) {
      const stored = raw as StoredAuditRecord;
      const fail = (reason: string): AuditVerification => ({ ok: false, checked, brokenAt: stored.seq, reason });
      if (stored.seq !== expected.seq + 1) {
        return fail(stored.seq <= expected.seq
          ? `record ${stored.seq} repeats a sequence number (inserted record)`
          : `records ${expected.seq + 1}–${stored.seq - 1} are missing (deleted)`);
      }
      if (stored.prevHash !== expected.hash) return fail(`record ${stored.seq} does not point to the hash of record ${expected.seq}`);
      let r: AuditRecord;
      try {
        r = fromStored(stored);
      } catch (e) {
        if (e instanceof UnreadableAuditRecord) return fail(`record ${stored.seq} was altered (${e.message.replace(/^record \d+: /, '')})`);
        throw e;
      }
      const { hash, ...rest } = r;
      if (hashAudit(rest) !== hash) return fail(`record ${r.seq} was altered (hash mismatch)`);
      if (want.has(r.seq)) hashes.set(r.seq, hash);
      expected = { seq: r.seq, hash };
      checked++;
    }
    // This process appended, or the hint says some replica appended, further records than are left:
    // the newest ones were deleted.
    const hint = await this.headHint();
    const known = Math.max(this.head?.seq ?? 0, hint?.seq ?? 0);
    if (known > expected.seq) {
      return { ok: false, checked, brokenAt: expected.seq + 1, reason: `records ${expected.seq + 1}–${known} are missing (deleted at the end)` };
    }
    return { ok: true, checked, brokenAt: null, reason: null };
  }
}
