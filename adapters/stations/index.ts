/**
 * `stations` source: the registry of site monitoring stations (CSV), upserted by MN. A station's
 * project and district are part of its exceedances (a background rule compares the stations of a
 * district), so when the registry changes, the days that hold readings of its stations are evaluated
 * again in the exceedance read model (adapters/hj212/exceedanceDays.ts).
 */
import type { Adapter } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import { createReadingChunkModel } from '../../subgraphs/environment/models/readingChunk';
import { createStationModel } from '../../subgraphs/environment/models/station';
import { ExceedanceMaintainer } from '../hj212/exceedanceDays';
import { stationFromFields } from './parse';

export const stationsAdapter: Adapter = {
  source: 'stations',
  department: 'environment',
  description: 'Monitoring-station registry CSV (mn, projectCode, district, lng, lat, vendor, st, installedOn, pw: the HJ 212 access password, stored hashed)',
  async ingestFile(file, sink, conn, options) {
    const stations = createStationModel(conn);
    await stations.init();
    const mns = new Set<string>();
    const before = sink.report.accepted + sink.report.updated;
    for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
      sink.countRead();
      const where = `${file}:${rec.line}`;
      if (rec.error !== undefined) {
        await sink.rejectRecord(where, rec, `${where}: ${rec.error}`);
        continue;
      }
      const r = stationFromFields(rec.fields);
      if ('reason' in r) await sink.rejectRecord(where, rec, `${where}: ${r.reason}`);
      else {
        mns.add(r.doc.mn);
        await sink.accept(stations, { mn: r.doc.mn }, r.doc as unknown as Record<string, unknown>);
      }
    }
    await sink.flush();
    // Nothing new or changed (a re-ingestion): the stored exceedances stand.
    if (sink.report.accepted + sink.report.updated === before || !mns.size) return;
    const days = (await createReadingChunkModel(conn).find({ mn: { $in: [...mns] } }, { day: 1, _id: 0 }).lean().exec()) as { day: string }[];
    const exceedances = new ExceedanceMaintainer(conn);
    exceedances.touch(days.map((d) => d.day));
    await exceedances.flush();
  },
};
