/** Shared by the case-file e2e tests: tokens of the enforcement teams and the case operations through the gateway. */
import request from 'supertest';
import type { SystemHandle } from '../harness/system';
import { bearer } from '../harness/tokens';

export const hrssOfficer = (sub = 'hrss-officer-1') => bearer({ dept: 'hrss', sub, roles: ['enforcement-officer'], purposes: ['wage-enforcement'] });
export const hrssReviewer = (sub = 'hrss-legal-1') => bearer({ dept: 'hrss', sub, roles: ['legal-reviewer'], purposes: ['wage-enforcement'] });
export const housingOfficer = (sub = 'housing-officer-1') => bearer({ dept: 'housing', sub, roles: ['enforcement-officer'], purposes: ['wage-enforcement'] });

export const CASE_FIELDS = `id kind state leadDepartment departments allowedNext deadline overdue chainLength headHash warnings
  decisions { department type documentNumber }
  events { seq type from to by officers reviewPassed }
  evidence { id seq operationName capturedByDepartment sha256 answer answerWithheld denied { path field } }`;

export interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export function gql(system: SystemHandle, query: string, variables: Record<string, unknown>, authorization: string, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  let r = request(system.gateway.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', authorization);
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return r.send({ query, variables }).then((res) => res.body as GraphQLAnswer);
}

export async function ok(answer: Promise<GraphQLAnswer>): Promise<Record<string, any>> {
  const a = await answer;
  if (a.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(a.errors, null, 1)}`);
  return a.data!;
}

export const OPEN_FROM_ARREARS = `mutation Open($code: String!, $month: String!, $key: String) {
  openCaseFromArrears(projectCode: $code, month: $month, idempotencyKey: $key) { ${CASE_FIELDS} } }`;

export const ADVANCE = `mutation Advance($id: ID!, $to: CaseState!, $officers: [String!], $review: LegalReviewInput, $waived: Boolean,
  $decision: DecisionInput, $effectiveAt: String, $key: String) {
  advanceCase(caseId: $id, to: $to, officers: $officers, review: $review, waived: $waived, decision: $decision, effectiveAt: $effectiveAt, idempotencyKey: $key) { ${CASE_FIELDS} } }`;

export const ATTACH = `mutation Attach($id: ID!, $input: EvidenceInput!, $key: String) {
  attachEvidence(caseId: $id, input: $input, idempotencyKey: $key) { id seq sha256 answer denied { path field message } capturedByDepartment } }`;

export const OPEN_CASE = `mutation OpenCase($input: OpenCaseInput!, $key: String) { openCase(input: $input, idempotencyKey: $key) { ${CASE_FIELDS} } }`;

export const VERIFY = `query Verify($id: ID!) { verifyCase(id: $id) { ok checked events evidence brokenAt reason witnessedUpTo unavailableWitnesses } }`;

export function advance(system: SystemHandle, auth: string, vars: Record<string, unknown>): Promise<GraphQLAnswer> {
  return gql(system, ADVANCE, vars, auth);
}
