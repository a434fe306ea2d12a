/**
 * A department's witness records (collection `witnesses` in the department's OWN database): heads of
 * hash chains kept by another service (a joint case's chain, another subgraph's audit trail head), recorded
 * so that the other service's database administrator cannot rewrite or truncate that chain unseen.
 *
 * Append-only: records are inserted, never updated or deleted by this code. Idempotent per
 * (subject, seq, hash) — a unique index; a repeated call returns the first record. A second, different
 * hash for the same (subject, seq) is stored too and both are reported as a conflict: that disagreement
 * is itself the evidence of a rewrite, so it must not be refused or overwritten.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { criticalWriteConcern } from '../../../lib/store/writeConcern';

export interface StoredWitness {
  subject: string;
  seq: number;
  hash: string;
  /** When this department first recorded this head. */
  at: Date;
  /** Who asked (token `sub` and department), kept for the department's own inquiries. */
  sub: string;
  dept: string;
}

export interface WitnessRecord {
  subject: string;
  seq: number;
  hash: string;
  at: string;
  recorderDept: string;
  /** Another hash was recorded for the same subject and seq. */
  conflict: boolean;
}

const witnessSchema = new Schema<StoredWitness>(
  {
    subject: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
    at: { type: Date, required: true },
    sub: { type: String, required: true },
    dept: { type: String, required: true },
  },
  { collection: 'witnesses', versionKey: false },
);
witnessSchema.index({ subject: 1, seq: 1, hash: 1 }, { unique: true });

export function createWitnessModel(conn: Connection): Model<StoredWitness> {
  return conn.models.Witness ?? conn.model<StoredWitness>('Witness', witnessSchema);
}

function toRecords(docs: StoredWitness[]): WitnessRecord[] {
  const hashesAt = new Map<number, Set<string>>();
  for (const d of docs) (hashesAt.get(d.seq) ?? hashesAt.set(d.seq, new Set()).get(d.seq)!).add(d.hash);
  return docs.map((d) => ({
    subject: d.subject,
    seq: d.seq,
    hash: d.hash,
    at: new Date(d.at).toISOString(),
    recorderDept: d.dept,
    conflict: hashesAt.get(d.seq)!.size > 1,
  }));
}

export class WitnessStore {
  private ready: Promise<unknown> | null = null;

  constructor(readonly model: Model<StoredWitness>) {}

  /** The unique index must exist before the first insert, or a retried call could store twice. */
  private indexes(): Promise<unknown> {
    this.ready ??= this.model.init().catch((e) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  /** Records a head (once); returns its record with every record of the same seq considered. */
  async record(head: { subject: string; seq: number; hash: string }, by: { sub: string; dept: string }): Promise<WitnessRecord> {
    await this.indexes();
    try {
      const wc = criticalWriteConcern();
      await this.model.collection.insertOne({ ...head, at: new Date(), sub: by.sub, dept: by.dept }, wc ? { writeConcern: wc } : {});
    } catch (e) {
      // Already recorded: the first record stands (its time, its recorder).
      if ((e as { code?: number }).code !== 11000) throw e;
    }
    const same = await this.model.find({ subject: head.subject, seq: head.seq }).lean<StoredWitness[]>();
    const mine = toRecords(same).find((r) => r.hash === head.hash);
    if (!mine) throw new Error(`witness of ${head.subject} link ${head.seq} was not stored`);
    return mine;
  }

  /** Every head recorded for a subject, by seq then time. */
  async list(subject: string): Promise<WitnessRecord[]> {
    const docs = await this.model.find({ subject }).sort({ seq: 1, at: 1 }).lean<StoredWitness[]>();
    return toRecords(docs);
  }
}
