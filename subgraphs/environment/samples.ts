/**
 * Chunk documents → each station's samples. Shared by the subgraph's period queries and the
 * exceedance read model's evaluation (adapters/hj212/exceedanceDays.ts), so both see exactly the
 * same samples for the same chunks.
 */
import { unpackSamples, type ReadingChunkDoc, type Sample } from './models/readingChunk';

/**
 * `chunks` must be in `_id` order. Re-sent packets may sit in several chunks: one sample per
 * (mn, time, command, factor) is kept, from the lowest chunk id, so the choice is deterministic.
 * Samples of conflicting versions (marked at ingest) are never the one kept: their values are listed
 * in the kept sample's `alternatives`. Samples outside
 * [from, to) are dropped; each station's list is ordered by time, then factor code.
 */
export function samplesByStation(chunks: Pick<ReadingChunkDoc, 'mn' | 'day' | 'packed'>[], from: number, to: number): Map<string, Sample[]> {
  const byMn = new Map<string, Sample[]>();
  const inUse = new Map<string, Sample>();
  const conflicting: [string, Sample][] = [];
  for (const c of chunks) {
    const list = byMn.get(c.mn) ?? [];
    for (const s of unpackSamples(c.day, c.packed)) {
      const k = `${c.mn}|${s.t}|${s.cn}|${s.code}`;
      if (s.t < from || s.t >= to) continue;
      if (s.conflict) conflicting.push([k, s]);
      else if (!inUse.has(k)) {
        inUse.set(k, s);
        list.push(s);
      }
    }
    byMn.set(c.mn, list);
  }
  // A conflicting version's values go beside the value in use (issue 18: visible, never evaluated).
  // One whose factor the packet in use lacks has nothing to sit beside and is not shown here.
  for (const [k, s] of conflicting) {
    const used = inUse.get(k);
    if (!used || used.value === s.value) continue;
    used.alternatives ??= [];
    if (!used.alternatives.includes(s.value)) used.alternatives.push(s.value);
  }
  for (const list of byMn.values()) list.sort((a, b) => a.t - b.t || (a.code < b.code ? -1 : 1));
  return byMn;
}
