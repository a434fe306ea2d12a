/**
 * Seeds the 住建 silo for subgraph tests from the demo city's native files, parsed by the adapters'
 * own record parsers and bulk-inserted (much faster than the full ingest path, which the adapter
 * and demo tests exercise).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { generateCity, type DemoCity } from '../../adapters/demo/city';
import { writeHousingFiles } from '../../adapters/demo/housing';
import { parsePermitRecord } from '../../adapters/permits/record';
import { parseInspectionRecord } from '../../adapters/progress/inspection';
import { parseProgressRecord } from '../../adapters/progress/record';
import { createHousingModels } from './models';
import { participantId } from './models/participant';
import { progressId } from './models/progress';

export async function seedHousingFromDemo(conn: Connection, projects: number): Promise<DemoCity> {
  const city = generateCity({ projects, workersPerProject: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'housing-seed-'));
  try {
    const [permitsFile, progressFile] = await writeHousingFiles(city, dir);
    const m = createHousingModels(conn);
    const permits = (JSON.parse(fs.readFileSync(permitsFile.file, 'utf8')) as unknown[]).map((v) => {
      const r = parsePermitRecord(v);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    });
    const feed = JSON.parse(fs.readFileSync(progressFile.file, 'utf8')) as { recordType?: string }[];
    const reports = feed.filter((v) => v.recordType === undefined).map((v) => {
      const r = parseProgressRecord(v);
      if (!r.ok) throw new Error(r.reason);
      return { _id: progressId(r.value), ...r.value };
    });
    const inspections = feed.filter((v) => v.recordType === 'inspection').map((v) => {
      const r = parseInspectionRecord(v);
      if (!r.ok) throw new Error(r.reason);
      return { _id: r.value.inspectionNo, ...r.value };
    });
    const enterprises = new Map(permits.flatMap((p) => p.enterprises).map((e) => [e.uscc, { _id: e.uscc, ...e }]));
    await m.Project.collection.insertMany(permits.map((p) => ({ _id: p.project.code, ...p.project })) as never[]);
    await m.Permit.collection.insertMany(permits.map((p) => ({ _id: p.permit.permitNo, ...p.permit })) as never[]);
    await m.Participant.collection.insertMany(permits.flatMap((p) => p.participants.map((x) => ({ _id: participantId(x), ...x }))) as never[]);
    await m.Enterprise.collection.insertMany([...enterprises.values()] as never[]);
    await m.Progress.collection.insertMany(reports as never[]);
    await m.Inspection.collection.insertMany(inspections as never[]);
    return city;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
