/**
 * Names of the witness fields each department subgraph serves. A root field can be resolved by one
 * subgraph only, so each department has its own pair, named like its audit trail fields
 * (`hrssAuditTrail` / `verifyHrssAuditTrail`): `recordHrssWitness` and `hrssWitnesses`.
 */
import type { Department } from '../../../lib/config';

export function witnessFieldNames(dept: Department) {
  const cap = dept[0].toUpperCase() + dept.slice(1);
  return { record: `record${cap}Witness`, list: `${dept}Witnesses` };
}

/**
 * What can be witnessed: `<namespace>:<id>`. `case` = a joint case's hash chain (issue 19); issue 22's
 * audit-trail heads (`audit:<dept>`) will be one more namespace here.
 */
export const WITNESS_NAMESPACES = ['case'] as const;

/** The subject under which a joint case's chain head is witnessed. */
export function caseSubject(caseId: string): string {
  return `case:${caseId}`;
}
