/**
 * `progress`: the provincial construction platform's site-supervision feed (JSON array, envelope or
 * JSON Lines) → 住建: progress reports (形象进度), and quality & safety inspections marked
 * `"recordType": "inspection"`.
 */
import type { Connection } from 'mongoose';
import type { Adapter } from '../common/adapter';
import { readJsonRecords } from '../common/records';
import type { IngestSink } from '../common/sink';
import { createHousingModels } from '../../subgraphs/housing/models';
import { progressId } from '../../subgraphs/housing/models/progress';
import { NaturalKeyWriter } from '../permits/naturalKeyWriter';
import { parseInspectionRecord } from './inspection';
import { parseProgressRecord } from './record';

function recordType(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).recordType ?? 'progress' : 'progress';
}

export async function ingestProgressFile(file: string, sink: IngestSink, conn: Connection): Promise<void> {
  const { Progress, Inspection } = createHousingModels(conn);
  const out = new NaturalKeyWriter(sink);
  for await (const rec of readJsonRecords(file)) {
    const where = `${file}:${rec.line} (record ${rec.index + 1})`;
    sink.countRead();
    if (rec.error !== undefined) {
      await out.reject(where, rec, `malformed JSON: ${rec.error}`);
      continue;
    }
    const type = recordType(rec.value);
    if (type === 'inspection') {
      const parsed = parseInspectionRecord(rec.value);
      if (parsed.ok) {
        out.beginRecord();
        await out.upsert(Inspection, parsed.value.inspectionNo, parsed.value);
      } else await out.reject(where, rec, parsed.reason);
    } else if (type === 'progress') {
      const parsed = parseProgressRecord(rec.value);
      if (parsed.ok) {
        out.beginRecord();
        await out.upsert(Progress, progressId(parsed.value), parsed.value);
      } else await out.reject(where, rec, parsed.reason);
    } else {
      await out.reject(where, rec, `recordType "${String(type)}" is not progress or inspection`);
    }
  }
  await out.drain();
}

export const progressAdapter: Adapter = {
  source: 'progress',
  department: 'housing',
  retryFormat: 'json',
  description: 'site supervision feed: progress reports (形象进度) and quality & safety inspections, JSON from the provincial platform',
  ingestFile: (file, sink, conn) => ingestProgressFile(file, sink, conn),
};
