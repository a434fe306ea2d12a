/**
 * `enforcement`: the 综合执法 system's JSON export of violations and enforcement cases (one array of
 * records, each `"kind": "violation"` or `"kind": "case"`; top-level array, `records` envelope or
 * JSON Lines). Upserted by violation number / case number: a later export moves a case forward.
 */
import path from 'node:path';
import type { Adapter } from '../common/adapter';
import { readJsonRecords } from '../common/records';
import { createEnforcementCaseModel } from '../../subgraphs/citymgmt/models/enforcementCase';
import { createViolationModel } from '../../subgraphs/citymgmt/models/violation';
import { parseEnforcementRecord } from './enforcementRecord';

export const enforcementAdapter: Adapter = {
  source: 'enforcement',
  department: 'citymgmt',
  retryFormat: 'json',
  description: 'violations and enforcement cases (立案→结案, 首违不罚): JSON export of the 综合执法 system (城管)',
  async ingestFile(file, sink, conn) {
    if (!/\.(json|jsonl|ndjson)$/i.test(file)) throw new Error(`${file}: enforcement files are .json, .jsonl or .ndjson`);
    const Violation = createViolationModel(conn);
    const EnforcementCase = createEnforcementCaseModel(conn);
    await Promise.all([Violation.init(), EnforcementCase.init()]);
    const name = path.basename(file);
    for await (const record of readJsonRecords(file)) {
      const where = `${name}:${record.line} (record ${record.index})`;
      sink.countRead();
      if (record.error !== undefined) {
        await sink.rejectRecord(where, record, `not valid JSON: ${record.error}`);
        continue;
      }
      const parsed = parseEnforcementRecord(record.value);
      if ('reason' in parsed) await sink.rejectRecord(where, record, parsed.reason);
      else if (parsed.kind === 'violation') await sink.accept(Violation, { violationNo: parsed.doc.violationNo }, { ...parsed.doc });
      else await sink.accept(EnforcementCase, { caseNo: parsed.doc.caseNo }, { ...parsed.doc });
    }
  },
};
