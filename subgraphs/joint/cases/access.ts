/**
 * Who sees a case: only its participating departments (a `public` token never; any other department
 * gets null, exactly as for an unknown id, so a case's existence does not leak). Who writes: the team
 * roles of a participating department (procedure.ts: requireWriter). Every read of joint's fields by a
 * department is recorded in joint's own audit trail by the common catalogue enforcement (the case id is
 * JointCase's key in schema/joint.catalog.json), which covers the reads by a non-lead department.
 */
import type { Caller } from '../../../lib/auth/claims';
import { DEPARTMENTS } from '../../../lib/config';
import { badInput, forbidden } from '../../../lib/errors';
import { WRITE_ROLES } from './procedure';

export function canSee(caller: Pick<Caller, 'dept'>, c: { departments: string[] }): boolean {
  return caller.dept !== 'public' && c.departments.includes(caller.dept);
}

/** Opening a case: a team member of one of the five departments, which becomes the lead. */
export function requireOpener(caller: Caller): void {
  if (!(DEPARTMENTS as readonly string[]).includes(caller.dept)) {
    throw forbidden(`Only a department's enforcement team opens a case; a ${caller.dept} token cannot`, { requiredRoles: [...WRITE_ROLES] });
  }
  if (!caller.roles.some((r) => (WRITE_ROLES as readonly string[]).includes(r))) {
    throw forbidden(`Opening a case needs one of the roles ${WRITE_ROLES.join(', ')}`, { requiredRoles: [...WRITE_ROLES] });
  }
}

/** The participating departments: the listed ones (each one of the five) and the lead. */
export function participants(lead: string, listed: readonly string[]): string[] {
  for (const d of listed) {
    if (!(DEPARTMENTS as readonly string[]).includes(d)) throw badInput('input.departments', `"${d}" is not a department (one of ${DEPARTMENTS.join(', ')})`);
  }
  return [...new Set([lead, ...listed])].sort();
}
