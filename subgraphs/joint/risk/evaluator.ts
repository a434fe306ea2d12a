/**
 * When the risk view is evaluated: at start (as soon as the gateway answers; retried with back-off, never
 * delaying the start), then every RISK_REFRESH_SECONDS, and on `reevaluateRisk`. One evaluation at a time: a
 * request while one runs waits for it and then runs its own, so it sees facts at least as new as its request.
 */
import { GraphQLError } from 'graphql';
import type { TokenSettings } from '../../../lib/auth/keys';
import { RISK_ADMIN_ROLE, RISK_EVALUATOR_ROLE } from '../../../lib/auth/roles';
import { signToken } from '../../../lib/auth/tokens';
import { envInt } from '../../../lib/config';
import { ErrorCode } from '../../../lib/errors';
import { log } from '../../../lib/log';
import type { CaseStore } from '../cases/caseStore';
import type { CaseState } from '../cases/procedure';
import { evaluateEnterprise, evaluateProject } from './evaluate';
import { gatherFacts } from './gather';
import { loadRules, RulesFileError } from './rules';
import type { Graded, RiskStore } from './store';
import type { CreditColour, RiskLevel } from './rules';

/** The evaluator's own identity at the departments (their audit trails name it). */
export const EVALUATOR_SUBJECT = 'joint-risk-evaluator';
/** Who may ask for an evaluation now (joint's department only). */
export const RISK_ADMIN_ROLES = [RISK_ADMIN_ROLE, 'admin'] as const;
/** What the evaluator reads: wage arrears (hrss), approved areas (resources), the environment's conditional fields. */
const EVALUATOR_PURPOSES = ['wage-enforcement', 'planning-supervision', 'pollution-enforcement'];
const CLOSED_CASE_STATES: CaseState[] = ['CLOSED', 'DISMISSED', 'TRANSFERRED'];
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export interface RiskSettings {
  /** RISK_REFRESH_SECONDS (default 300): the view's staleness at most. */
  refreshSeconds: number;
  /** RISK_GATEWAY_TIMEOUT_MS (default 60 s): one gateway call of an evaluation (a month's exceedance scan is the slowest). */
  gatewayTimeoutMs: number;
}

export function riskSettingsFromEnv(): RiskSettings {
  const refreshSeconds = envInt('RISK_REFRESH_SECONDS', 300);
  const gatewayTimeoutMs = envInt('RISK_GATEWAY_TIMEOUT_MS', 60_000);
  if (refreshSeconds < 1) throw new Error(`RISK_REFRESH_SECONDS must be ≥ 1, got ${refreshSeconds}`);
  if (gatewayTimeoutMs < 1) throw new Error(`RISK_GATEWAY_TIMEOUT_MS must be ≥ 1, got ${gatewayTimeoutMs}`);
  return { refreshSeconds, gatewayTimeoutMs };
}

export interface RiskEvaluationResult {
  rulesVersion: string;
  evaluatedAt: string;
  projects: number;
  enterprises: number;
  changes: number;
  gatewayCalls: number;
  ms: number;
}

export interface RiskEvaluatorOptions {
  store: RiskStore;
  cases: CaseStore;
  gatewayUrl: () => string;
  tokens: () => TokenSettings;
  now: () => Date;
  settings?: () => RiskSettings;
}

export class RiskEvaluator {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(private readonly o: RiskEvaluatorOptions) {}

  private settings(): RiskSettings {
    return (this.o.settings ?? riskSettingsFromEnv)();
  }

  /** Runs one evaluation after any running one. */
  evaluate(): Promise<RiskEvaluationResult> {
    const next = this.queue.catch(() => undefined).then(() => this.run());
    this.queue = next;
    return next;
  }

  /**
   * Starts the schedule. A restart with a view evaluated within the refresh interval under the same rules
   * version keeps it until the interval is up; a changed rules file is applied by the first evaluation.
   */
  start(): void {
    void (async () => {
      let delayMs = 0;
      try {
        const [state, rules] = await Promise.all([this.o.store.state(), Promise.resolve(loadRules())]);
        if (state && state.rulesVersion === rules.version) {
          const due = new Date(state.evaluatedAt).getTime() + this.settings().refreshSeconds * 1000;
          delayMs = Math.max(0, due - this.o.now().getTime());
        }
      } catch (e) {
        log.warn('risk view: could not read its state at start; evaluating now', { error: (e as Error).message });
      }
      this.schedule(delayMs);
    })();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // Background work: the timer never keeps a process (or a test run) alive by itself.
    this.timer = setTimeout(() => void this.tick(), ms).unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.evaluate();
      this.retryMs = FIRST_RETRY_MS;
      this.schedule(this.settings().refreshSeconds * 1000);
    } catch (e) {
      if (this.stopped) return;
      const wait = Math.min(this.retryMs, this.settings().refreshSeconds * 1000);
      log.warn('risk evaluation failed; retrying', { error: (e as Error).message, retryInMs: wait });
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      this.schedule(wait);
    }
  }

  private async openJointCasesByUscc(): Promise<Map<string, string[]>> {
    const docs = await this.o.cases.models.Case.find({ 'subject.uscc': { $ne: null }, state: { $nin: CLOSED_CASE_STATES } }, { _id: 1, subject: 1 })
      .sort({ _id: 1 })
      .lean<{ _id: string; subject: { uscc: string | null } }[]>();
    const out = new Map<string, string[]>();
    for (const d of docs) out.set(d.subject.uscc!, [...(out.get(d.subject.uscc!) ?? []), d._id]);
    return out;
  }

  private async run(): Promise<RiskEvaluationResult> {
    const started = Date.now();
    const now = this.o.now();
    const rules = loadRules();
    const url = this.o.gatewayUrl();
    if (!url) throw new Error('the gateway URL is not known yet');
    const token = signToken(this.o.tokens(), { sub: EVALUATOR_SUBJECT, dept: 'joint', roles: [RISK_EVALUATOR_ROLE], purposes: EVALUATOR_PURPOSES, ttl: '5m' });
    const facts = await gatherFacts(
      { url, authorization: `Bearer ${token}`, timeoutMs: this.settings().gatewayTimeoutMs, pageSize: 100, exceedanceChunkDays: 31 },
      rules,
      now,
    );
    const openCases = await this.openJointCasesByUscc();
    const projects: Graded<RiskLevel>[] = facts.projects.map((f) => {
      const r = evaluateProject(f, rules, now);
      return { key: f.code, district: f.district, grade: r.level, reasons: r.reasons };
    });
    const levels = new Map(projects.map((p) => [p.key, p.grade]));
    const enterprises: Graded<CreditColour>[] = [...facts.enterprises.values()].map((e) => {
      const r = evaluateEnterprise({ ...e, openJointCases: openCases.get(e.uscc) ?? [] }, rules, now, (code) => levels.get(code));
      return { key: e.uscc, grade: r.colour, reasons: r.reasons, inspectionInterval: r.inspectionInterval, validUntil: r.validUntil };
    });
    const evaluatedAt = now.toISOString();
    const changes = await this.o.store.write(projects, enterprises, rules.version, evaluatedAt);
    const result = { rulesVersion: rules.version, evaluatedAt, projects: projects.length, enterprises: enterprises.length, changes, gatewayCalls: facts.calls, ms: Date.now() - started };
    log.info('risk evaluation done', result);
    return result;
  }
}

/**
 * `reevaluateRisk`'s failure: the rules file is wrong (INTERNAL_SERVER_ERROR, naming the problem), or the facts could
 * not be gathered (a department or the gateway down, a refusal: SUBGRAPH_UNAVAILABLE). The last view stays served.
 */
export function evaluationFailed(e: unknown): GraphQLError {
  if (e instanceof RulesFileError) return new GraphQLError(`The risk evaluation did not run: ${e.message}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  return new GraphQLError(`The risk evaluation could not gather the departments' facts: ${(e as Error).message}`, {
    extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE },
  });
}
