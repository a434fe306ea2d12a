/** `permits`: the provincial construction platform's permit feed (JSON array, envelope or JSON Lines) → 住建. */
import type { Connection } from 'mongoose';
import type { Adapter } from '../common/adapter';
import { readJsonRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { createHousingModels } from '../../subgraphs/housing/models';
import { participantId } from '../../subgraphs/housing/models/participant';
import { NaturalKeyWriter, RecentlyWritten } from './naturalKeyWriter';
import { parsePermitRecord } from './record';

export async function ingestPermitsFile(file: string, sink: IngestSink, conn: Connection): Promise<void> {
  const m = createHousingModels(conn);
  const out = new NaturalKeyWriter(sink);
  const enterprisesWritten = new RecentlyWritten();
  for await (const rec of readJsonRecords(file)) {
    const where = `${file}:${rec.line} (record ${rec.index + 1})`;
    sink.countRead();
    if (rec.error !== undefined) {
      await out.reject(where, rec, `malformed JSON: ${rec.error}`);
      continue;
    }
    const parsed = parsePermitRecord(rec.value);
    if (!parsed.ok) {
      await out.reject(where, rec, parsed.reason);
      continue;
    }
    out.beginRecord();
    const { project, permit, participants, enterprises } = parsed.value;
    await out.upsert(m.Project, project.code, project);
    await out.upsert(m.Permit, permit.permitNo, permit);
    for (const p of participants) await out.upsert(m.Participant, participantId(p), p);
    for (const e of enterprises) {
      if (enterprisesWritten.repeat(e.uscc, e)) out.countDuplicate();
      else await out.upsert(m.Enterprise, e.uscc, e);
    }
  }
  await out.drain();
}

export const permitsAdapter: Adapter = {
  source: 'permits',
  department: 'housing',
  retryFormat: 'json',
  description: 'construction permits (施工许可证) with the project registry and the five participants, JSON from the provincial platform',
  ingestFile: (file, sink, conn) => ingestPermitsFile(file, sink, conn),
};
