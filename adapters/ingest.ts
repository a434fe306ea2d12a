/**
 * Runs one adapter over one file into its department's database: the common path of the ingest CLI
 * and the demo seeder.
 */
import fs from 'node:fs';
import type { Connection } from 'mongoose';
import type { Adapter, IngestOptions } from './common/adapter';
import { IngestSink, type IngestReport } from './common/sink';

/** Why a file gave no records: an empty file, or one with nothing but a header (or blank lines). */
async function whyNoRecords(file: string): Promise<string> {
  const { size } = await fs.promises.stat(file);
  return size === 0 ? 'empty file (0 bytes)' : `no records in ${size} bytes (a header only, or blank lines)`;
}

export async function ingestFile(
  adapter: Adapter,
  file: string,
  conn: Connection,
  options: IngestOptions & { onProgress?: (r: IngestReport) => void; batchSize?: number } = {},
): Promise<IngestReport> {
  const sink = new IngestSink(conn, { source: adapter.source, onProgress: options.onProgress, batchSize: options.batchSize });
  await adapter.ingestFile(file, sink, conn, { encoding: options.encoding });
  const report = await sink.finish();
  const settled = report.accepted + report.duplicates + report.updated + report.rejected;
  // Said as such (the CLI exits 3), never a silent success with all counts 0.
  if (report.read === 0 && settled === 0 && !report.empty) report.empty = await whyNoRecords(file);
  return report;
}
