import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The case file's hash chain: pure functions, no I/O, so that the running subgraph, the tamper tests
 * and the offline dossier verifier (which runs with the system stopped) check links the same way.
 *
 * Each link's hash covers its case id, sequence number, kind, body and the previous link's hash, in
 * RFC 8785 canonical JSON, so a verifier in any language gets the same bytes. A plain chain alone
 * cannot see a truncated tail or a consistent rewrite; the witnesses (subgraphs/joint/witness) do.
 */

/** prevHash of the first link (seq 1). */
export const GENESIS = '0'.repeat(64);

export type LinkKind = 'event' | 'evidence';

export interface ChainLink {
  caseId: string;
  seq: number;
  kind: LinkKind;
  body: unknown;
  prevHash: string;
  hash: string;
}

export interface LinkVerification {
  ok: boolean;
  /** Links checked before the first break (all of them when ok). */
  checked: number;
  /** seq of the first broken link. */
  brokenAt?: number;
  reason?: string;
}

/** RFC 8785 (JSON Canonicalization Scheme). undefined (no JSON value) is refused rather than hashed as "". */
export function canonical(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonical: value has no JSON representation');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function linkHash(link: Omit<ChainLink, 'hash'>): string {
  const { caseId, seq, kind, body, prevHash } = link;
  return sha256Hex(canonical({ caseId, seq, kind, body, prevHash }));
}

/** Builds the next link after `previous` (or the first link when there is none). */
export function nextLink(caseId: string, previous: Pick<ChainLink, 'seq' | 'hash'> | undefined, kind: LinkKind, body: unknown): ChainLink {
  const seq = previous ? previous.seq + 1 : 1;
  const prevHash = previous ? previous.hash : GENESIS;
  const unsigned = { caseId, seq, kind, body, prevHash };
  return { ...unsigned, hash: linkHash(unsigned) };
}

/**
 * Checks one case's links in order of seq. Names the first break:
 * - a missing seq (a link deleted in the middle: "gap"),
 * - a stored hash that does not match the link's content ("edited"),
 * - a prevHash that is not the previous link's hash ("wrong prevHash").
 * A missing tail is invisible here by construction; checkAgainstWitnesses catches it.
 */
export function verifyLinks(links: ChainLink[]): LinkVerification {
  const sorted = [...links].sort((a, b) => a.seq - b.seq);
  let previousHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (const link of sorted) {
    if (link.seq !== expectedSeq) {
      const reason =
        link.seq < expectedSeq
          ? `duplicate link: seq ${link.seq} appears more than once`
          : expectedSeq === link.seq - 1
            ? `gap: seq ${expectedSeq} is missing (deleted in the middle)`
            : `gap: seq ${expectedSeq}..${link.seq - 1} are missing (deleted in the middle)`;
      return { ok: false, checked, brokenAt: Math.min(expectedSeq, link.seq), reason };
    }
    let recomputed: string;
    try {
      recomputed = linkHash(link);
    } catch (error) {
      return { ok: false, checked, brokenAt: link.seq, reason: `edited: link ${link.seq} cannot be canonicalized (${(error as Error).message})` };
    }
    if (recomputed !== link.hash) {
      return { ok: false, checked, brokenAt: link.seq, reason: `edited: hash mismatch at seq ${link.seq} (its ${link.kind} was changed after it was recorded)` };
    }
    if (link.prevHash !== previousHash) {
      return { ok: false, checked, brokenAt: link.seq, reason: `wrong prevHash at seq ${link.seq}: it does not point to link ${link.seq - 1}` };
    }
    previousHash = link.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked };
}
