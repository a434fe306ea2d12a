import { Exceedance } from './exceedance';
import { Project } from './project';
import { Query } from './query';
import { MonitoringStation } from './station';

export const environmentResolvers = { Query, Project, MonitoringStation, Exceedance };
