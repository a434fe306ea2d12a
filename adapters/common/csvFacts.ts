/**
 * The loop of a CSV adapter whose rows are append-only facts: each row is parsed into a document or
 * a reason; malformed rows and rejected rows go to quarantine with file:line, documents are inserted
 * (idempotent through the model's unique key).
 */
import type { Model } from 'mongoose';
import type { IngestOptions } from './adapter';
import { readCsvRecords } from './records';
import type { IngestSink } from './sink';

export type RowResult<T extends object> = { doc: T; reason?: undefined } | { reason: string; doc?: undefined };

export async function ingestCsvFacts<T extends object>(
  file: string,
  sink: IngestSink,
  options: IngestOptions,
  model: Model<any>,
  parse: (fields: Record<string, string>) => RowResult<T>,
): Promise<void> {
  for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
    const where = `${file}:${rec.line}`;
    sink.countRead();
    if (rec.error !== undefined) {
      await sink.rejectRecord(where, rec, `malformed CSV row: ${rec.error}`);
      continue;
    }
    const parsed = parse(rec.fields);
    if (parsed.reason !== undefined) await sink.rejectRecord(where, rec, parsed.reason);
    else await sink.acceptNew(model, { ...parsed.doc } as Record<string, unknown>);
  }
}
