/** What a contract check reports, and the small runner every group of checks uses. */

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** The group: `gateway` or a subgraph's name (a JUnit test suite). */
  suite: string;
  name: string;
  status: CheckStatus;
  /** Why it failed or was skipped, or what it measured. */
  detail?: string;
  ms: number;
}

/** Thrown by a check that cannot run on this deployment (e.g. a flag not given): reported as skipped. */
export class Skip extends Error {}

export class ContractFailure extends Error {}

export function expectTrue(cond: unknown, message: string): asserts cond {
  if (!cond) throw new ContractFailure(message);
}

export class Checks {
  readonly results: CheckResult[] = [];

  async run(suite: string, name: string, fn: () => Promise<string | void>): Promise<void> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const detail = await fn();
      this.results.push({ suite, name, status: 'passed', detail: detail || undefined, ms: ms() });
    } catch (e) {
      const status = e instanceof Skip ? 'skipped' : 'failed';
      this.results.push({ suite, name, status, detail: (e as Error).message, ms: ms() });
    }
  }
}

export function counts(results: readonly CheckResult[]): { tests: number; failures: number; skipped: number; passed: number } {
  const failures = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  return { tests: results.length, failures, skipped, passed: results.length - failures - skipped };
}
