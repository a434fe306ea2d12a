/**
 * Runs one adapter over one file into its department's database: the common path of the ingest CLI
 * and the demo seeder.
 */
import type { Connection } from 'mongoose';
import type { Adapter, IngestOptions } from './common/adapter';
import { IngestSink, type IngestReport } from './common/sink';

export async function ingestFile(
  adapter: Adapter,
  file: string,
  conn: Connection,
  options: IngestOptions & { onProgress?: (r: IngestReport) => void; batchSize?: number } = {},
): Promise<IngestReport> {
  const sink = new IngestSink(conn, { source: adapter.source, onProgress: options.onProgress, batchSize: options.batchSize });
  await adapter.ingestFile(file, sink, conn, { encoding: options.encoding });
  return sink.finish();
}
