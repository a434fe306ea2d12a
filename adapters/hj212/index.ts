/**
 * `hj212` source: HJ 212-2017 packet log files, one frame per line (as data loggers and forwarding
 * servers write them). Streams line by line (bounded memory); each reading is an append-only fact
 * stored with acceptNew on its unique natural key (mn, dataTime, cn), so re-ingesting changes nothing;
 * the packed per-station day chunks the queries read are written from the same packets (digest.ts).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Adapter } from '../common/adapter';
import { createReadingModel } from '../../subgraphs/environment/models/reading';
import { ReadingDigest } from './digest';
import { ingestFrame } from './ingest';
import { vendorCodes } from './vendorCodes';

export const hj212Adapter: Adapter = {
  source: 'hj212',
  department: 'environment',
  description: 'HJ 212-2017 packet log (one ##…CRC frame per line): dust and noise readings of site monitors',
  async ingestFile(file, sink, conn) {
    const readings = createReadingModel(conn);
    await readings.init();
    const vendor = vendorCodes();
    const digest = new ReadingDigest(conn);
    const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'latin1' }), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      await ingestFrame(text, `${file}:${line}`, sink, readings, vendor, digest);
    }
    // The read model may only show what the record holds: store the packets first.
    await sink.flush();
    await digest.finish();
  },
};
