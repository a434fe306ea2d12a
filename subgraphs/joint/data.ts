/** The joint subgraph's data access. It owns no department's source data; the catalogue is read once. */
import type { DataLayer } from '../common/createSubgraph';
import { catalogFields, type CatalogFieldView } from './catalogView';

export class JointData {
  constructor(private readonly catalog: CatalogFieldView[]) {}

  catalogFields(filter: { subgraph?: string | null; type?: string | null }): CatalogFieldView[] {
    return this.catalog.filter((f) => (!filter.subgraph || f.subgraph === filter.subgraph) && (!filter.type || f.type === filter.type));
  }
}

export function createJointDataLayer(): DataLayer<JointData> {
  const data = new JointData(catalogFields());
  return { forRequest: () => data };
}
