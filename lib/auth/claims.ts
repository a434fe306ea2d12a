import { CALLER_DEPARTMENTS, type CallerDepartment } from '../config';

/** The verified identity of a caller, from the JWT. */
export interface Caller {
  sub: string;
  dept: CallerDepartment;
  roles: string[];
  purposes: string[];
  /**
   * The department application the token was issued to: the `client_id` claim of RFC 9068 (JWT access
   * tokens). Absent for people and tools that are not a registered application. Trusted documents
   * (gateway/src/trustedDocuments.ts) are registered per application.
   */
  app?: string;
}

export function isCallerDepartment(value: unknown): value is CallerDepartment {
  return typeof value === 'string' && (CALLER_DEPARTMENTS as readonly string[]).includes(value);
}

function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (typeof value === 'string') return value.split(/[ ,]+/).filter(Boolean);
  throw new Error('must be a list of strings');
}

/** Reads our claims from a verified payload; throws with the claim name when one is wrong. */
export function callerFromPayload(payload: Record<string, unknown>): Caller {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('claim "sub" is missing');
  if (!isCallerDepartment(payload.dept)) {
    throw new Error(`claim "dept" is "${String(payload.dept)}", not one of ${CALLER_DEPARTMENTS.join(', ')}`);
  }
  let roles: string[];
  let purposes: string[];
  try { roles = stringList(payload.roles); } catch (e) { throw new Error(`claim "roles" ${(e as Error).message}`); }
  try { purposes = stringList(payload.purposes); } catch (e) { throw new Error(`claim "purposes" ${(e as Error).message}`); }
  if (payload.client_id !== undefined && (typeof payload.client_id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(payload.client_id))) {
    throw new Error('claim "client_id" must be an application name: lower-case letters, digits and "-"');
  }
  const caller: Caller = { sub: payload.sub, dept: payload.dept, roles, purposes };
  if (payload.client_id !== undefined) caller.app = payload.client_id as string;
  return caller;
}
