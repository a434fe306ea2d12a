import type { Connection } from 'mongoose';
import { createNightPermitModel } from './nightPermit';
import { createReadingModel } from './reading';
import { createReadingChunkModel } from './readingChunk';
import { createStationLatestModel } from './stationLatest';
import { createStationModel } from './station';

/** Every model of the 生态环境 silo, bound to its own database. */
export function createEnvironmentModels(conn: Connection) {
  return {
    Station: createStationModel(conn),
    Reading: createReadingModel(conn),
    ReadingChunk: createReadingChunkModel(conn),
    StationLatest: createStationLatestModel(conn),
    NightPermit: createNightPermitModel(conn),
  };
}
export type EnvironmentModels = ReturnType<typeof createEnvironmentModels>;
