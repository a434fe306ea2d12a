/**
 * `planning-permits`: 建设用地规划许可证 and 建设工程规划许可证 exported by 自然资源, as CSV (a header
 * row; UTF-8 or GB18030) or JSON (an array, an export envelope, or JSON Lines) — chosen by the file
 * extension. Each record is validated and upserted by its certificate number.
 */
import path from 'node:path';
import type { Adapter } from '../common/adapter';
import type { IngestSink } from '../common/sink';
import { readCsvRecords, readJsonRecords } from '../common/records';
import { createPlanningPermitModel } from '../../subgraphs/resources/models/planningPermit';
import { permitFromRecord } from './permitRecord';

type RawRecord = { where: string; raw: string; value?: unknown; error?: string; header?: string; rawEncoding?: 'base64'; truncated?: { length: number; unit: 'bytes' | 'chars'; sha256: string } };

async function* recordsOf(file: string, encoding: 'utf8' | 'gb18030' | undefined): AsyncGenerator<RawRecord> {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    for await (const r of readCsvRecords(file, { encoding })) {
      yield { where: `${name}:${r.line}`, raw: r.raw, value: r.fields, error: r.error, header: r.header, rawEncoding: r.rawEncoding, truncated: r.truncated };
    }
  } else if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') {
    for await (const r of readJsonRecords(file)) {
      yield { where: `${name}:${r.line} (record ${r.index})`, raw: r.raw, value: r.value, error: r.error === undefined ? undefined : `not valid JSON: ${r.error}`, rawEncoding: r.rawEncoding, truncated: r.truncated };
    }
  } else {
    throw new Error(`planning-permits: cannot tell the format of ${name} (expected .csv, .json, .jsonl or .ndjson)`);
  }
}

export const planningPermitsAdapter: Adapter = {
  source: 'planning-permits',
  department: 'resources',
  retryFormat: 'json',
  description: '建设用地规划许可证 / 建设工程规划许可证: CSV (UTF-8 or GB18030) or JSON (自然资源)',
  async ingestFile(file, sink: IngestSink, conn, options) {
    const PlanningPermit = createPlanningPermitModel(conn);
    await PlanningPermit.init();
    for await (const record of recordsOf(file, options.encoding)) {
      sink.countRead();
      if (record.error !== undefined) {
        await sink.rejectRecord(record.where, record, record.error);
        continue;
      }
      const parsed = permitFromRecord(record.value);
      if ('reason' in parsed) await sink.rejectRecord(record.where, record, parsed.reason);
      else {
        const { _id, ...doc } = parsed.doc;
        await sink.accept(PlanningPermit, { _id }, doc);
      }
    }
  },
};
