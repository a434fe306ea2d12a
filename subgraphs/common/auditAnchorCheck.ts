/**
 * An audit trail checked against the heads other departments witnessed for it (auditAnchor.ts). The
 * chain alone cannot show that its newest records were deleted, or that the whole trail was rewritten
 * with every hash recomputed; a head recorded in another department's store, out of reach of this
 * department's database administrator, can.
 */

export interface WitnessedAuditHead {
  /** The department whose store holds the head. */
  dept: string;
  seq: number;
  hash: string;
  /** When that department recorded it (ISO 8601). */
  at: string;
}

export interface WitnessComparison {
  ok: boolean;
  brokenAt: number | null;
  reason: string | null;
  /** Highest seq witnessed with the trail's own hash (0: none). */
  witnessedUpTo: number;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * `end`: the last seq of the verified chain; `hashes`: the chain's hash at each witnessed seq up to
 * `end`. Names the first contradiction by seq:
 * - a witnessed seq beyond the chain's end: the records after `end` were deleted (at the tail);
 * - a witnessed seq whose hash differs: the trail was rewritten (hashes recomputed) at or before it.
 * Records after the newest witnessed head are not covered yet (appended since the last anchoring).
 */
export function compareWithWitnesses(
  trail: string,
  end: number,
  hashes: ReadonlyMap<number, string>,
  witnessed: readonly WitnessedAuditHead[],
): WitnessComparison {
  const heads = [...witnessed].sort((a, b) => a.seq - b.seq || a.dept.localeCompare(b.dept));
  let upTo = 0;
  for (const w of heads) {
    if (w.seq > end) {
      const beyond = heads.filter((h) => h.seq > end);
      const newest = beyond[beyond.length - 1];
      const who = [...new Set(beyond.map((h) => h.dept))].join(', ');
      return {
        ok: false,
        brokenAt: end + 1,
        reason: `records ${end + 1}–${newest.seq} are missing (deleted at the tail): ${who} witnessed record ${newest.seq} (hash ${short(newest.hash)}, at ${newest.at}) but the ${trail} audit trail ends at record ${end}`,
        witnessedUpTo: upTo,
      };
    }
    const own = hashes.get(w.seq);
    if (own !== w.hash) {
      return {
        ok: false,
        brokenAt: w.seq,
        reason:
          `record ${w.seq} has hash ${own ? short(own) : '(none)'} but ${w.dept} witnessed ${short(w.hash)} for it at ${w.at}: ` +
          `the ${trail} audit trail was rewritten in its store (hashes recomputed) after record ${upTo}`,
        witnessedUpTo: upTo,
      };
    }
    upTo = w.seq;
  }
  return { ok: true, brokenAt: null, reason: null, witnessedUpTo: upTo };
}
