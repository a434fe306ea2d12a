/** What every adapter of a department's native format provides to the ingest CLI and the demo seeder. */
import type { Connection } from 'mongoose';
import type { Department } from '../../lib/config';
import type { IngestSink } from './sink';

export interface IngestOptions {
  /** Declared input encoding ('utf8' | 'gb18030'); detected when absent (BOM, then UTF-8 validity). */
  encoding?: 'utf8' | 'gb18030';
}

export interface Adapter {
  /** Name used on the command line: `npm run ingest -- <source> <file>`. */
  source: string;
  /** The department whose database receives the records (and their quarantine). */
  department: Department;
  /** One line for `npm run ingest -- --help`. */
  description: string;
  /**
   * How quarantined records are written back to a file for `npm run quarantine -- --retry` when they
   * carry no CSV header: as a JSON array, or one per line (the default).
   */
  retryFormat?: 'json' | 'lines';
  /** Streams the file, validating every record; accepted records and rejections go to the sink. */
  ingestFile(file: string, sink: IngestSink, conn: Connection, options: IngestOptions): Promise<void>;
}
