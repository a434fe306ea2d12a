/**
 * Roles of a department's joint enforcement team (联合执法): they write joint's case files and record the
 * witnesses of case chains in every department's own store, so both sides admit exactly these.
 */
export const OFFICER_ROLE = 'enforcement-officer';
export const REVIEWER_ROLE = 'legal-reviewer';
export const ENFORCEMENT_TEAM_ROLES = [OFFICER_ROLE, REVIEWER_ROLE] as const;

/**
 * A subgraph's own service identity when it anchors its audit trail's head in the other departments'
 * witness stores (subgraphs/common/auditAnchor.ts): admitted by the witness fields for the subject
 * `audit:<the token's own dept>` only, and by nothing else.
 */
export const AUDIT_ANCHOR_ROLE = 'audit-anchor';

/**
 * joint's risk view (issue 20): the evaluator's own service identity when it reads the departments' facts through
 * the gateway (subgraphs/joint/risk/evaluator.ts), and who may ask for an evaluation now (`reevaluateRisk`, joint's
 * department only, also its `admin`).
 */
export const RISK_EVALUATOR_ROLE = 'risk-evaluator';
export const RISK_ADMIN_ROLE = 'risk-admin';
