/**
 * Anchoring an audit trail outside its silo (issue 22, DESIGN §5; ADR 0010). A hash chain kept in the
 * department's own database does not survive that database's administrator: the newest records can be
 * deleted, or the whole trail rewritten with every hash recomputed, and the chain still verifies. So
 * each subgraph records its trail's head (seq, hash) in the OTHER departments' witness stores
 * (subgraphs/common/witness, subject `audit:<subgraph>`), through the gateway, with a short-lived
 * service token it signs itself (role audit-anchor); verify<Dept>AuditTrail reads those heads back and
 * checks the chain against them (auditAnchorCheck.ts).
 *
 * When: right after start, every AUDIT_ANCHOR_SECONDS (default 60; 0 = off) and at shutdown — each
 * time only if the head moved since it was last recorded everywhere. In the background: it never
 * blocks or fails a request; a gateway that is down is retried (sooner than the interval, doubling up
 * to it) and logged.
 */
import type { TokenSettings } from '../../lib/auth/keys';
import { tokenSettingsFromEnv } from '../../lib/auth/keys';
import { AUDIT_ANCHOR_ROLE } from '../../lib/auth/roles';
import { signToken } from '../../lib/auth/tokens';
import { DEPARTMENTS, portFor, readEnv, type Department, type SubgraphName } from '../../lib/config';
import { log } from '../../lib/log';
import type { AuditTrail, AuditVerification } from './audit';
import { compareWithWitnesses } from './auditAnchorCheck';
import { readHeads, recordHead, type GatewayTarget } from './auditAnchorClient';
import { auditMetrics, type AnchorOutcome } from './auditMetrics';
import { auditSubject } from './witness/names';

export const DEFAULT_ANCHOR_SECONDS = 60;
/** One call to the gateway; at shutdown, shorter (a stopping service must not hang on it). */
const CALL_TIMEOUT_MS = 10_000;
const SHUTDOWN_TIMEOUT_MS = 3_000;
/** First retry after a failed attempt; doubles up to the interval. */
const FIRST_RETRY_MS = 2_000;
/** The service token lives 5 minutes and is signed again after 4. */
const TOKEN_TTL = '5m';
const TOKEN_REUSE_MS = 4 * 60_000;

export function anchorSecondsFromEnv(): number {
  const raw = readEnv('AUDIT_ANCHOR_SECONDS');
  if (raw === undefined) return DEFAULT_ANCHOR_SECONDS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 86_400) throw new Error(`AUDIT_ANCHOR_SECONDS must be a number of seconds from 0 (off) to 86400, got "${raw}"`);
  return n;
}

/** GATEWAY_URL, default the local gateway on GATEWAY_PORT (as joint resolves it). Read at each use. */
export function anchorGatewayUrl(): string {
  return readEnv('GATEWAY_URL') ?? `http://127.0.0.1:${portFor('gateway')}/graphql`;
}

export interface AuditAnchorOptions {
  /** Keys to sign the service token with (default: tokenSettingsFromEnv(), read when first needed). */
  tokens?: TokenSettings;
  /** Where the gateway is (default: anchorGatewayUrl(), read at each use). */
  gatewayUrl?: () => string;
}

/** What one department's store holds for this trail, as read at verification. */
export interface AuditWitnessReport {
  dept: string;
  /** The department answered. */
  available: boolean;
  /** Heads it holds for this trail. */
  heads: number;
  /** Newest seq it holds (null: none, or unavailable). */
  newestSeq: number | null;
  error: string | null;
}

/** The chain's verification and, added, the witnesses'. */
export interface AnchoredVerification extends AuditVerification {
  /** Highest seq another department witnessed with the trail's own hash (0: none). */
  witnessedUpTo: number;
  witnesses: AuditWitnessReport[];
}

type Head = { seq: number; hash: string };

export class AuditAnchor {
  readonly witnesses: Department[];
  private readonly subject: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private retryMs = FIRST_RETRY_MS;
  /** The head every witness holds (null: none yet in this process). */
  private anchored: Head | null = null;
  /**
   * This process's insert count when `anchored` was read: with no insert since, a tick costs nothing
   * (another replica's appends are anchored by that replica).
   */
  private insertsAtAnchor = -1;
  /** Attempts that recorded or failed, and failures in a row (for the log's level). */
  private attempts = 0;
  private failures = 0;
  private token: { value: string; at: number } | null = null;

  constructor(
    readonly owner: SubgraphName,
    readonly trail: AuditTrail,
    private options: AuditAnchorOptions = {},
  ) {
    this.witnesses = DEPARTMENTS.filter((d) => d !== owner);
    this.subject = auditSubject(owner);
  }

  /** Options given later win (the plugin knows the server's keys; verify may come first). */
  configure(options: AuditAnchorOptions): void {
    this.options = { ...this.options, ...options };
    this.token = null;
  }

  /** Starts the background anchoring (no-op when AUDIT_ANCHOR_SECONDS=0). */
  start(): void {
    const seconds = anchorSecondsFromEnv();
    if (seconds === 0 || !this.stopped) return;
    this.stopped = false;
    const intervalMs = seconds * 1000;
    const loop = async () => {
      this.timer = null;
      if (this.stopped) return;
      const outcome = await this.track(this.anchorOnce(CALL_TIMEOUT_MS));
      if (this.stopped) return;
      const failed = outcome === 'failed' || outcome === 'partial' || outcome === 'no_key';
      const next = failed ? Math.min(intervalMs, this.retryMs) : intervalMs;
      this.retryMs = failed ? Math.min(intervalMs, this.retryMs * 2) : FIRST_RETRY_MS;
      this.timer = setTimeout(() => void loop(), next);
      this.timer.unref();
    };
    this.timer = setTimeout(() => void loop(), 0);
    this.timer.unref();
  }

  /** Stops the loop; records the head once more if it moved (bounded wait). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.anchorOnce(SHUTDOWN_TIMEOUT_MS).catch(() => undefined);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running = p;
    return p.finally(() => {
      if (this.running === p) this.running = null;
    });
  }

  private target(timeoutMs: number): GatewayTarget {
    const now = Date.now();
    if (!this.token || now - this.token.at > TOKEN_REUSE_MS) {
      // Read once, like a service's own settings (runSubgraph); a key set that rotates updates itself.
      const settings = (this.options.tokens ??= tokenSettingsFromEnv());
      const value = signToken(settings, { sub: `audit-anchor-${this.owner}`, dept: this.owner, roles: [AUDIT_ANCHOR_ROLE], ttl: TOKEN_TTL });
      this.token = { value, at: now };
    }
    return { url: (this.options.gatewayUrl ?? anchorGatewayUrl)(), authorization: `Bearer ${this.token.value}`, timeoutMs };
  }

  /**
   * Records the current head in every other department's store, unless they already hold it. Returns
   * the outcome (null: nothing to record). Never throws.
   */
  async anchorOnce(timeoutMs = CALL_TIMEOUT_MS): Promise<AnchorOutcome | null> {
    const inserts = this.trail.stats.inserts;
    if (this.anchored && inserts === this.insertsAtAnchor) return null;
    let head: Head;
    try {
      head = await this.trail.currentHead();
    } catch (e) {
      this.report('failed', { error: `store: ${(e as Error).message}` });
      return 'failed';
    }
    if (head.seq === 0 || (this.anchored && this.anchored.seq === head.seq && this.anchored.hash === head.hash)) {
      // Nothing (new) to witness: an empty trail, or this head is held already.
      if (head.seq === 0) this.anchored = head;
      this.insertsAtAnchor = inserts;
      return null;
    }
    let target: GatewayTarget;
    try {
      target = this.target(timeoutMs);
    } catch (e) {
      this.report('no_key', { error: (e as Error).message });
      return 'no_key';
    }
    const results = await recordHead(target, this.subject, head, this.witnesses);
    const failed = results.filter((r) => !r.ok);
    const conflicts = results.filter((r) => r.conflict);
    let outcome: AnchorOutcome;
    if (conflicts.length) outcome = 'conflict';
    else if (!failed.length) outcome = 'recorded';
    else outcome = failed.length === results.length ? 'failed' : 'partial';
    // A conflict will not go away by retrying: the trail's record at that seq is not what was witnessed.
    if (outcome === 'recorded' || outcome === 'conflict') {
      this.anchored = head;
      this.insertsAtAnchor = inserts;
    }
    this.report(outcome, { seq: head.seq, ...(failed.length ? { failures: failed.map((f) => `${f.dept}: ${f.error}`) } : {}) });
    return outcome;
  }

  private report(outcome: AnchorOutcome, fields: Record<string, unknown>): void {
    auditMetrics().anchors.inc({ service: this.owner, outcome });
    this.attempts++;
    const context = { service: this.owner, outcome, ...fields };
    if (outcome === 'conflict') {
      log.error(`audit anchor: another department holds a different hash for the ${this.owner} trail's head — the trail was rewritten`, context);
    } else if (outcome === 'recorded') {
      (this.failures ? log.info : log.debug)('audit anchor: head recorded by the other departments', context);
      this.failures = 0;
    } else {
      // One warning per episode, so a gateway down for an hour is one line; an episode that began with
      // the process warns at its second failure: in `npm start` the subgraphs start before the gateway.
      this.failures++;
      const sinceStart = this.attempts === this.failures;
      const warn = sinceStart ? this.failures === 2 : this.failures === 1;
      (warn ? log.warn : this.failures === 1 ? log.info : log.debug)('audit anchor: head not recorded everywhere; retrying', context);
    }
  }

  /** The chain checked on its own and against the heads the other departments hold. */
  async verify(): Promise<AnchoredVerification> {
    let read: Awaited<ReturnType<typeof readHeads>>;
    try {
      read = await readHeads(this.target(CALL_TIMEOUT_MS), this.subject, this.witnesses);
    } catch (e) {
      read = { witnessed: [], unavailable: this.witnesses.map((dept) => ({ dept, error: (e as Error).message })) };
    }
    const { verification, hashes, end } = await this.trail.verifyChain(new Set(read.witnessed.map((w) => w.seq)));
    const compared = compareWithWitnesses(this.owner, end, hashes, read.witnessed);
    const witnesses = this.witnesses.map((dept): AuditWitnessReport => {
      const missing = read.unavailable.find((u) => u.dept === dept);
      const own = read.witnessed.filter((w) => w.dept === dept);
      return {
        dept,
        available: !missing,
        heads: own.length,
        newestSeq: own.length ? Math.max(...own.map((w) => w.seq)) : null,
        error: missing?.error ?? null,
      };
    });
    // The chain's own break comes first (it is where the store disagrees with itself).
    const result = verification.ok && !compared.ok ? { ...verification, ok: false, brokenAt: compared.brokenAt, reason: compared.reason } : verification;
    return { ...result, witnessedUpTo: compared.witnessedUpTo, witnesses };
  }
}

const anchors = new WeakMap<AuditTrail, AuditAnchor>();

/** The one anchor of a trail (shared by the audit plugin, which runs it, and verify<Dept>AuditTrail). */
export function anchorFor(owner: SubgraphName, trail: AuditTrail, options?: AuditAnchorOptions): AuditAnchor {
  let anchor = anchors.get(trail);
  if (!anchor) {
    anchor = new AuditAnchor(owner, trail, options);
    anchors.set(trail, anchor);
  } else if (options) {
    anchor.configure(options);
  }
  return anchor;
}
