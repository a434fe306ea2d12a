import { readEnv } from '../../lib/config';
import { DEFAULT_OPEN_ROLES, TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode, type TrustedDocumentsOptions } from './trustedDocuments';

/**
 * TRUSTED_DOCUMENTS = off (default) | log | enforce; TRUSTED_DOCUMENTS_DIR (default schema/trusted);
 * TRUSTED_DOCUMENTS_OPEN_ROLES (default "developer,tester"): roles that may send any document.
 */
export function trustedDocumentsFromEnv(): TrustedDocumentsOptions {
  const mode = (readEnv('TRUSTED_DOCUMENTS') ?? 'off').toLowerCase();
  if (!(TRUSTED_DOCUMENTS_MODES as readonly string[]).includes(mode)) {
    throw new Error(`TRUSTED_DOCUMENTS must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}, got "${mode}"`);
  }
  const roles = readEnv('TRUSTED_DOCUMENTS_OPEN_ROLES');
  return {
    mode: mode as TrustedDocumentsMode,
    dir: readEnv('TRUSTED_DOCUMENTS_DIR'),
    openRoles: roles === undefined ? DEFAULT_OPEN_ROLES : roles.split(',').map((r) => r.trim()).filter(Boolean),
  };
}
