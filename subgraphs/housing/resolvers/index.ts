import { Project } from './project';
import { Query } from './query';

export const housingResolvers = { Query, Project };
