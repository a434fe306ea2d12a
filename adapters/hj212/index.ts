/**
 * `hj212` source: HJ 212 packet log files, one frame per line (as data loggers and forwarding servers
 * write them). Streams line by line with bounded memory (logLines.ts); each line is one record read:
 * - a valid packet from a registered station with its password is stored (readingWriter.ts: new,
 *   duplicate, or a conflicting second version), its unknown and out-of-range items counted as warnings;
 * - a broken frame or packet, a device that fails authentication, a line over HJ212_MAX_LINE_BYTES is
 *   rejected into quarantine with its place and reason (an over-long line truncated, with its length
 *   and hash).
 * The packed per-station day chunks the queries read are written from the same packets (digest.ts),
 * also when the ingest fails part-way, so the graph shows what the record holds.
 */
import type { Adapter } from '../common/adapter';
import { createReadingModel } from '../../subgraphs/environment/models/reading';
import { packetChecks } from './checks';
import { ReadingDigest } from './digest';
import { admitFrame } from './ingest';
import { hj212LimitsFromEnv } from './limits';
import { readLogLines } from './logLines';
import { ReadingWriter } from './readingWriter';
import { StationAuth } from './stationAuth';
import { vendorCodes } from './vendorCodes';

const NON_ASCII = /[^\x00-\x7f]/;

/** What an over-long line keeps of itself in quarantine. */
const KEEP_BYTES = 4096;

export const hj212Adapter: Adapter = {
  source: 'hj212',
  department: 'environment',
  description: 'HJ 212-2017/2005 packet log (one ##…CRC frame per line) of registered stations: dust and noise readings of site monitors',
  async ingestFile(file, sink, conn) {
    const readings = createReadingModel(conn);
    await readings.init();
    const vendor = vendorCodes();
    const checks = packetChecks();
    const maxLineBytes = hj212LimitsFromEnv().maxLineBytes;
    const auth = new StationAuth(conn);
    const digest = new ReadingDigest(conn);
    const writer = new ReadingWriter(sink, readings, digest);
    let records = 0;
    try {
      for await (const l of readLogLines(file, maxLineBytes, KEEP_BYTES)) {
        const where = `${file}:${l.line}`;
        if ('overlong' in l) {
          records++;
          sink.countRead();
          const { length, sha256 } = l.overlong;
          const sample = l.overlong.sample;
          const binary = NON_ASCII.test(sample);
          await sink.reject(where, binary ? Buffer.from(sample, 'latin1').toString('base64') : sample, `${where}: line of ${length} bytes is over HJ212_MAX_LINE_BYTES (${maxLineBytes}); kept truncated to ${KEEP_BYTES} bytes, sha256 ${sha256}`, {
            truncated: { length, unit: 'bytes', sha256 }, ...(binary ? { rawEncoding: 'base64' as const } : {}),
          });
          continue;
        }
        if (l.text.trim() === '') continue;
        records++;
        sink.countRead();
        const o = await admitFrame(l.text, vendor, checks, auth);
        if (o.kind === 'store') {
          for (const note of o.packet.notes) sink.warning(where, note);
          await writer.add(o.reading, where);
        } else if (NON_ASCII.test(l.text)) {
          // A frame is ASCII: a line with other bytes is kept as its bytes (base64), not as mojibake.
          await sink.reject(where, Buffer.from(l.text, 'latin1').toString('base64'), `${where}: ${o.reason}`, { rawEncoding: 'base64' });
        } else await sink.reject(where, l.text, `${where}: ${o.reason}`);
      }
      if (records === 0) sink.markEmpty('empty file');
    } finally {
      // The record first, then the read model: it may only show what the record holds.
      await writer.flush();
      await sink.flush();
      await digest.finish();
    }
  },
};
