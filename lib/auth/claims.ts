import { CALLER_DEPARTMENTS, type CallerDepartment } from '../config';

/** The verified identity of a caller, from the JWT. */
export interface Caller {
  sub: string;
  dept: CallerDepartment;
  roles: string[];
  purposes: string[];
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
  return { sub: payload.sub, dept: payload.dept, roles, purposes };
}
