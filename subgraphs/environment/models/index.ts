import type { Connection } from 'mongoose';
import { createExceedanceDayModel, createExceedanceModelStateModel } from './exceedanceDay';
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
    ExceedanceDay: createExceedanceDayModel(conn),
    ExceedanceModelState: createExceedanceModelStateModel(conn),
  };
}
export type EnvironmentModels = ReturnType<typeof createEnvironmentModels>;
