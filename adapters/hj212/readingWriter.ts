/**
 * Writes accepted packets to the `readings` record in batches and settles each one as exactly one of
 * accepted / duplicate in the sink's report (the accounting identity of issue 18):
 * - a new key (mn, dataTime, cn): stored, accepted;
 * - a key already stored with the same content (a re-sent or re-ingested packet): a duplicate;
 * - a key already stored with OTHER content: a conflict. Nothing is dropped: the packet is stored as
 *   a second version (`<key>|<hash>`, `conflictOf` = key) and counted as accepted AND as a conflict;
 *   the first version stays the one in use (the value shown and evaluated), the conflicting values are
 *   shown beside it (Reading.conflicting, FactorReading.conflictingValues). Ingesting the same
 *   conflicting version again is a duplicate.
 * Then the read model (chunks, latest) is fed with what was stored, conflicting versions marked as such.
 *
 * How, without a lookup per re-sent packet (the embedded store scans a collection for anything but a
 * single-_id read): the readings are inserted, then the content version of every packet
 * (`<key>|<hash>`, reading_versions). For a packet whose key was taken, a refused version means the
 * same content is stored: a duplicate. Only a new version for a taken key reads the stored reading:
 * a conflict, or a reading whose version was never recorded (stored before versions existed, or by a
 * run that stopped between the two inserts — it is then fed to the read model again, which heals
 * what that run could not write). A conflicting version is stored right after its version record;
 * an error in between removes the version records of the batch that were not settled, so that the
 * same input ingested again is not taken for a duplicate.
 */
import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import type { IngestSink } from '../common/sink';
import type { FacilityValueDoc, FactorValueDoc, ReadingDoc } from '../../subgraphs/environment/models/reading';
import { createReadingVersionModel, type ReadingVersionDoc } from '../../subgraphs/environment/models/readingVersion';
import type { ReadingDigest } from './digest';
import { DATA_COMMANDS } from './packet';

/** Single-_id lookups in parallel: the embedded store scans the whole collection for an $in. */
const LOOKUPS_IN_PARALLEL = 50;

export function contentHash(values: FactorValueDoc[], facilities: FacilityValueDoc[] | undefined): string {
  return createHash('sha1').update(JSON.stringify([values, facilities ?? []])).digest('hex').slice(0, 16);
}

interface Pending {
  reading: ReadingDoc;
  where: string;
}

type Outcome = 'accepted' | 'duplicate' | 'conflict' | 'conflict-duplicate';

async function insertAll(model: Model<any>, docs: object[]): Promise<Set<number>> {
  const refused = new Set<number>();
  if (!docs.length) return refused;
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
  } catch (e) {
    const err = e as { code?: number; index?: number; writeErrors?: { code?: number; index?: number; err?: { code?: number; index?: number } }[] };
    const errors = err.writeErrors ?? (err.code === 11000 ? [{ code: 11000, index: err.index }] : []);
    if (!errors.length) throw e;
    for (const w of errors) {
      const code = w.code ?? w.err?.code;
      const index = w.index ?? w.err?.index;
      if (code !== 11000 || index === undefined) throw e;
      refused.add(index);
    }
  }
  return refused;
}

/** A batch whose readings are stored and whose version records are being inserted. */
interface Stage {
  batch: Pending[];
  taken: Set<number>;
  versionIds: string[];
  known: Promise<{ refused: Set<number> } | { error: unknown }>;
}

export class ReadingWriter {
  private pending: Pending[] = [];
  private readonly versions: Model<ReadingVersionDoc>;
  /**
   * The previous batch, its version records in flight while the next batch is parsed and its readings
   * inserted (the version insert was ~20 % of an ingest, waited for in full). Per packet the order stays
   * reading, then version, then settling; batches are settled in order, and a batch's versions are
   * inserted only after the previous batch is settled, so a packet repeated in the next batch is told
   * from its first copy exactly as before.
   */
  private inFlight: Stage | null = null;

  constructor(
    private readonly sink: IngestSink,
    private readonly readings: Model<ReadingDoc>,
    private readonly digest: ReadingDigest,
    private readonly batchSize = 500,
  ) {
    this.versions = createReadingVersionModel(readings.db);
  }

  async add(reading: ReadingDoc, where: string): Promise<void> {
    this.pending.push({ reading, where });
    if (this.pending.length >= this.batchSize) await this.write(false);
  }

  /** Writes and settles everything pending; the chunks and latest readings follow (digest.finish() writes them). */
  async flush(): Promise<void> {
    await this.write(true);
  }

  private async write(drain: boolean): Promise<void> {
    const batch = this.pending.splice(0);
    const taken = batch.length ? await insertAll(this.readings, batch.map((p) => p.reading)) : null;
    const previous = this.inFlight;
    this.inFlight = null;
    if (previous) await this.settle(previous);
    if (!taken) return;
    const versionIds = batch.map((p) => `${p.reading._id}|${p.reading.hash}`);
    const known = insertAll(this.versions, versionIds.map((_id) => ({ _id }))).then(
      (refused) => ({ refused }),
      (error: unknown) => ({ error }),
    );
    const stage: Stage = { batch, taken, versionIds, known };
    if (drain) await this.settle(stage);
    else this.inFlight = stage;
  }

  private async settle({ batch, taken, versionIds, known: pendingKnown }: Stage): Promise<void> {
    const result = await pendingKnown;
    if ('error' in result) throw result.error;
    const known = result.refused;
    const outcomes: Outcome[] = batch.map(() => 'accepted');
    /** Packets to feed to the read model as the slot's first version although not new in this run. */
    const heal = new Set<number>();
    const unsettled = [...taken].filter((i) => !known.has(i));
    for (const i of taken) if (known.has(i)) outcomes[i] = 'duplicate';
    if (unsettled.length) {
      try {
        const ids = [...new Set(unsettled.map((i) => batch[i].reading._id))];
        const stored = new Map<string, string>();
        for (let i = 0; i < ids.length; i += LOOKUPS_IN_PARALLEL) {
          const docs = await Promise.all(ids.slice(i, i + LOOKUPS_IN_PARALLEL).map((id) =>
            this.readings.findById(id, { values: 1, facilities: 1, hash: 1 }).lean().exec()));
          for (const d of docs) if (d) stored.set(d._id, d.hash ?? contentHash(d.values, d.facilities));
        }
        const versions: { index: number; doc: ReadingDoc }[] = [];
        for (const i of unsettled) {
          const r = batch[i].reading;
          if (stored.get(r._id) === r.hash) {
            outcomes[i] = 'duplicate';
            heal.add(i);
          } else versions.push({ index: i, doc: { ...r, _id: `${r._id}|${r.hash}`, conflictOf: r._id } });
        }
        const again = await insertAll(this.readings, versions.map((v) => v.doc));
        versions.forEach((v, j) => { outcomes[v.index] = again.has(j) ? 'conflict-duplicate' : 'conflict'; });
      } catch (e) {
        // Not settled: without its version record the same packet is examined again next time.
        await this.versions.deleteMany({ _id: { $in: unsettled.map((i) => versionIds[i]) } }).catch(() => undefined);
        throw e;
      }
    }
    let accepted = 0;
    let duplicates = 0;
    for (let i = 0; i < batch.length; i++) {
      const { reading, where } = batch[i];
      const outcome = outcomes[i];
      if (outcome === 'accepted' || outcome === 'conflict') accepted++;
      else duplicates++;
      if (outcome === 'conflict') {
        this.sink.conflict(where, `${where}: station ${reading.mn}, ${reading.dataTime.toISOString()}, CN ${reading.cn}: values differ from the packet already stored; both kept, the first stays in use`);
      }
      // A duplicate's samples are already in the read model (fed when its content was first stored,
      // in the same run's finally at the latest), and whether it was the slot's first version or a
      // conflicting one is not known without a lookup: it is not fed again.
      if (DATA_COMMANDS[reading.cn] && (outcome === 'accepted' || outcome === 'conflict' || heal.has(i))) {
        await this.digest.add(reading, { conflict: outcome === 'conflict' });
      }
    }
    this.sink.report.accepted += accepted;
    this.sink.countDuplicates(duplicates);
  }
}
