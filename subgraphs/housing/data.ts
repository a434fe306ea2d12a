/** The 住建 subgraph's data access: resolvers call this, never mongoose. */
import type { Connection } from 'mongoose';
import { byKeyLoader } from '../common/loaders';
import type { DataLayer } from '../common/createSubgraph';
import { createHousingModels, type HousingModels } from './models';
import type { ProjectDoc } from './models/project';

export class HousingData {
  readonly projectByCode;

  constructor(private readonly models: HousingModels) {
    this.projectByCode = byKeyLoader<ProjectDoc>(models.Project, 'code');
  }
}

export function createHousingDataLayer(conn: Connection): DataLayer<HousingData> {
  const models = createHousingModels(conn);
  return { forRequest: () => new HousingData(models) };
}
