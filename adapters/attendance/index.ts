/** `attendance`: the real-name system's daily attendance export (考勤记录), CSV in UTF-8 or GB18030 → 人社. */
import type { Connection } from 'mongoose';
import { pseudonymSecret } from '../../domain/pseudonym';
import { createHrssModels, ensureHrssIndexes } from '../../subgraphs/hrss/models';
import type { AttendanceBlockDoc } from '../../subgraphs/hrss/models/attendance';
import { refreshWageFacts, WageKeys } from '../../subgraphs/hrss/wageFactsStore';
import type { Adapter, IngestOptions } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { AttendanceBlocks } from './blocks';
import { parseAttendanceRow } from './record';

export async function ingestAttendanceFile(
  file: string, sink: IngestSink, conn: Connection, options: IngestOptions & { maxOpenBlocks?: number } = {},
): Promise<void> {
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  const secret = pseudonymSecret();
  const blocks = new AttendanceBlocks(options.maxOpenBlocks);
  const touched = new WageKeys();
  const write = async (docs: AttendanceBlockDoc[]) => {
    // Blocks are append-only facts with a unique natural key: a plain insert is idempotent.
    for (const d of docs) {
      touched.add(d.month, d.projectCode);
      await sink.acceptNew(models.AttendanceBlock, { ...d });
    }
  };
  for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
    const where = `${file}:${rec.line}`;
    if (rec.error !== undefined) {
      await sink.reject(where, rec.raw, `malformed CSV row: ${rec.error}`);
      continue;
    }
    const parsed = parseAttendanceRow(rec.fields, secret);
    if (parsed.reason !== undefined) await sink.reject(where, rec.raw, parsed.reason);
    else await write(blocks.add(parsed.doc));
  }
  await write(blocks.drain());
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
