/** The departments' demo generators, in seeding order (registry first, then the facts that refer to it). */
import type { DemoCity } from './city';
import { writeHousingFiles } from './housing';
import { writeResourcesFiles } from './resources';
import { writeCitymgmtFiles } from './citymgmt';
import { writeHrssFiles } from './hrss';
import { writeEnvironmentFiles } from './environment';
import { writeBlacklistFiles } from './blacklist';

export type DemoWriter = (city: DemoCity, dir: string) => Promise<{ source: string; file: string }[]>;

export const DEMO_WRITERS: DemoWriter[] = [
  writeHousingFiles,
  writeResourcesFiles,
  writeCitymgmtFiles,
  writeHrssFiles,
  writeBlacklistFiles,
  writeEnvironmentFiles,
];
