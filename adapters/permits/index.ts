/** `permits`: the provincial construction platform's permit feed (JSON array, envelope or JSON Lines) → 住建. */
import type { Connection } from 'mongoose';
import type { Adapter } from '../common/adapter';
import { readJsonRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { createHousingModels } from '../../subgraphs/housing/models';
import { parsePermitRecord } from './record';

export async function ingestPermitsFile(file: string, sink: IngestSink, conn: Connection): Promise<void> {
  const m = createHousingModels(conn);
  for await (const rec of readJsonRecords(file)) {
    const where = `${file}:${rec.line} (record ${rec.index + 1})`;
    if (rec.error !== undefined) {
      await sink.reject(where, rec.raw, `malformed JSON: ${rec.error}`);
      continue;
    }
    const parsed = parsePermitRecord(rec.value);
    if (!parsed.ok) {
      await sink.reject(where, rec.raw, parsed.reason);
      continue;
    }
    const { project, permit, participants, enterprises } = parsed.value;
    await sink.accept(m.Project, { code: project.code }, { ...project });
    await sink.accept(m.Permit, { permitNo: permit.permitNo }, { ...permit });
    for (const p of participants) await sink.accept(m.Participant, { projectCode: p.projectCode, role: p.role, uscc: p.uscc }, { ...p });
    for (const e of enterprises) await sink.accept(m.Enterprise, { uscc: e.uscc }, { ...e });
  }
}

export const permitsAdapter: Adapter = {
  source: 'permits',
  department: 'housing',
  description: 'construction permits (施工许可证) with the project registry and the five participants, JSON from the provincial platform',
  ingestFile: (file, sink, conn) => ingestPermitsFile(file, sink, conn),
};
