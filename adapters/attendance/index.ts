/** `attendance`: the real-name system's daily attendance export (考勤记录), CSV in UTF-8 or GB18030 → 人社. */
import type { Connection } from 'mongoose';
import { pseudonymSecret } from '../../domain/pseudonym';
import { createHrssModels, ensureHrssIndexes } from '../../subgraphs/hrss/models';
import { refreshWageFacts, WageKeys } from '../../subgraphs/hrss/wageFactsStore';
import type { Adapter, IngestOptions } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { AttendanceBlocks, type BlockWithRows } from './blocks';
import { parseAttendanceRow } from './record';

export async function ingestAttendanceFile(
  file: string, sink: IngestSink, conn: Connection, options: IngestOptions & { maxOpenBlocks?: number } = {},
): Promise<void> {
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  const secret = pseudonymSecret();
  const blocks = new AttendanceBlocks(options.maxOpenBlocks);
  const touched = new WageKeys();
  const write = async (out: BlockWithRows[]) => {
    // Blocks are append-only facts with a unique natural key: a plain insert is idempotent. A block
    // settles the rows it was made of: all accepted when it is new, all duplicates when it was stored.
    for (const { doc, rows } of out) {
      touched.add(doc.month, doc.projectCode);
      await sink.acceptNew(models.AttendanceBlock, { ...doc }, { records: rows });
    }
  };
  for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
    const where = `${file}:${rec.line}`;
    sink.countRead();
    if (rec.error !== undefined) {
      await sink.rejectRecord(where, rec, `malformed CSV row: ${rec.error}`);
      continue;
    }
    const parsed = parseAttendanceRow(rec.fields, secret);
    if (parsed.reason !== undefined) await sink.rejectRecord(where, rec, parsed.reason);
    else await write(blocks.addRow(parsed.doc));
  }
  await write(blocks.drainRows());
  // The wage read model is recomputed from what is stored, so the blocks must be written first.
  await sink.flush();
  await refreshWageFacts(models, touched);
}

export const attendanceAdapter: Adapter = {
  source: 'attendance',
  department: 'hrss',
  description: 'daily attendance from the real-name system (考勤记录), stored as worker-month blocks, CSV UTF-8/GB18030',
  ingestFile: (file, sink, conn, options) => ingestAttendanceFile(file, sink, conn, options),
};
