import type { Resolvers } from '../generated/resolvers';
import { Exceedance } from './exceedance';
import { Project } from './project';
import { Query } from './query';
import { MonitoringStation } from './station';

export const environmentResolvers: Resolvers = { Query, Project, MonitoringStation, Exceedance };
