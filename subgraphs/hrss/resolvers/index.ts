import type { Resolvers } from '../generated/resolvers';
import { ProjectWageStatus, WageArrears, WorkerInArrears } from './arrearsWorkers';
import { Enterprise, Project } from './project';
import { Query } from './query';
import { WagePayment, Worker } from './worker';

export const hrssResolvers: Resolvers = { Query, Worker, WagePayment, Project, Enterprise, WageArrears, ProjectWageStatus, WorkerInArrears };
