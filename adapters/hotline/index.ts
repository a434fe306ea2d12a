/**
 * `hotline`: 12345 work orders exported by the city's hotline system, as CSV (UTF-8 or GB18030,
 * Chinese headers) or JSON (array, envelope or JSON Lines), chosen by the file extension. Each order
 * is validated and upserted by its order number, so ingesting the same file twice changes nothing;
 * a later export of the same order (new status, reply) updates it.
 */
import path from 'node:path';
import type { Adapter } from '../common/adapter';
import { readCsvRecords, readJsonRecords } from '../common/records';
import { createComplaintModel } from '../../subgraphs/citymgmt/models/complaint';
import { parseWorkOrder } from './workOrder';

type RawRecord = { where: string; raw: string; value?: unknown; error?: string; header?: string; rawEncoding?: 'base64'; truncated?: { length: number; unit: 'bytes' | 'chars'; sha256: string } };

async function* recordsOf(file: string, encoding: 'utf8' | 'gb18030' | undefined): AsyncGenerator<RawRecord> {
  const name = path.basename(file);
  if (/\.csv$/i.test(file)) {
    for await (const r of readCsvRecords(file, { encoding })) {
      yield { where: `${name}:${r.line}`, raw: r.raw, value: r.fields, error: r.error, header: r.header, rawEncoding: r.rawEncoding, truncated: r.truncated };
    }
    return;
  }
  for await (const r of readJsonRecords(file)) {
    yield { where: `${name}:${r.line} (record ${r.index})`, raw: r.raw, value: r.value, error: r.error === undefined ? undefined : `not valid JSON: ${r.error}`, rawEncoding: r.rawEncoding, truncated: r.truncated };
  }
}

export const hotlineAdapter: Adapter = {
  source: 'hotline',
  department: 'citymgmt',
  retryFormat: 'json',
  description: '12345 hotline work orders: CSV (Chinese headers, UTF-8/GB18030) or JSON (城管)',
  async ingestFile(file, sink, conn, options) {
    if (!/\.(csv|json|jsonl|ndjson)$/i.test(file)) throw new Error(`${file}: hotline files are .csv, .json, .jsonl or .ndjson`);
    const Complaint = createComplaintModel(conn);
    await Complaint.init();
    for await (const record of recordsOf(file, options.encoding)) {
      sink.countRead();
      if (record.error !== undefined) {
        await sink.rejectRecord(record.where, record, record.error);
        continue;
      }
      const parsed = parseWorkOrder(record.value);
      if ('reason' in parsed) await sink.rejectRecord(record.where, record, parsed.reason);
      else await sink.accept(Complaint, { orderNo: parsed.doc.orderNo }, { ...parsed.doc });
    }
  },
};
