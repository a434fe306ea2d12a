/**
 * Station access passwords (HJ 212 `PW`). The department gives them in the station registry; they are
 * stored only as a salted scrypt hash (`scrypt$N$r$p$<hex>`), never in clear, and the graph has no
 * field for them. The salt is derived from the MN (unique per station), so ingesting the same registry
 * twice gives the same document (a duplicate, not an update) and no two stations share a hash for the
 * same password. A device sends its PW in clear with every packet, so the hash protects a copy of the
 * store, not the wire; a 6-digit password stays guessable offline at these costs (≈ 7 ms per guess).
 */
import { createHash, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 4096;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

/** Printable ASCII without the frame's separators: what a PW field can carry. */
export function validatePassword(pw: string): string | null {
  if (pw === '') return 'pw (access password) is empty';
  if (pw.length > 32) return `pw is ${pw.length} characters; at most 32`;
  if (!/^[\x21-\x7e]+$/.test(pw) || /[;,=&]/.test(pw)) return 'pw must be printable ASCII without ; , = &';
  return null;
}

function salt(mn: string): Buffer {
  return createHash('sha256').update('xietong-hj212-pw\0').update(mn).digest();
}

export function hashPassword(mn: string, pw: string): string {
  return `scrypt$${N}$${R}$${P}$${scryptSync(pw, salt(mn), KEY_BYTES, { N, r: R, p: P }).toString('hex')}`;
}

export function verifyPassword(mn: string, pw: string, stored: string): boolean {
  const [scheme, n, r, p, hex] = stored.split('$');
  if (scheme !== 'scrypt' || !hex) return false;
  const expected = Buffer.from(hex, 'hex');
  const got = scryptSync(pw, salt(mn), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === expected.length && timingSafeEqual(got, expected);
}
