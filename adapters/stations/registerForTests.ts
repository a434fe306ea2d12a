/** Tests only: registers stations with their access passwords through the stations source, as a department would. */
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { IngestSink } from '../common/sink';
import { stationsAdapter } from './index';

/** Stations registered with their access passwords (the stations source). */
export async function registerStations(c: Connection, where: string, stations: { mn: string; pw: string }[]): Promise<void> {
  const file = path.join(where, `stations-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  const rows = stations.map((s, i) => `${s.mn},2024-371302-47-01-A1B2C${i % 10},371302,118.35,35.06,v,39,2024-05-01,${s.pw}`);
  fs.writeFileSync(file, ['mn,projectCode,district,lng,lat,vendor,st,installedOn,pw', ...rows].join('\n') + '\n');
  const sink = new IngestSink(c, { source: 'stations' });
  await stationsAdapter.ingestFile(file, sink, c, {});
  const r = await sink.finish();
  if (r.rejected) throw new Error(JSON.stringify(r.reasons));
}
