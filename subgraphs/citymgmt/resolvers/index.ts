import type { Resolvers } from '../generated/resolvers';
import { Enterprise } from './enterprise';
import { Project } from './project';
import { Query } from './query';
import { Complaint, EnforcementCase, Violation } from './records';

export const citymgmtResolvers: Resolvers = { Query, Project, Enterprise, Complaint, Violation, EnforcementCase };
