/** `progress`: the provincial construction platform's progress reports (JSON array, envelope or JSON Lines) → 住建. */
import type { Connection } from 'mongoose';
import type { Adapter } from '../common/adapter';
import { readJsonRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { createHousingModels } from '../../subgraphs/housing/models';
import { progressId } from '../../subgraphs/housing/models/progress';
import { NaturalKeyWriter } from '../permits/naturalKeyWriter';
import { parseProgressRecord } from './record';

export async function ingestProgressFile(file: string, sink: IngestSink, conn: Connection): Promise<void> {
  const { Progress } = createHousingModels(conn);
  const out = new NaturalKeyWriter(sink);
  for await (const rec of readJsonRecords(file)) {
    const where = `${file}:${rec.line} (record ${rec.index + 1})`;
    if (rec.error !== undefined) {
      await out.reject(where, rec.raw, `malformed JSON: ${rec.error}`);
      continue;
    }
    const parsed = parseProgressRecord(rec.value);
    if (!parsed.ok) {
      await out.reject(where, rec.raw, parsed.reason);
      continue;
    }
    const r = parsed.value;
    await out.upsert(Progress, progressId(r), r);
  }
  await out.drain();
}

export const progressAdapter: Adapter = {
  source: 'progress',
  department: 'housing',
  description: 'progress reports (形象进度: progress %, reported floor area, height, storeys), JSON from the provincial platform',
  ingestFile: (file, sink, conn) => ingestProgressFile(file, sink, conn),
};
