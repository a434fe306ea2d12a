/**
 * Working with a department's quarantine (issue 18): list what was rejected and why, and retry it
 * through the current adapters after a parser, mapping or configuration change. A retry writes the
 * quarantined records back into a file of their source's format (a CSV row under the header it came
 * with; JSON records as an array; other records one per line), ingests that file like any other, and
 * removes from quarantine the records that now pass. One that fails again is rejected again by the
 * sink: same `_id` (source + raw), its `lastSeenAt` moved to now and its reason to the new one, so
 * "still in quarantine" is "seen again since the retry started".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Department } from '../../lib/config';
import { ingestFile } from '../ingest';
import { allAdapters } from '../registry';
import type { Adapter } from './adapter';
import { createQuarantineModel, type QuarantinedRecord } from './quarantine';

export interface QuarantineFilter {
  source?: string;
  since?: Date;
}

export interface RetryCounts {
  /** Records written back and ingested again. */
  retried: number;
  /** Of those, the records that now pass (accepted, or already stored): removed from quarantine. */
  passed: number;
  /** Of those, the records rejected again (kept, with the new reason). */
  stillRejected: number;
  /** Records that cannot be retried: kept truncated (over the size limit), or of a source with no adapter. */
  skipped: number;
  bySource: Record<string, { retried: number; passed: number; stillRejected: number; skipped: number }>;
}

/** Records retried per file: bounds memory and the size of one `$in`. */
const RETRY_BATCH = 500;

export function quarantineQuery(filter: QuarantineFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (filter.source) q.source = filter.source;
  if (filter.since) q.lastSeenAt = { $gte: filter.since };
  return q;
}

/** The quarantined records of a department, newest first, streamed. */
export async function* listQuarantine(conn: Connection, filter: QuarantineFilter): AsyncGenerator<QuarantinedRecord> {
  const cursor = createQuarantineModel(conn).find(quarantineQuery(filter)).sort({ lastSeenAt: -1, _id: 1 }).lean<QuarantinedRecord>().cursor();
  for await (const doc of cursor) yield doc as QuarantinedRecord;
}

function rawBytes(r: QuarantinedRecord): Buffer {
  return r.rawEncoding === 'base64' ? Buffer.from(r.raw, 'base64') : Buffer.from(r.raw, 'utf8');
}

/** A file of the adapter's format holding the records (all of one source and one header). */
function writeRetryFile(dir: string, n: number, adapter: Adapter, header: string | undefined, records: QuarantinedRecord[]): string {
  const lines = records.map(rawBytes);
  if (header !== undefined) {
    const file = path.join(dir, `${adapter.source}-${n}.csv`);
    fs.writeFileSync(file, Buffer.concat([Buffer.from(header + '\n'), ...lines.flatMap((l) => [l, Buffer.from('\n')])]));
    return file;
  }
  if (adapter.retryFormat === 'json') {
    const file = path.join(dir, `${adapter.source}-${n}.json`);
    const parts = lines.flatMap((l, i) => (i ? [Buffer.from(',\n'), l] : [l]));
    fs.writeFileSync(file, Buffer.concat([Buffer.from('[\n'), ...parts, Buffer.from('\n]\n')]));
    return file;
  }
  const file = path.join(dir, `${adapter.source}-${n}.txt`);
  fs.writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\r\n')])));
  return file;
}

/** Retries the department's quarantined records (of one source, since a time) through the current adapters. */
export async function retryQuarantine(conn: Connection, department: Department, filter: QuarantineFilter): Promise<RetryCounts> {
  const model = createQuarantineModel(conn);
  const adapters = new Map(allAdapters().filter((a) => a.department === department).map((a) => [a.source, a]));
  const counts: RetryCounts = { retried: 0, passed: 0, stillRejected: 0, skipped: 0, bySource: {} };
  const bySource = (s: string) => (counts.bySource[s] ??= { retried: 0, passed: 0, stillRejected: 0, skipped: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-retry-'));
  // Records seen again from now on failed again; those not seen again passed.
  const started = new Date();
  let files = 0;
  const groups = new Map<string, { adapter: Adapter; header?: string; records: QuarantinedRecord[] }>();

  const retry = async (key: string) => {
    const g = groups.get(key)!;
    groups.delete(key);
    const file = writeRetryFile(dir, ++files, g.adapter, g.header, g.records);
    try {
      await ingestFile(g.adapter, file, conn);
    } finally {
      fs.rmSync(file, { force: true });
    }
    const ids = g.records.map((r) => r._id);
    const { deletedCount } = await model.deleteMany({ _id: { $in: ids }, lastSeenAt: { $lt: started } });
    const s = bySource(g.adapter.source);
    s.retried += ids.length;
    s.passed += deletedCount;
    s.stillRejected += ids.length - deletedCount;
  };

  try {
    // Only records quarantined before the retry began: those it rejects again are not retried twice.
    const query = { ...quarantineQuery(filter), lastSeenAt: { ...((quarantineQuery(filter).lastSeenAt as object) ?? {}), $lt: started } };
    for await (const r of model.find(query).sort({ _id: 1 }).lean<QuarantinedRecord>().cursor()) {
      const rec = r as QuarantinedRecord;
      const adapter = adapters.get(rec.source);
      const whole = !rec.truncated || rec.truncated.length === rawBytes(rec).length;
      if (!adapter || !whole) {
        bySource(rec.source).skipped++;
        continue;
      }
      const key = `${rec.source}\0${rec.header ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { adapter, header: rec.header, records: [] }));
      g.records.push(rec);
      if (g.records.length >= RETRY_BATCH) await retry(key);
    }
    for (const key of [...groups.keys()]) await retry(key);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const s of Object.values(counts.bySource)) {
    counts.retried += s.retried;
    counts.passed += s.passed;
    counts.stillRejected += s.stillRejected;
    counts.skipped += s.skipped;
  }
  return counts;
}
