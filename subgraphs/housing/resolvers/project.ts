import type { SubgraphContext } from '../../common/context';
import type { HousingData } from '../data';
import type { ProjectDoc } from '../models/project';

type Ctx = SubgraphContext<HousingData>;

export const Project = {
  __resolveReference(ref: { code: string }, ctx: Ctx) {
    return ctx.data.projectByCode.load(ref.code);
  },
  location(p: ProjectDoc) {
    return { lng: p.lng, lat: p.lat };
  },
};
