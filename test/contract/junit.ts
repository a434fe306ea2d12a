/**
 * The results as JUnit XML, the format CI systems read: one <testsuite> per group (the gateway, each
 * subgraph), one <testcase> per check with its time, <failure> or <skipped>. Written with
 * junit-report-builder (its xmlbuilder escapes names and messages).
 */
import junit from 'junit-report-builder';
import type { CheckResult } from './results';

export function junitXml(results: readonly CheckResult[], name = 'xietong contract'): string {
  const builder = junit.newBuilder().name(name);
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  for (const r of results) {
    let suite = suites.get(r.suite);
    if (!suite) suites.set(r.suite, (suite = builder.testSuite().name(r.suite)));
    const testCase = suite.testCase().className(`contract.${r.suite}`).name(r.name).time(r.ms / 1000);
    if (r.status === 'failed') testCase.failure(r.detail ?? 'failed');
    else if (r.status === 'skipped') testCase.skipped().standardOutput(r.detail);
    else if (r.detail) testCase.standardOutput(r.detail);
  }
  return builder.build();
}
