/**
 * Chunk documents → each station's samples. Shared by the subgraph's period queries and the
 * exceedance read model's evaluation (adapters/hj212/exceedanceDays.ts), so both see exactly the
 * same samples for the same chunks.
 */
import { unpackSamples, type ReadingChunkDoc, type Sample } from './models/readingChunk';

/**
 * `chunks` must be in `_id` order. Re-sent packets may sit in several chunks: one sample per
 * (mn, time, command, factor) is kept, from the lowest chunk id, so the choice is deterministic
 * (conflicting re-sends with different values are not expected from a device). Samples outside
 * [from, to) are dropped; each station's list is ordered by time, then factor code.
 */
export function samplesByStation(chunks: Pick<ReadingChunkDoc, 'mn' | 'day' | 'packed'>[], from: number, to: number): Map<string, Sample[]> {
  const byMn = new Map<string, Sample[]>();
  const seen = new Set<string>();
  for (const c of chunks) {
    const list = byMn.get(c.mn) ?? [];
    for (const s of unpackSamples(c.day, c.packed)) {
      const k = `${c.mn}|${s.t}|${s.cn}|${s.code}`;
      if (s.t < from || s.t >= to || seen.has(k)) continue;
      seen.add(k);
      list.push(s);
    }
    byMn.set(c.mn, list);
  }
  for (const list of byMn.values()) list.sort((a, b) => a.t - b.t || (a.code < b.code ? -1 : 1));
  return byMn;
}
