/** `arrears-blacklist`: the published 拖欠农民工工资失信联合惩戒对象名单, CSV UTF-8/GB18030 → 人社. */
import type { Connection } from 'mongoose';
import { createHrssModels } from '../../subgraphs/hrss/models';
import type { Adapter, IngestOptions } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { listingTermYears, parseBlacklistRow } from './record';

export async function ingestBlacklistFile(file: string, sink: IngestSink, conn: Connection, options: IngestOptions = {}): Promise<void> {
  const models = createHrssModels(conn);
  const term = listingTermYears();
  for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
    const where = `${file}:${rec.line}`;
    sink.countRead();
    if (rec.error !== undefined) {
      await sink.rejectRecord(where, rec, `malformed CSV row: ${rec.error}`);
      continue;
    }
    const parsed = parseBlacklistRow(rec.fields, term);
    if (parsed.reason !== undefined) await sink.rejectRecord(where, rec, parsed.reason);
    // An early removal changes an existing entry: upsert by decision number (a few hundred rows at most).
    else await sink.accept(models.BlacklistEntry, { decisionNo: parsed.doc.decisionNo }, { ...parsed.doc });
  }
}

export const arrearsBlacklistAdapter: Adapter = {
  source: 'arrears-blacklist',
  department: 'hrss',
  description: 'arrears blacklist (拖欠农民工工资失信联合惩戒对象名单): listings and early removals, CSV UTF-8/GB18030',
  ingestFile: (file, sink, conn, options) => ingestBlacklistFile(file, sink, conn, options),
};
