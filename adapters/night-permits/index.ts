/** `night-permits` source: night-work permits (夜间施工许可, CSV), upserted by permit number. */
import type { Adapter } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import { createNightPermitModel } from '../../subgraphs/environment/models/nightPermit';
import { nightPermitFromFields } from './parse';

export const nightPermitsAdapter: Adapter = {
  source: 'night-permits',
  department: 'environment',
  description: 'Night-work permits CSV (permitNo, projectCode, from, to, nightFrom, nightTo, issuer[, contactPhone])',
  async ingestFile(file, sink, conn, options) {
    const permits = createNightPermitModel(conn);
    await permits.init();
    for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
      const where = `${file}:${rec.line}`;
      sink.countRead();
      if (rec.error !== undefined) {
        await sink.rejectRecord(where, rec, `${where}: ${rec.error}`);
        continue;
      }
      const r = nightPermitFromFields(rec.fields);
      if ('reason' in r) await sink.rejectRecord(where, rec, `${where}: ${r.reason}`);
      else await sink.accept(permits, { permitNo: r.doc.permitNo }, r.doc as unknown as Record<string, unknown>);
    }
  },
};
