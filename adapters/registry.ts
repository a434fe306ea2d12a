/** Every adapter, by the source name used on the command line (`npm run ingest -- <source> <file>`). */
import type { Adapter } from './common/adapter';
import { permitsAdapter } from './permits';
import { progressAdapter } from './progress';
import { parcelsAdapter } from './parcels';
import { planningPermitsAdapter } from './planning-permits';
import { hotlineAdapter } from './hotline';
import { enforcementAdapter } from './enforcement';
import { stationsAdapter } from './stations';
import { nightPermitsAdapter } from './night-permits';
import { hj212Adapter } from './hj212';
import { workersAdapter } from './workers';
import { attendanceAdapter } from './attendance';
import { payrollAdapter } from './payroll';
import { arrearsBlacklistAdapter } from './arrears-blacklist';

const ADAPTERS: Adapter[] = [
  permitsAdapter,
  progressAdapter,
  parcelsAdapter,
  planningPermitsAdapter,
  hotlineAdapter,
  enforcementAdapter,
  stationsAdapter,
  nightPermitsAdapter,
  hj212Adapter,
  workersAdapter,
  attendanceAdapter,
  payrollAdapter,
  arrearsBlacklistAdapter,
];

export function allAdapters(): Adapter[] {
  return ADAPTERS;
}

export function adapterFor(source: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.source === source);
}
