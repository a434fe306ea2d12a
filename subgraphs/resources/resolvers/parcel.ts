import type { SubgraphContext } from '../../common/context';
import type { ResourcesData } from '../data';
import type { ParcelDoc } from '../models/parcel';
import { geoJsonFromStored } from '../redLine';

type Ctx = SubgraphContext<ResourcesData>;

export const Parcel = {
  __resolveReference(ref: { parcelCode: string }, ctx: Ctx) {
    return ctx.data.parcelByCode.load(ref.parcelCode);
  },
  redLine(p: ParcelDoc) {
    return geoJsonFromStored(p.geometryType, p.rings);
  },
  bounds(p: ParcelDoc) {
    return p.bbox;
  },
  center(p: ParcelDoc) {
    return { lng: (p.bbox.minLng + p.bbox.maxLng) / 2, lat: (p.bbox.minLat + p.bbox.maxLat) / 2 };
  },
  permits(p: ParcelDoc, _: unknown, ctx: Ctx) {
    return ctx.data.permitsByParcel.load(p.parcelCode);
  },
};
