import type { Resolvers } from '../generated/resolvers';
import { Enterprise } from './enterprise';
import { ProjectParticipant } from './participant';
import { Project } from './project';
import { Query } from './query';

export const housingResolvers: Resolvers = { Query, Project, Enterprise, ProjectParticipant };
