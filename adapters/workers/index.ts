/** `workers`: the real-name roster (实名制花名册) of the general contractor, CSV in UTF-8 or GB18030 → 人社. */
import type { Connection } from 'mongoose';
import { pseudonymSecret } from '../../domain/pseudonym';
import { createHrssModels, ensureHrssIndexes } from '../../subgraphs/hrss/models';
import type { Adapter, IngestOptions } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { parseRosterRow } from './record';

export async function ingestRosterFile(file: string, sink: IngestSink, conn: Connection, options: IngestOptions = {}): Promise<void> {
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  const secret = pseudonymSecret();
  for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
    const where = `${file}:${rec.line}`;
    if (rec.error !== undefined) {
      await sink.reject(where, rec.raw, `malformed CSV row: ${rec.error}`);
      continue;
    }
    const parsed = parseRosterRow(rec.fields, secret);
    if (parsed.reason !== undefined) await sink.reject(where, rec.raw, parsed.reason);
    // A registration is an append-only fact (worker, project, entry date): a plain insert is idempotent.
    else await sink.acceptNew(models.Registration, { ...parsed.doc });
  }
}

export const workersAdapter: Adapter = {
  source: 'workers',
  department: 'hrss',
  description: 'real-name worker roster (实名制花名册): registrations with employer, trade, daily wage and wage card, CSV UTF-8/GB18030',
  ingestFile: (file, sink, conn, options) => ingestRosterFile(file, sink, conn, options),
};
