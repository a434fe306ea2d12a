/** `payroll`: the bank's 总包代发 return file (wage transfers from the project wage account), CSV UTF-8/GB18030 → 人社. */
import type { Connection } from 'mongoose';
import { pseudonymSecret } from '../../domain/pseudonym';
import { createHrssModels, ensureHrssIndexes } from '../../subgraphs/hrss/models';
import { refreshWageFacts, WageKeys } from '../../subgraphs/hrss/wageFactsStore';
import type { Adapter, IngestOptions } from '../common/adapter';
import { ingestCsvFacts } from '../common/csvFacts';
import type { IngestSink } from '../common/sink';
import { parsePayrollRow } from './record';

export async function ingestPayrollFile(file: string, sink: IngestSink, conn: Connection, options: IngestOptions = {}): Promise<void> {
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  const secret = pseudonymSecret();
  const touched = new WageKeys();
  // A bank transfer never changes once made: insert keyed by the unique bank serial.
  await ingestCsvFacts(file, sink, options, models.PayLine, (fields) => {
    const parsed = parsePayrollRow(fields, secret);
    if (parsed.doc) touched.add(parsed.doc.month, parsed.doc.projectCode);
    return parsed;
  });
  // A payment, also one made after the pay date, updates its project-month's wage facts at once.
  await sink.flush();
  await refreshWageFacts(models, touched);
}

export const payrollAdapter: Adapter = {
  source: 'payroll',
  department: 'hrss',
  description: "bank 总包代发 return file: wage transfers per worker and month from the project's wage account, CSV UTF-8/GB18030",
  ingestFile: (file, sink, conn, options) => ingestPayrollFile(file, sink, conn, options),
};
