/**
 * `parcels`: land parcels (宗地) with their red lines, as a GeoJSON FeatureCollection exported from
 * the cadastral system. The `features` array is streamed; each feature is validated and upserted by
 * its 宗地代码, so ingesting the same file twice changes nothing.
 */
import path from 'node:path';
import type { Adapter } from '../common/adapter';
import { readJsonRecords } from '../common/records';
import { createParcelModel } from '../../subgraphs/resources/models/parcel';
import { parcelFromFeature } from './parcelFeature';

export const parcelsAdapter: Adapter = {
  source: 'parcels',
  department: 'resources',
  retryFormat: 'json',
  description: '宗地 and red lines: GeoJSON FeatureCollection of Polygon/MultiPolygon features (自然资源)',
  async ingestFile(file, sink, conn) {
    const Parcel = createParcelModel(conn);
    await Parcel.init();
    const name = path.basename(file);
    for await (const record of readJsonRecords(file)) {
      const where = `${name}:${record.line} (feature ${record.index})`;
      sink.countRead();
      if (record.error !== undefined) {
        await sink.rejectRecord(where, record, `not valid JSON: ${record.error}`);
        continue;
      }
      const parsed = parcelFromFeature(record.value);
      if ('reason' in parsed) await sink.rejectRecord(where, record, parsed.reason);
      else {
        const { _id, ...doc } = parsed.doc;
        await sink.accept(Parcel, { _id }, doc);
      }
    }
  },
};
