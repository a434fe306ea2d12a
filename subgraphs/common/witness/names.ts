/**
 * Names of the witness fields each department subgraph serves. A root field can be resolved by one
 * subgraph only, so each department has its own pair, named like its audit trail fields
 * (`hrssAuditTrail` / `verifyHrssAuditTrail`): `recordHrssWitness` and `hrssWitnesses`.
 */
import type { Department } from '../../../lib/config';
import { AUDIT_ANCHOR_ROLE } from '../../../lib/auth/roles';

export function witnessFieldNames(dept: Department) {
  const cap = dept[0].toUpperCase() + dept.slice(1);
  return { record: `record${cap}Witness`, list: `${dept}Witnesses` };
}

/**
 * What can be witnessed: `<namespace>:<id>`. `case` = a joint case's hash chain (issue 19), recorded by
 * enforcement teams; `audit` = a subgraph's audit trail head (`audit:<subgraph>`, issue 22), recorded by
 * that subgraph's own service identity (role audit-anchor) only.
 */
export const WITNESS_NAMESPACES = ['case', 'audit'] as const;

/** The subject under which a joint case's chain head is witnessed. */
export function caseSubject(caseId: string): string {
  return `case:${caseId}`;
}

/** The subject under which a subgraph's audit trail head is witnessed (auditAnchor.ts). */
export function auditSubject(subgraph: string): string {
  return `audit:${subgraph}`;
}

/**
 * A caller recording or reading the witnesses of its OWN audit trail (a subgraph's service token, role
 * audit-anchor, subject `audit:<its dept>`): it reads nothing of the witnessing department's data, so the
 * department does not audit it — recording it would move that department's head, which it would anchor in
 * turn, for ever. The witness record itself keeps who recorded it.
 */
export function isOwnAuditAnchorCall(caller: { dept: string; roles: readonly string[] }, args: Record<string, unknown>): boolean {
  return caller.roles.includes(AUDIT_ANCHOR_ROLE) && args.subject === auditSubject(caller.dept);
}
