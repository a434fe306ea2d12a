import type { ParcelResolvers } from '../generated/resolvers';
import { geoJsonFromStored } from '../redLine';

export const Parcel: ParcelResolvers = {
  __resolveReference(ref, ctx) {
    return ctx.data.parcelByCode.load(ref.parcelCode);
  },
  redLine(p) {
    return geoJsonFromStored(p.geometryType, p.rings);
  },
  bounds(p) {
    return p.bbox;
  },
  center(p) {
    return { lng: (p.bbox.minLng + p.bbox.maxLng) / 2, lat: (p.bbox.minLat + p.bbox.maxLat) / 2 };
  },
  permits(p, _, ctx) {
    return ctx.data.permitsByParcel.load(p.parcelCode);
  },
};
