/**
 * The write concern of the records a department must never lose once acknowledged: audit records,
 * joint case events and evidence, witness records. CRITICAL_WRITE_CONCERN=majority on a MongoDB replica
 * set (deploy/); unset (the default), the driver's default applies — the embedded FerretDB store is one
 * node and has no majority to wait for.
 */
import { readEnv } from '../config';

export interface CriticalWriteConcern {
  w: 'majority' | number;
  /** Wait for the journal as well. */
  j?: boolean;
  wtimeoutMS?: number;
}

export function criticalWriteConcern(): CriticalWriteConcern | undefined {
  const v = readEnv('CRITICAL_WRITE_CONCERN')?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'majority') return { w: 'majority', j: true, wtimeoutMS: 10_000 };
  if (/^[1-9]$/.test(v)) return { w: Number(v), j: true, wtimeoutMS: 10_000 };
  throw new Error(`CRITICAL_WRITE_CONCERN must be "majority" or a number of nodes (1-9), got "${v}"`);
}
