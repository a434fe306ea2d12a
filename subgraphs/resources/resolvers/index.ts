import { GeoJSON } from './geoJson';
import { Parcel } from './parcel';
import { PlanningPermit } from './planningPermit';
import { Project } from './project';
import { Query } from './query';

export const resourcesResolvers = { Query, Parcel, PlanningPermit, Project, GeoJSON };
