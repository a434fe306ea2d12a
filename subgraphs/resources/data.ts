/** The 自然资源 subgraph's data access: resolvers call this, never mongoose. */
import type { Connection } from 'mongoose';
import { CollectionCache, type CachedReads } from '../common/collectionCache';
import { byKeyLoader, groupLoader } from '../common/loaders';
import type { DataLayer } from '../common/createSubgraph';
import { createResourcesModels, type ResourcesModels } from './models';
import type { BoundingBox, ParcelDoc } from './models/parcel';
import type { PlanningPermitDoc } from './models/planningPermit';

const PERMIT_ORDER = { issuedOn: 1, permitNo: 1 } as const;

export class ResourcesData {
  readonly parcelByCode;
  readonly permitsByProject;
  readonly permitsByParcel;

  constructor(private readonly models: ResourcesModels, cache?: CachedReads) {
    this.parcelByCode = byKeyLoader<ParcelDoc>(models.Parcel, 'parcelCode', { cache });
    this.permitsByProject = groupLoader<PlanningPermitDoc>(models.PlanningPermit, 'projectCode', { sort: PERMIT_ORDER, cache });
    this.permitsByParcel = groupLoader<PlanningPermitDoc>(models.PlanningPermit, 'parcelCode', { sort: PERMIT_ORDER, cache });
  }

  /**
   * Parcels whose bbox intersects `box`, by parcel code, after `afterCode`; one more than asked for
   * tells whether a next page exists. Each loaded parcel primes the by-code loader.
   */
  async parcelsInBox(box: BoundingBox, first: number, afterCode: string | null): Promise<{ parcels: ParcelDoc[]; hasNextPage: boolean; totalCount: number }> {
    const intersects = {
      'bbox.minLng': { $lte: box.maxLng },
      'bbox.maxLng': { $gte: box.minLng },
      'bbox.minLat': { $lte: box.maxLat },
      'bbox.maxLat': { $gte: box.minLat },
    };
    const page = { ...intersects, ...(afterCode === null ? {} : { parcelCode: { $gt: afterCode } }) };
    const [docs, totalCount] = await Promise.all([
      this.models.Parcel.find(page).sort({ parcelCode: 1 }).limit(first + 1).lean<ParcelDoc[]>(),
      this.models.Parcel.countDocuments(intersects),
    ]);
    const parcels = docs.slice(0, first);
    for (const p of parcels) this.parcelByCode.prime(p.parcelCode, p);
    return { parcels, hasNextPage: docs.length > first, totalCount };
  }
}

export function createResourcesDataLayer(conn: Connection): DataLayer<ResourcesData> {
  const models = createResourcesModels(conn);
  const cache = new CollectionCache(conn);
  return {
    forRequest: () => new ResourcesData(models, cache.forRequest()),
    // The collections ResourcesData's loaders read through the cache (issue 17: no cold first request).
    warm: () => cache.warm([models.Parcel, models.PlanningPermit], 'resources'),
  };
}
