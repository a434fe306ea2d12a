/** `workers`: the real-name roster (实名制花名册) of the general contractor, CSV in UTF-8 or GB18030 → 人社. */
import type { Connection } from 'mongoose';
import { pseudonymSecret } from '../../domain/pseudonym';
import { createHrssModels, ensureHrssIndexes } from '../../subgraphs/hrss/models';
import { refreshWageFacts, WageKeys } from '../../subgraphs/hrss/wageFactsStore';
import type { Adapter, IngestOptions } from '../common/adapter';
import { ingestCsvFacts } from '../common/csvFacts';
import type { IngestSink } from '../common/sink';
import { parseRosterRow } from './record';

export async function ingestRosterFile(file: string, sink: IngestSink, conn: Connection, options: IngestOptions = {}): Promise<void> {
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  const secret = pseudonymSecret();
  const touched = new WageKeys();
  // A registration is an append-only fact (worker, project, entry date): a plain insert is idempotent.
  await ingestCsvFacts(file, sink, options, models.Registration, (fields) => {
    const parsed = parseRosterRow(fields, secret);
    if (parsed.doc) touched.addProject(parsed.doc.projectCode);
    return parsed;
  });
  // A registration sets the daily wage and employer the wage facts of its project use, in every month.
  await sink.flush();
  await refreshWageFacts(models, touched);
}

export const workersAdapter: Adapter = {
  source: 'workers',
  department: 'hrss',
  description: 'real-name worker roster (实名制花名册): registrations with employer, trade, daily wage and wage card, CSV UTF-8/GB18030',
  ingestFile: (file, sink, conn, options) => ingestRosterFile(file, sink, conn, options),
};
