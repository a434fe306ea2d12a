import { Enterprise } from './enterprise';
import { ProjectParticipant } from './participant';
import { Project } from './project';
import { Query } from './query';

export const housingResolvers = { Query, Project, Enterprise, ProjectParticipant };
