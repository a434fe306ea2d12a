/** `stations` source: the registry of site monitoring stations (CSV), upserted by MN. */
import type { Adapter } from '../common/adapter';
import { readCsvRecords } from '../common/records';
import { createStationModel } from '../../subgraphs/environment/models/station';
import { stationFromFields } from './parse';

export const stationsAdapter: Adapter = {
  source: 'stations',
  department: 'environment',
  description: 'Monitoring-station registry CSV (mn, projectCode, district, lng, lat, vendor, st, installedOn)',
  async ingestFile(file, sink, conn, options) {
    const stations = createStationModel(conn);
    await stations.init();
    for await (const rec of readCsvRecords(file, { encoding: options.encoding })) {
      const where = `${file}:${rec.line}`;
      if (rec.error !== undefined) {
        await sink.reject(where, rec.raw, `${where}: ${rec.error}`);
        continue;
      }
      const r = stationFromFields(rec.fields);
      if ('reason' in r) await sink.reject(where, rec.raw, `${where}: ${r.reason}`);
      else await sink.accept(stations, { mn: r.doc.mn }, r.doc as unknown as Record<string, unknown>);
    }
  },
};
