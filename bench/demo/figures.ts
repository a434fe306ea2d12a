/** bench/demo's figures from a seeding run: per department and source, and against the store floor. */
import { adapterFor } from '../../adapters/registry';
import { DEFAULT_PROJECTS } from '../../adapters/demo/city';
import type { SeedResult } from '../../adapters/demo/seed';
import { round3 } from '../common/round';

/** The default city must seed within this many seconds (issue 3). */
export const TARGET_SECONDS = 120;

export interface SourceFigures {
  seconds: number;
  accepted: number;
  rejected: number;
  recordsPerSecond: number;
  /** recordsPerSecond ÷ the store floor's documents per second, measured in the same run. */
  vsFloor: number;
}

export function departmentFigures(
  files: Pick<SeedResult['files'][number], 'source' | 'seconds' | 'report'>[], floorDocsPerSecond: number,
): Record<string, { ingestSeconds: number; sources: Record<string, SourceFigures> }> {
  const out: Record<string, { ingestSeconds: number; sources: Record<string, SourceFigures> }> = {};
  for (const f of files) {
    const adapter = adapterFor(f.source);
    if (!adapter) throw new Error(`no adapter for source "${f.source}"`);
    const d = (out[adapter.department] ??= { ingestSeconds: 0, sources: {} });
    const recordsPerSecond = f.report.accepted / Math.max(f.seconds, 0.001);
    d.ingestSeconds = round3(d.ingestSeconds + f.seconds);
    d.sources[f.source] = {
      seconds: round3(f.seconds), accepted: f.report.accepted, rejected: f.report.rejected,
      recordsPerSecond: Math.round(recordsPerSecond), vsFloor: round3(recordsPerSecond / floorDocsPerSecond),
    };
  }
  return out;
}

/** The target applies to the default city only. */
export function targetFigure(projects: number, seedSeconds: number): { seconds: number; met: boolean } | null {
  return projects === DEFAULT_PROJECTS ? { seconds: TARGET_SECONDS, met: seedSeconds < TARGET_SECONDS } : null;
}
