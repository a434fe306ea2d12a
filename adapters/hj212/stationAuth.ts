/**
 * Devices are who they say they are (issue 18): a packet is stored only when its MN is a registered
 * station (the `stations` source) and its PW matches that station's password. The registry is read
 * into memory (MN → password hash) and read again, at most every REFRESH_MS, when a packet names an MN
 * it does not hold or a password it does not match, so a station registered or re-keyed while the
 * listener runs is taken up without a restart. Each (station, stored hash, password) is checked with
 * scrypt once per process, not once per ingest; later packets compare a SHA-256 of the password with
 * the one that passed.
 */
import { createHash } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { verifyPassword } from '../stations/password';
import { createStationModel, type StationDoc } from '../../subgraphs/environment/models/station';

/** HJ 212 reply codes (QnRtn) for a refused device: 3 PW error, 4 MN error (STANDARDS §4.3). */
export const QN_RTN_PW_ERROR = 3;
export const QN_RTN_MN_ERROR = 4;

export type AuthResult = { ok: true } | { ok: false; qnRtn: number; reason: string };

const REFRESH_MS = 5_000;

interface Entry {
  pwHash: string;
  /** SHA-256 of the password that last passed, so scrypt runs once per station and password. */
  passed?: string;
  /**
   * SHA-256 of passwords that failed (at most FAILED_KEPT): a device repeating a wrong password, or a
   * flood of one forged password, costs no scrypt after the first (each costs ≈ 7 ms of CPU).
   */
  failed?: Set<string>;
}

const FAILED_KEPT = 100;

/**
 * Passwords that passed, across StationAuth instances of this process: `<mn>|<stored salted hash>` →
 * SHA-256 of the password. Each ingest (every file, every `npm run ingest`, the seeder, the bench) makes
 * its own StationAuth, and scrypt for every station at the start of each one cost ≈ 7–20 ms per station
 * (1 s of a 4,000-packet bench run with 100 stations). The stored hash is part of the key, so a
 * re-keyed station is verified again. Bounded: cleared when it holds more than PASSED_KEPT pairs.
 */
const passedAcrossRuns = new Map<string, string>();
const PASSED_KEPT = 100_000;

function rememberPassed(mn: string, pwHash: string, digest: string): void {
  if (passedAcrossRuns.size >= PASSED_KEPT) passedAcrossRuns.clear();
  passedAcrossRuns.set(`${mn}|${pwHash}`, digest);
}

export class StationAuth {
  private stations = new Map<string, Entry>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;
  private readonly model: Model<StationDoc>;

  constructor(conn: Connection, private readonly now: () => number = Date.now) {
    this.model = createStationModel(conn);
  }

  async check(mn: string, pw: string): Promise<AuthResult> {
    if (this.loadedAt === -Infinity) await this.reload();
    let entry = this.stations.get(mn);
    if (!entry && (await this.reloadIfDue())) entry = this.stations.get(mn);
    if (!entry) return { ok: false, qnRtn: QN_RTN_MN_ERROR, reason: `MN ${mn} is not a registered station (stations source): packet refused` };
    const digest = createHash('sha256').update(pw).digest('hex');
    if (entry.passed === digest) return { ok: true };
    if (passedAcrossRuns.get(`${mn}|${entry.pwHash}`) === digest) {
      entry.passed = digest;
      return { ok: true };
    }
    const refused: AuthResult = { ok: false, qnRtn: QN_RTN_PW_ERROR, reason: `PW does not match the access password registered for station ${mn}: packet refused` };
    if (entry.failed?.has(digest) && !(await this.reloadIfDue())) return refused;
    entry = this.stations.get(mn) ?? entry;
    if (verifyPassword(mn, pw, entry.pwHash)) {
      entry.passed = digest;
      rememberPassed(mn, entry.pwHash, digest);
      return { ok: true };
    }
    // The password may have changed in the registry since it was read.
    if (await this.reloadIfDue()) {
      const fresh = this.stations.get(mn);
      if (fresh && fresh.pwHash !== entry.pwHash && verifyPassword(mn, pw, fresh.pwHash)) {
        fresh.passed = digest;
        rememberPassed(mn, fresh.pwHash, digest);
        return { ok: true };
      }
      entry = fresh ?? entry;
    }
    entry.failed ??= new Set();
    if (entry.failed.size >= FAILED_KEPT) entry.failed.clear();
    entry.failed.add(digest);
    return refused;
  }

  private async reloadIfDue(): Promise<boolean> {
    if (this.now() - this.loadedAt < REFRESH_MS) return false;
    await this.reload();
    return true;
  }

  private async reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const docs = (await this.model.find({}, { mn: 1, pwHash: 1, _id: 0 }).lean().exec()) as Pick<StationDoc, 'mn' | 'pwHash'>[];
        const next = new Map<string, Entry>();
        for (const d of docs) {
          if (!d.pwHash) continue; // a station registered before passwords: no packet can authenticate
          const old = this.stations.get(d.mn);
          next.set(d.mn, old && old.pwHash === d.pwHash ? old : { pwHash: d.pwHash });
        }
        this.stations = next;
        this.loadedAt = this.now();
      } finally {
        this.loading = null;
      }
    })();
    await this.loading;
  }
}
