import type { Resolvers } from '../generated/resolvers';
import { GeoJSON } from './geoJson';
import { Parcel } from './parcel';
import { PlanningPermit } from './planningPermit';
import { Project } from './project';
import { Query } from './query';

export const resourcesResolvers: Resolvers = { Query, Parcel, PlanningPermit, Project, GeoJSON };
